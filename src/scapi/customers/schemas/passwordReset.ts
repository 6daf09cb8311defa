/**
 * The Shopper Customers password reset: a reset token for a login, then the new password with
 * that token. Both calls use an Account Manager token, not a shopper's.
 *
 * @module
 */
import * as z from 'zod/mini'
import { filled, looseModel, REQUEST } from '../../schemaKit.ts'

/**
 * The body of getResetPasswordToken.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ResetPasswordTokenRequest
 */
export interface ResetPasswordTokenRequest {
  /** The shopper's login, 1..256 characters. */
  login: string
}

/** The body of getResetPasswordToken, with the spec's limits. */
export const ResetPasswordTokenRequestSchema = looseModel<ResetPasswordTokenRequest>()({
  login: REQUEST.id(256),
})

/**
 * The answer of getResetPasswordToken: deliver `resetToken` to the shopper out of band (email).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ResetPasswordToken
 */
export interface ResetPasswordToken {
  login: string
  /** Where to send the token. */
  email: string
  /** Never empty. */
  resetToken: string
  expiresInMinutes: number
}

/** The answer of getResetPasswordToken as the API returns it. */
export const ResetPasswordTokenSchema = looseModel<ResetPasswordToken>()({
  login: z.string(),
  email: z.string(),
  resetToken: filled(),
  expiresInMinutes: z.number(),
})

/**
 * The body of resetPassword.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ResetPasswordRequest
 */
export interface ResetPasswordRequest {
  /** The token of getResetPasswordToken, 1..4096 characters. */
  resetToken: string
  /** 1..256 characters. */
  login: string
  /** 1..4096 characters; the server's password policy decides the rest. */
  newPassword: string
}

/** The body of resetPassword, with the spec's limits. */
export const ResetPasswordRequestSchema = looseModel<ResetPasswordRequest>()({
  resetToken: REQUEST.id(4096),
  login: REQUEST.id(256),
  newPassword: REQUEST.id(4096),
})
