/**
 * Between the errors the machines keep and the public error class.
 *
 * @module
 */
import type { SessionError } from '../../machines/contracts.ts'
import { ShopperSessionError } from '../errors.ts'

/**
 * The `ShopperSessionError` a machine kept (actors reject with one), or one built from plain
 * error data (a machine's own error, a snapshot restored from JSON).
 */
export function toShopperSessionError(error: SessionError): ShopperSessionError {
  if (error instanceof ShopperSessionError) return error
  // The data's optional fields are the error's options of the same names.
  return new ShopperSessionError(error.code, error.message, error)
}
