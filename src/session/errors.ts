/**
 * Between the machines' plain error data and the public error class.
 *
 * @module
 */
import type { SessionError } from '../../machines/contracts.ts'
import { ShopperSessionError } from '../errors.ts'

/** A `ShopperSessionError` from the error data a machine kept. */
export function toShopperSessionError(error: SessionError): ShopperSessionError {
  return new ShopperSessionError(error.code, error.message, {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.operation !== undefined ? { operation: error.operation } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
  })
}
