/**
 * Every error a hook exposes is a `ShopperSessionError`: what the session rejected with, what a
 * machine kept as plain data, or (from a `SessionLike` that broke its contract) a wrapped value.
 *
 * @module
 */
import { isErrorCode, ShopperSessionError } from '../errors.ts'

/** `error` as a {@link ShopperSessionError} (kept as it is when it already is one). */
export function toError(error: unknown): ShopperSessionError {
  if (error instanceof ShopperSessionError) return error
  if (typeof error === 'object' && error !== null) {
    const { code, message, status, operation, retryAfterMs } = error as Record<string, unknown>
    // A machine's plain error data (`ShopperSessionError.toJSON()`): the same error again.
    if (isErrorCode(code) && typeof message === 'string') {
      return new ShopperSessionError(code, message, {
        status: typeof status === 'number' ? status : undefined,
        operation: typeof operation === 'string' ? operation : undefined,
        retryAfterMs: typeof retryAfterMs === 'number' ? retryAfterMs : undefined,
      })
    }
  }
  // The message of an unknown error may carry anything: it stays in `cause`, out of `toJSON()`.
  return new ShopperSessionError('invalid_response', 'The session failed without a coded error.', {
    cause: error,
  })
}
