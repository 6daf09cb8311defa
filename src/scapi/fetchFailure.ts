/**
 * Maps a fetch that never produced an HTTP answer to `network`, `timeout` or `aborted`.
 *
 * @module
 */
import { type ErrorCode, ShopperSessionError } from '../errors.ts'
import { cleanServerText } from './serverText.ts'

function errorName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const name = (value as { name?: unknown }).name
  return typeof name === 'string' ? name : undefined
}

function describeThrown(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value
  const { message, cause } = value as { message?: unknown; cause?: unknown }
  const code =
    typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined
  const parts = [errorName(value), typeof message === 'string' ? message : undefined]
  if (typeof code === 'string') parts.push(`(${code})`)
  return parts.filter((part) => part !== undefined && part !== '').join(' ')
}

/**
 * Maps a thrown fetch failure (no HTTP answer) to `timeout` (a `TimeoutError`, or a signal aborted
 * with one), `aborted` (the caller's signal, or an `AbortError`) or `network` (anything else).
 * A {@link ShopperSessionError} passes through unchanged. The original error is not kept: its
 * message may quote a header value; a redacted summary goes into the message instead.
 *
 * @example
 * ```ts
 * mapFetchFailure('getAccessToken', new DOMException('late', 'TimeoutError')).code // 'timeout'
 * ```
 */
export function mapFetchFailure(
  operation: string,
  error: unknown,
  signal?: AbortSignal,
): ShopperSessionError {
  if (error instanceof ShopperSessionError) return error
  // ofetch-style wrappers keep the real failure in `cause`.
  const cause =
    typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined
  const names = [errorName(error), errorName(cause)]
  let code: ErrorCode = 'network'
  if (signal?.aborted === true) {
    code = errorName(signal.reason) === 'TimeoutError' ? 'timeout' : 'aborted'
  } else if (names.includes('TimeoutError')) {
    code = 'timeout'
  } else if (names.includes('AbortError')) {
    code = 'aborted'
  }
  const summary = cleanServerText(describeThrown(error))
  const label = code === 'network' ? 'network error' : code === 'timeout' ? 'timed out' : 'aborted'
  return new ShopperSessionError(
    code,
    `${operation} failed: ${label}${!summary ? '' : ` (${summary})`}`,
    { operation },
  )
}
