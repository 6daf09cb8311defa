/**
 * Between the machines' plain error data and the public error class.
 *
 * @module
 */
import type { SessionError } from '../../machines/contracts.ts'
import { ShopperSessionError } from '../errors.ts'

/** A `ShopperSessionError` from the error data a machine kept. */
export function toShopperSessionError(error: SessionError): ShopperSessionError {
  // The data's optional fields are the error's options of the same names.
  return new ShopperSessionError(error.code, error.message, error)
}
