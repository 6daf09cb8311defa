/**
 * A small in-memory sliding-window rate limiter for one process: at most `limit` hits per key
 * within any `windowMs`. Memory is bounded: a key holds at most `limit` timestamps, keys whose
 * window has passed are pruned as hits arrive, and at most `maxKeys` keys are kept.
 *
 * @module
 */

/** How many hits a key may make within a window. */
export interface RateLimitRule {
  /** Hits allowed per window (an integer ≥ 1). */
  limit: number
  /** The window length in milliseconds (an integer ≥ 1). */
  windowMs: number
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions extends RateLimitRule {
  /**
   * The most keys kept (default 10 000). When a new key arrives at the cap, the key idle the
   * longest is forgotten: memory stays bounded, at the price of letting a flood of distinct keys
   * reset an old key's count (the per-client limit is what stops one client flooding).
   */
  maxKeys?: number
  /** The clock (epoch ms). Default `Date.now`, read at call time. */
  now?: () => number
}

/** A rate limiter. */
export interface RateLimiter {
  /** Milliseconds until `key` may hit again; 0 when it may hit now. Charges nothing. */
  check(key: string): number
  /** Records a hit of `key` (whether or not it was allowed: call {@link check} first). */
  hit(key: string): void
  /** Keys held now (for tests and metrics). */
  size(): number
  /** Forgets every key. */
  clear(): void
}

/**
 * Creates a sliding-window limiter. A sliding log is exact (no double burst at a window edge,
 * unlike fixed windows) and cheap at the small limits password reset needs.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ limit: 5, windowMs: 15 * 60_000 })
 * const wait = limiter.check(login)
 * if (wait > 0) throw tooMany(wait)
 * limiter.hit(login)
 * ```
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = options
  const maxKeys = options.maxKeys ?? 10_000
  const now = options.now ?? (() => Date.now())
  // Hit times per key, oldest first. The Map's order is the order of each key's latest hit (a hit
  // moves its key to the end), so the keys whose window has passed are always at the front.
  const hits = new Map<string, number[]>()

  const prune = (at: number) => {
    for (const [key, times] of hits) {
      const latest = times[times.length - 1] ?? -Infinity
      if (latest > at - windowMs) break
      hits.delete(key)
    }
  }

  const live = (key: string, at: number): number[] => {
    const times = hits.get(key) ?? []
    let expired = 0
    while (expired < times.length && (times[expired] ?? 0) <= at - windowMs) expired += 1
    if (expired > 0) times.splice(0, expired)
    return times
  }

  return {
    check(key) {
      const at = now()
      const times = live(key, at)
      if (times.length < limit) return 0
      // The oldest hit in the window leaves it first; one slot is then free.
      const oldest = times[times.length - limit] ?? at
      return Math.max(1, oldest + windowMs - at)
    },
    hit(key) {
      const at = now()
      prune(at)
      const times = live(key, at)
      hits.delete(key)
      times.push(at)
      // Only the latest `limit` hits can matter for `check`.
      if (times.length > limit) times.splice(0, times.length - limit)
      while (hits.size >= maxKeys) {
        const idlest = hits.keys().next()
        if (idlest.done === true) break
        hits.delete(idlest.value)
      }
      hits.set(key, times)
    },
    size: () => hits.size,
    clear: () => hits.clear(),
  }
}
