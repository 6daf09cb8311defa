/**
 * The checks on what a shopper sends, before any limiter is charged or request made: the limits of
 * the Shopper Customers reset bodies, as its OpenAPI declares them. A refusal is `bad_request`
 * naming the field, never its value (it may be a token or a password).
 *
 * @module
 */
import { ShopperSessionError } from '../../errors.ts'

/** The most characters of each field (`ResetPasswordRequest`, `ResetPasswordTokenRequest`). */
export const FIELD_LIMITS = { login: 256, token: 4096, newPassword: 4096 } as const

/** The fields a shopper sends. */
export type InputField = keyof typeof FIELD_LIMITS

/**
 * `value` as a string of 1..limit characters, else `bad_request` for `operation` naming `field`.
 *
 * @example
 * ```ts
 * const login = checkField('getResetPasswordToken', 'login', body.login)
 * ```
 */
export function checkField(operation: string, field: InputField, value: unknown): string {
  const max = FIELD_LIMITS[field]
  const reason =
    typeof value !== 'string'
      ? value === undefined
        ? 'is required'
        : 'must be a string'
      : value.length === 0
        ? 'must not be empty'
        : value.length > max
          ? `must be at most ${max} characters`
          : undefined
  if (reason === undefined) return value as string
  // No `status`: the handler tells its own refusals (whose message it may show) from upstream ones.
  return reject(operation, `${field}: ${reason}`)
}

function reject(operation: string, reason: string): never {
  throw new ShopperSessionError('bad_request', `${operation}: ${reason}`, { operation })
}

/** The key a login is counted under: B2C Commerce logins are case-insensitive. */
export function loginKey(login: string): string {
  return login.trim().toLowerCase()
}
