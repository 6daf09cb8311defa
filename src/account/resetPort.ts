/**
 * What a password reset flow needs from whoever holds the Account Manager credentials: the
 * browser's HTTP client and the server's service both implement it, so the statechart's actors
 * and server code call the same two methods.
 *
 * @module
 */

/** Per-call options of a {@link PasswordResetPort}. */
export interface PasswordResetCallOptions {
  /** Aborts the call (`aborted`); a call already answered by the server still took effect. */
  signal?: AbortSignal
}

/** What a shopper submits to set a new password with a reset token. */
export interface PasswordResetSubmission {
  /** The shopper's login, as in the reset link. */
  login: string
  /** The reset token from the link. */
  token: string
  /** The new password. */
  newPassword: string
}

/**
 * The two steps of a Shopper Customers password reset. Neither returns the reset token: it only
 * ever travels to the shopper through the app's delivery (an e-mail link).
 *
 * @example
 * ```ts
 * const reset: PasswordResetPort = createPasswordResetClient({ endpoint: '/api/password-reset' })
 * await reset.requestToken('ada@example.com')
 * await reset.resetPassword({ login, token, newPassword })
 * ```
 */
export interface PasswordResetPort {
  /**
   * Has a reset token created for `login` and delivered to the shopper. Rejects with
   * `not_found` for an unknown login (unless the server answers neutrally), `rate_limited`, …
   */
  requestToken(login: string, options?: PasswordResetCallOptions): Promise<void>
  /**
   * Sets the new password. Rejects with `invalid_reset_token` (unknown, used or expired token, or
   * another login's), `weak_password`, `rate_limited`, …
   */
  resetPassword(input: PasswordResetSubmission, options?: PasswordResetCallOptions): Promise<void>
}
