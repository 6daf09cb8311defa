import { expect } from 'vitest'
import { type ErrorCode, ShopperSessionError } from '../../src/errors.ts'
import { recordError } from './secretGuard.ts'

/**
 * Awaits `promise`, expects it to reject with a {@link ShopperSessionError} of `code`, hands the
 * error to the secret guard and returns it for further checks.
 */
export async function expectCode(
  promise: Promise<unknown>,
  code: ErrorCode,
): Promise<ShopperSessionError> {
  let caught: unknown
  try {
    await promise
  } catch (error) {
    caught = error
  }
  recordError(caught)
  expect(caught, `expected a ShopperSessionError with code ${code}`).toBeInstanceOf(
    ShopperSessionError,
  )
  const error = caught as ShopperSessionError
  expect(error.code).toBe(code)
  return error
}
