/**
 * Maps a fetch that never produced an HTTP answer to `network`, `timeout` or `aborted`.
 *
 * @module
 */
import { type ErrorCode, ShopperSessionError } from '../errors.ts'
import { operationError } from './operationError.ts'
import { cleanServerText } from './serverText.ts'

function errorName(value: unknown): string | undefined {
  const name = typeof value === 'object' ? (value as { name?: unknown } | null)?.name : undefined
  return typeof name === 'string' ? name : undefined
}

function describeThrown(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value
  const { message, cause } = value as { message?: unknown; cause?: { code?: unknown } | null }
  const code = typeof cause === 'object' ? cause?.code : undefined
  return [errorName(value), message, typeof code === 'string' ? `(${code})` : undefined]
    .filter((part) => typeof part === 'string' && part !== '')
    .join(' ')
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
  // ofetch-style wrappers keep the real failure in `cause`; an aborted signal's reason decides.
  const cause = typeof error === 'object' ? (error as { cause?: unknown } | null)?.cause : undefined
  const aborted = signal?.aborted === true
  const names = aborted ? [errorName(signal.reason)] : [errorName(error), errorName(cause)]
  const code: ErrorCode = names.includes('TimeoutError')
    ? 'timeout'
    : aborted || names.includes('AbortError')
      ? 'aborted'
      : 'network'
  const summary = cleanServerText(describeThrown(error))
  const label = code === 'network' ? 'network error' : code === 'timeout' ? 'timed out' : 'aborted'
  return operationError(code, operation, ` failed: ${label}${!summary ? '' : ` (${summary})`}`)
}
