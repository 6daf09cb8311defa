/**
 * How long a server asked us to wait, from `Retry-After` (RFC 9110: delay seconds or an HTTP date)
 * or SLAS's `X-RateLimit-1M-Reset` (UTC epoch seconds at which the window resets).
 *
 * @module
 */

const SECONDS = /^\d+$/
// All three HTTP-date forms start with the weekday; V8's Date.parse accepts far looser text.
const HTTP_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun)/i

/** Milliseconds to wait, or `undefined` when no header gives a usable value. */
export function retryAfterMs(
  retryAfter: string | null | undefined,
  rateLimitReset: string | null | undefined,
  now: () => number,
): number | undefined {
  const value = retryAfter?.trim() ?? ''
  const reset = rateLimitReset?.trim() ?? ''
  // NaN (the one value not equal to itself) when a header gives nothing usable: the next is tried.
  const date = HTTP_DATE.test(value) ? Date.parse(value) - now() : NaN
  const ms = SECONDS.test(value)
    ? +value * 1000
    : date === date
      ? date
      : SECONDS.test(reset)
        ? // A plausible epoch (after 2001-09-09) is a reset time; smaller values are read as
          // seconds from now, defensively.
          +reset * 1000 - (+reset >= 1e9 ? now() : 0)
        : NaN
  // Capped at the largest delay setTimeout accepts, so a machine can use the value as is.
  return ms === ms ? Math.min(Math.max(0, Math.round(ms)), 2 ** 31 - 1) : undefined
}
