/**
 * The one way the clients build an error about an operation: the message starts with the
 * operation's name, and the error carries it (and the HTTP status, when there was one).
 *
 * @module
 */
import { type ErrorCode, ShopperSessionError } from '../errors.ts'

/**
 * `new ShopperSessionError(code, operation + text, { operation, status })`, e.g.
 * `operationError('invalid_response', 'getAccessToken', ' failed: redirect without a code')`.
 */
export function operationError(
  code: ErrorCode,
  operation: string,
  text: string,
  status?: number,
): ShopperSessionError {
  return new ShopperSessionError(code, operation + text, { operation, status })
}
