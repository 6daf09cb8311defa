/**
 * `X-RateLimit-1M-*` / `X-RateLimit-5M-*` headers (as SLAS sends them) per client id, counted in
 * fixed emulator-time windows aligned to the epoch; resets are epoch seconds. With `enforce`, a
 * used-up window answers 429 + `Retry-After`.
 *
 * @module
 */
import type { RateLimitOptions } from './options.ts'

const WINDOWS = [
  { name: '1M', ms: 60_000, limit: 'perMinute' },
  { name: '5M', ms: 300_000, limit: 'perFiveMinutes' },
] as const

/** Outcome of counting one request. */
export interface RateLimitHit {
  headers: Record<string, string>
  /** Set when enforcement refused the request: seconds until the exhausted window resets. */
  retryAfterSeconds: number | undefined
}

/** The limiter. */
export interface RateLimiter {
  hit(key: string, now: number): RateLimitHit
  reset(): void
}

/** Creates a limiter with the resolved settings. */
export function createRateLimiter(settings: Required<RateLimitOptions>): RateLimiter {
  const counters = new Map<string, number>()
  return {
    hit(key, now) {
      const windows = WINDOWS.map((w) => {
        const start = Math.floor(now / w.ms) * w.ms
        const id = `${w.name}:${start}:${key}`
        return { ...w, id, end: start + w.ms, used: counters.get(id) ?? 0, max: settings[w.limit] }
      })
      const exhausted = windows.filter((w) => w.used >= w.max)
      const refused = settings.enforce && exhausted.length > 0
      const headers: Record<string, string> = {}
      for (const w of windows) {
        // A refused request is not counted: it never reached the service.
        const used = refused ? w.used : w.used + 1
        if (!refused) counters.set(w.id, used)
        headers[`X-RateLimit-${w.name}-Limit`] = String(w.max)
        headers[`X-RateLimit-${w.name}-Remaining`] = String(Math.max(0, w.max - used))
        headers[`X-RateLimit-${w.name}-Reset`] = String(Math.floor(w.end / 1000))
      }
      // Old windows are never read again; drop them so a long run does not grow the map.
      if (counters.size > 10_000) {
        for (const id of counters.keys()) if (!windows.some((w) => w.id === id)) counters.delete(id)
      }
      const retryAfterSeconds = refused
        ? Math.max(...exhausted.map((w) => Math.ceil((w.end - now) / 1000)))
        : undefined
      return { headers, retryAfterSeconds }
    },
    reset() {
      counters.clear()
    },
  }
}
