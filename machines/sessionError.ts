/**
 * How the machines read an actor's rejection. Its own module: every machine needs it, and a flow
 * that imports it from another machine would carry that whole machine into its bundle.
 *
 * @module
 */
import type { SessionError } from './contracts.ts'

/**
 * Reads an actor's rejection as {@link SessionError}. The actors reject with
 * `ShopperSessionError`, which is kept as it is (so `isShopperSessionError` holds for the errors
 * in context and in emitted events); anything else (a bug in a provided actor) becomes
 * `invalid_response` so the machine still ends up somewhere defined.
 */
export function asSessionError(error: unknown): SessionError {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as SessionError).code === 'string' &&
    typeof (error as SessionError).message === 'string'
  ) {
    return error as SessionError
  }
  return { code: 'invalid_response', message: 'The actor failed without a coded error.' }
}
