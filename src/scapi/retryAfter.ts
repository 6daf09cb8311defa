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
  const date = HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN
  const reset = rateLimitReset?.trim() ?? ''
  const ms = SECONDS.test(value)
    ? Number(value) * 1000
    : Number.isFinite(date)
      ? date - now()
      : SECONDS.test(reset)
        ? // A plausible epoch (after 2001-09-09) is a reset time; smaller values are read as
          // seconds from now, defensively.
          Number(reset) >= 1e9
          ? Number(reset) * 1000 - now()
          : Number(reset) * 1000
        : undefined
  // Capped at the largest delay setTimeout accepts, so a machine can use the value as is.
  return ms === undefined ? undefined : Math.min(Math.max(0, Math.round(ms)), 2_147_483_647)
}
