/**
 * Maps a fetch that never produced an HTTP answer to `network`, `timeout` or `aborted`.
 *
 * @module
 */
import { type ErrorCode, ShopperSessionError } from '../errors.ts'
import { cleanServerText } from './serverText.ts'

/** What a thrown value may carry; read with `?.`, so primitives and null are fine too. */
type Thrown = { name?: unknown; message?: unknown; cause?: Thrown; code?: unknown } | null

/**
 * Maps a thrown fetch failure (no HTTP answer) to `timeout` (a `TimeoutError`, or a signal aborted
 * with one), `aborted` (the caller's signal, or an `AbortError`) or `network` (anything else).
 * A {@link ShopperSessionError} passes through unchanged. The original error is not kept: its
 * message may quote a header value; a redacted summary goes into the message instead, and the
 * system error's code (`ECONNREFUSED`, `ENOTFOUND`, …) becomes the cause (`{ code }`).
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
  const thrown = typeof error === 'object' ? (error as Thrown) : undefined
  // ofetch-style wrappers keep the real failure in `cause`; undici keeps the system error's code
  // there. An aborted signal's reason decides.
  const cause = typeof thrown?.cause === 'object' ? thrown.cause : undefined
  const aborted = signal?.aborted
  const names = aborted ? [(signal.reason as Thrown)?.name] : [thrown?.name, cause?.name]
  const [code, label]: [ErrorCode, string] = names.includes('TimeoutError')
    ? ['timeout', 'timed out']
    : aborted || names.includes('AbortError')
      ? ['aborted', 'aborted']
      : ['network', 'network error']
  // A summary such as `TypeError fetch failed (ECONNREFUSED)`, or the type of a thrown primitive.
  const summary = cleanServerText(
    thrown
      ? [thrown.name, thrown.message, typeof cause?.code === 'string' && `(${cause.code})`]
          .filter((part) => typeof part === 'string' && part)
          .join(' ')
      : typeof error,
  )
  // The system error's code (ECONNREFUSED, ENOTFOUND, …) is kept as the cause, alone: the
  // error's message may quote a header value.
  const systemCode = cause?.code ?? thrown?.code
  const kept = typeof systemCode === 'string' && /^E[A-Z_]+$/.test(systemCode)
  const message = `${operation} failed: ${label}${summary ? ` (${summary})` : ''}`
  return new ShopperSessionError(code, message, {
    operation,
    ...(kept ? { cause: { code: systemCode } } : {}),
  })
}
