/**
 * Passwords: updateCustomerPassword with the shopper's token, and the two-step reset
 * (getResetPasswordToken, resetPassword) with an Account Manager token. The SLAS variant of the
 * reset is a different API.
 *
 * @module
 */
import { jsonBody, noContent, type ScapiOperation, type TokenParams } from '../scapiOperation.ts'
import { type CustomerParams, customersOperation, type WithBody } from './common.ts'
import { type PasswordChangeRequest, PasswordChangeRequestSchema } from './schemas/customer.ts'
import {
  type ResetPasswordRequest,
  ResetPasswordRequestSchema,
  type ResetPasswordToken,
  type ResetPasswordTokenRequest,
  ResetPasswordTokenRequestSchema,
  ResetPasswordTokenSchema,
} from './schemas/passwordReset.ts'

/**
 * PUT `/customers/{customerId}/password` → 204. The current tokens then stop working
 * (`credentials_changed`): log in again with the new password.
 *
 * @example
 * ```ts
 * await updateCustomerPassword(config, {
 *   accessToken, customerId, body: { currentPassword, password: newPassword },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `updateCustomerPassword`
 */
export const updateCustomerPassword: ScapiOperation<
  WithBody<CustomerParams, PasswordChangeRequest>,
  void
> = customersOperation('updateCustomerPassword', 'PUT /customers/{customerId}/password', {
  body: PasswordChangeRequestSchema,
  response: noContent,
})

/**
 * POST `/customers/password/actions/create-reset-token`: a reset token for `login`, to deliver to
 * the shopper out of band. `accessToken` is an **Account Manager** token (see
 * `getAccountManagerToken`, scope `sfcc.shopper-customers.login`); server only.
 *
 * @example
 * ```ts
 * const { resetToken } = await getResetPasswordToken(config, {
 *   accessToken: amToken, body: { login: 'jane@example.com' },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getResetPasswordToken`
 */
export const getResetPasswordToken: ScapiOperation<
  WithBody<TokenParams, ResetPasswordTokenRequest>,
  ResetPasswordToken
> = customersOperation(
  'getResetPasswordToken',
  'POST /customers/password/actions/create-reset-token',
  { body: ResetPasswordTokenRequestSchema, response: jsonBody(ResetPasswordTokenSchema) },
)

/**
 * POST `/customers/password/actions/reset` → 204: sets `newPassword` with a reset token. An
 * unknown, used or expired token maps to `invalid_reset_token`. `accessToken` is an **Account
 * Manager** token; server only.
 *
 * @example
 * ```ts
 * await resetPassword(config, { accessToken: amToken, body: { resetToken, login, newPassword } })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `resetPassword`
 */
export const resetPassword: ScapiOperation<WithBody<TokenParams, ResetPasswordRequest>, void> =
  customersOperation('resetPassword', 'POST /customers/password/actions/reset', {
    body: ResetPasswordRequestSchema,
    response: noContent,
  })
