/**
 * Forced rate limiting (`control.rateLimit`): the next call(s) of one operation, or of any
 * operation, answer 429 in the module's shape with `Retry-After` and `X-RateLimit-*` headers that
 * show both windows used up until the retry time. Forced answers do not count against the real
 * limiter.
 *
 * @module
 */
import { createCountedQueues } from './countedQueues.ts'
import type { RateLimitOptions } from './options.ts'

/** Options of `control.rateLimit`. */
export interface ForcedRateLimit {
  /** How many calls answer 429. Default 1. */
  count?: number
  /** `Retry-After` (seconds). Default 60. */
  retryAfterSeconds?: number
}

/** The queues behind `control.rateLimit`. */
export interface ThrottleQueue {
  /** `operation` undefined: the next call(s) of any operation. */
  add(operation: string | undefined, options: ForcedRateLimit): void
  /** Retry-After seconds when this call of `operation` is forced to 429 (consumes one count). */
  take(operation: string): number | undefined
  clear(): void
}

const ANY = '*'

/** Creates the queues; `operations` are the valid names (typos throw instead of never firing). */
export function createThrottleQueue(operations: () => ReadonlySet<string>): ThrottleQueue {
  // Each entry is the Retry-After (seconds) of the forced answers.
  const queues = createCountedQueues<number>()
  return {
    add(operation, options) {
      if (operation !== undefined && !operations().has(operation)) {
        throw new TypeError(`rateLimit: unknown operation '${operation}'`)
      }
      const count = options.count ?? 1
      const retryAfterSeconds = options.retryAfterSeconds ?? 60
      if (!Number.isInteger(count) || count < 1) throw new TypeError('rateLimit: bad count')
      if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
        throw new TypeError('rateLimit: bad retryAfterSeconds')
      }
      queues.push(operation ?? ANY, retryAfterSeconds, count)
    },
    take: (operation) => queues.take(operation) ?? queues.take(ANY),
    clear: () => queues.clear(),
  }
}

/** `X-RateLimit-*` headers of a forced 429: both windows used up until `now + retryAfter`. */
export function forcedRateLimitHeaders(
  limits: Required<RateLimitOptions>,
  now: number,
  retryAfterSeconds: number,
): Record<string, string> {
  const reset = String(Math.ceil(now / 1000) + retryAfterSeconds)
  return {
    'X-RateLimit-1M-Limit': String(limits.perMinute),
    'X-RateLimit-1M-Remaining': '0',
    'X-RateLimit-1M-Reset': reset,
    'X-RateLimit-5M-Limit': String(limits.perFiveMinutes),
    'X-RateLimit-5M-Remaining': '0',
    'X-RateLimit-5M-Reset': reset,
  }
}
