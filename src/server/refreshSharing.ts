/**
 * Single-flight refreshes across the requests of one process: concurrent requests of one shopper
 * carry the same refresh token, and a public client's refresh token is single use, so only the
 * first may spend it; the others wait for its answer.
 *
 * @module
 */
import type { RefreshSharing } from '../actors.ts'
import type { SessionTokenResponse as SessionTokenResponse } from '../scapi/slasSchemas.ts'

/** Options of {@link createRefreshSingleFlight}. */
export interface RefreshSingleFlightOptions {
  /**
   * How long a successful refresh's answer stays shared after it settled (ms). A browser often
   * has requests in flight that left with the old cookie; without the grace they would spend the
   * used refresh token and lose the shopper's session. Default 10 000; 0 keeps nothing.
   */
  graceMs?: number
}

/** A single-flight table of refreshes. */
export interface RefreshSingleFlight {
  /** Shares one refresh between callers holding the same refresh token within `scope`. */
  share(
    scope: string,
    refreshToken: string,
    run: () => Promise<SessionTokenResponse>,
  ): Promise<SessionTokenResponse>
  /** Refreshes now on the wire (for metrics and tests). */
  inFlight(): number
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Creates a single-flight table. Entries are keyed by a SHA-256 of scope and refresh token (the
 * table never names a token) and hold the promise of a refresh in flight; a successful answer
 * stays `graceMs` longer for late requests that still carry the spent token.
 *
 * Hashing is asynchronous, so a caller that arrived while a refresh was on the wire may finish
 * hashing after it settled (a fast error answer settles within a millisecond). Such a caller
 * holds the same, now spent, token and must still join. So a settled entry stays until every
 * caller that started hashing before it settled has looked it up, then goes: a few
 * milliseconds, never a cache.
 */
export function createRefreshSingleFlight(
  options: RefreshSingleFlightOptions = {},
): RefreshSingleFlight {
  const graceMs = options.graceMs ?? 10_000
  const pending = new Map<string, Promise<SessionTokenResponse>>()
  // Answers of settled refreshes, kept `graceMs` for requests that still carry the old token.
  const recent = new Map<string, Promise<SessionTokenResponse>>()
  const remember = (key: string, flight: Promise<SessionTokenResponse>) => {
    if (graceMs <= 0) return
    recent.set(key, flight)
    const timer = setTimeout(() => {
      if (recent.get(key) === flight) recent.delete(key)
    }, graceMs)
    // The grace must never keep a server process alive.
    if (typeof timer === 'object' && timer !== null && 'unref' in timer) timer.unref()
  }
  // Callers between arrival and lookup, by arrival number.
  const hashing = new Set<number>()
  // Settled entries waiting for the callers that arrived before they settled.
  type Leaving = { key: string; flight: Promise<SessionTokenResponse>; arrivedBefore: number }
  let leaving: Leaving[] = []
  let arrivals = 0

  const sweep = () => {
    if (leaving.length === 0) return
    let oldest = Infinity // stays Infinity when nobody is hashing
    for (const arrival of hashing) oldest = Math.min(oldest, arrival)
    leaving = leaving.filter((entry) => {
      if (entry.arrivedBefore > oldest) return true
      if (pending.get(entry.key) === entry.flight) pending.delete(entry.key)
      return false
    })
  }

  return {
    async share(scope, refreshToken, run) {
      const arrival = arrivals++
      hashing.add(arrival)
      let key: string
      try {
        key = await sha256Hex(`${scope}\n${refreshToken}`)
      } catch (error) {
        hashing.delete(arrival)
        sweep()
        throw error
      }
      const running = pending.get(key) ?? recent.get(key)
      hashing.delete(arrival)
      sweep()
      if (running) return running
      // Started inside a promise chain, so a synchronous throw in `run` settles like a rejection.
      const flight = Promise.resolve().then(run)
      pending.set(key, flight)
      const settle = () => {
        leaving.push({ key, flight, arrivedBefore: arrivals })
        sweep()
      }
      flight.then(() => {
        remember(key, flight)
        settle()
      }, settle)
      return flight
    },
    inFlight: () => pending.size,
  }
}

/** The process-wide table every server session shares. */
export const serverRefreshes: RefreshSingleFlight = createRefreshSingleFlight()

/** The {@link RefreshSharing} for sessions of one SLAS client (`scope` names client and API). */
export function scopedSharing(table: RefreshSingleFlight, scope: string): RefreshSharing {
  return (refreshToken, run) => table.share(scope, refreshToken, run)
}
