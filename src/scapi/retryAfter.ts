/**
 * How long a server asked us to wait, from `Retry-After` (RFC 9110: delay seconds or an HTTP date)
 * or SLAS's `X-RateLimit-1M-Reset` (UTC epoch seconds at which the window resets).
 *
 * @module
 */

const SECONDS = /^\d+$/
// All three HTTP-date forms start with the weekday; V8's Date.parse accepts far looser text.
const HTTP_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun)/i
// A plausible epoch (after 2001-09-09); smaller values are read as seconds from now, defensively.
const MIN_EPOCH_SECONDS = 1_000_000_000
// Cap at the largest delay setTimeout accepts, so a machine can use the value as is.
const MAX_DELAY_MS = 2_147_483_647

function clamp(ms: number): number {
  return Math.min(Math.max(0, Math.round(ms)), MAX_DELAY_MS)
}

/** Milliseconds to wait, or `undefined` when no header gives a usable value. */
export function retryAfterMs(
  retryAfter: string | undefined,
  rateLimitReset: string | undefined,
  now: () => number,
): number | undefined {
  const value = retryAfter?.trim()
  if (value !== undefined && value !== '') {
    if (SECONDS.test(value)) return clamp(Number(value) * 1000)
    const date = HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN
    if (Number.isFinite(date)) return clamp(date - now())
  }
  const reset = rateLimitReset?.trim()
  if (reset !== undefined && SECONDS.test(reset)) {
    const seconds = Number(reset)
    return clamp(seconds >= MIN_EPOCH_SECONDS ? seconds * 1000 - now() : seconds * 1000)
  }
  return undefined
}
