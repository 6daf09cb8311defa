/**
 * The password change of a logged-in shopper: `updateCustomerPassword` with the session's token,
 * then the same handling as after a loginId change: the old tokens are dropped everywhere and the
 * session logs in again with the new password.
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import type { AccountCalls } from './customerCalls.ts'
import { type AccountSession, dropRegistered, logInAgain, registeredTokens } from './session.ts'

/** Input of `changePassword`. */
export interface ChangePasswordInput {
  /** The password the shopper logs in with now. */
  currentPassword: string
  /** The password to set (the server's policy decides; a refusal is `weak_password`). */
  newPassword: string
}

/**
 * Changes the password and logs in again with it. Rejects with `conflict` for a guest,
 * `invalid_current_password` or `weak_password` (nothing changed, the session stays as it was),
 * or with the re-login's code after the change (the session is then a guest).
 */
export async function changePassword(
  session: AccountSession,
  calls: AccountCalls,
  input: ChangePasswordInput,
): Promise<void> {
  await session.ready()
  const tokens = registeredTokens(session, 'changePassword')
  const operation = 'updateCustomerPassword'
  // Empty fields never cost a request (the same codes the server would answer).
  if (input.currentPassword === '') {
    const message = 'changePassword: the current password is required.'
    throw new ShopperSessionError('invalid_current_password', message, { operation })
  }
  if (input.newPassword === '') {
    throw new ShopperSessionError('weak_password', 'changePassword: choose a new password.', {
      operation,
    })
  }
  await calls.changePassword(
    { customerId: tokens.customerId },
    { currentPassword: input.currentPassword, password: input.newPassword },
  )
  // From here SLAS refuses the old tokens: drop them without a remote call, then log in again.
  await dropRegistered(session, { remote: false })
  await logInAgain(session, tokens.loginId, input.newPassword)
}
