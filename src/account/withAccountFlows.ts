/**
 * `withAccountFlows(session, options)`: adds the credential flows to a session object.
 *
 * @module
 */
import type { PasswordResetPort } from './resetPort.ts'
import { changePassword, type ChangePasswordInput } from './changePassword.ts'
import { createAccountCalls } from './customerCalls.ts'
import { type LoginIdChangeActor, startLoginIdChange } from './loginIdChange.ts'
import {
  type PasswordResetActor,
  type PasswordResetStart,
  startPasswordReset,
} from './passwordReset.ts'
import type { InspectionObserver } from '../session/config.ts'
import type { AccountSession } from './session.ts'

/** Options of {@link withAccountFlows}. */
export interface AccountFlowsOptions {
  /**
   * The server side of the password reset (`createPasswordResetClient({ endpoint })`). Without
   * it `resetPassword()` throws `invalid_config`.
   */
  passwordReset?: PasswordResetPort
  /**
   * Receives XState's inspection events of every flow this starts (see the session's `inspect`
   * option): passwords and reset tokens show only as `[secret]` there.
   */
  inspect?: InspectionObserver
}

/** The members {@link withAccountFlows} adds. */
export interface AccountFlows {
  /**
   * Starts a password reset flow and returns its running actor. `{ login, token }` (the emailed
   * link opened this page) starts at the new-password form; `loginAfterReset: true` logs the
   * session in with the new password. Throws `invalid_config` without a `passwordReset` port.
   */
  resetPassword(start?: PasswordResetStart): PasswordResetActor
  /**
   * Starts a loginId change flow for the registered shopper and returns its running actor.
   * On success the old tokens are dropped everywhere and the session logs in with the new
   * login; if that fails the flow ends `reauthRequired` and the session is a guest tagged
   * `reauthRequired`. Throws `conflict` when the session is not registered.
   */
  changeLoginId(): LoginIdChangeActor
  /**
   * Changes the registered shopper's password, drops the old tokens everywhere and logs in again
   * with the new password. Rejects with the coded error; after a failed re-login the session is
   * a guest tagged `reauthRequired`.
   */
  changePassword(input: ChangePasswordInput): Promise<void>
}

/**
 * Extends `session` (the same object) with the password reset, loginId change and password
 * change flows. Passwords and reset tokens live only inside the running flow: never in a
 * snapshot's context, in storage or in an error.
 *
 * @example
 * ```ts
 * import { createPasswordResetClient, withAccountFlows } from 'shopper-session/account'
 *
 * const account = withAccountFlows(session, {
 *   passwordReset: createPasswordResetClient({ endpoint: '/api/password-reset' }),
 * })
 * const reset = account.resetPassword()
 * reset.send({ type: 'request', login: 'ada@example.com' })
 * // … on the page the e-mailed link opened:
 * reset.send({ type: 'submit', newPassword: secret(form.newPassword.value) })
 * ```
 */
export function withAccountFlows<S extends AccountSession>(
  session: S,
  options: AccountFlowsOptions = {},
): S & AccountFlows {
  const calls = createAccountCalls(session)
  const flows: AccountFlows = {
    resetPassword: (start) =>
      startPasswordReset(session, options.passwordReset, start, options.inspect),
    changeLoginId: () => startLoginIdChange(session, calls, options.inspect),
    changePassword: (input) => changePassword(session, calls, input),
  }
  return Object.assign(session, flows)
}
