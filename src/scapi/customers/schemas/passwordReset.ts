/**
 * The Shopper Customers password reset (reference c.3): a reset token for a login, then the new
 * password with that token. Both calls use an Account Manager token, not a shopper's.
 *
 * @module
 */
import * as z from 'zod/mini'
import { filled, REQUEST } from '../../schemaKit.ts'

/**
 * The body of getResetPasswordToken.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ResetPasswordTokenRequest
 */
export const ResetPasswordTokenRequestSchema = z.looseObject({ login: REQUEST.id(256) })

/** The body of getResetPasswordToken. */
export type ResetPasswordTokenRequest = z.input<typeof ResetPasswordTokenRequestSchema>

/**
 * The answer of getResetPasswordToken: deliver `resetToken` to the shopper out of band (email).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ResetPasswordToken
 */
export const ResetPasswordTokenSchema = z.looseObject({
  login: z.string(),
  email: z.string(),
  resetToken: filled(),
  expiresInMinutes: z.number(),
})

/** The answer of getResetPasswordToken. */
export type ResetPasswordToken = z.infer<typeof ResetPasswordTokenSchema>

/**
 * The body of resetPassword.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ResetPasswordRequest
 */
export const ResetPasswordRequestSchema = z.looseObject({
  resetToken: REQUEST.id(4096),
  login: REQUEST.id(256),
  newPassword: REQUEST.id(4096),
})

/** The body of resetPassword. */
export type ResetPasswordRequest = z.input<typeof ResetPasswordRequestSchema>
