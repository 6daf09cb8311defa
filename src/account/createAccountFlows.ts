/**
 * `createAccountFlows(session, options)`: the credential flows of a session, each in two forms: a
 * running statechart actor for UIs that read tags (`start…`), and a promise for code that just
 * wants the result.
 *
 * @module
 */
import type { PasswordResetOutput } from '../../machines/passwordResetMachine.ts'
import { secret } from '../secret.ts'
import type { ActionOptions } from '../session/actions.ts'
import { ShopperSessionError } from '../errors.ts'
import {
  INSPECTOR_REQUIRED,
  inspectionObserver,
  type ShopperInspector,
} from '../inspect/registry.ts'
import { createAccountCalls } from './customerCalls.ts'
import { runFlow } from './flowPromise.ts'
import { type LoginIdChangeActor, startLoginIdChange } from './loginIdChange.ts'
import { type PasswordChangeActor, startPasswordChange } from './passwordChange.ts'
import {
  type PasswordResetActor,
  type PasswordResetStart,
  startPasswordReset,
} from './passwordReset.ts'
import type { PasswordResetPort } from './resetPort.ts'
import type { AccountSession } from './session.ts'

/** Options of {@link createAccountFlows}. */
export interface AccountFlowsOptions {
  /**
   * The server side of the password reset (`createPasswordResetClient({ endpoint })`). Without
   * it the reset flows throw `invalid_config`.
   */
  passwordReset?: PasswordResetPort
  /**
   * Where XState's inspection events of every flow started go, redacted: an inspector made by
   * `redactedInspector(observer)` from `shopper-session/inspect` (see the session's `inspect`
   * option). A plain function or observer is refused (`invalid_config`): wrap it.
   */
  inspect?: ShopperInspector
}

/** Input of {@link AccountFlows.resetPassword}: what the e-mailed link carried, and more. */
export interface PasswordResetCompletion extends ActionOptions {
  login: string
  /** The reset token from the link. */
  token: string
  newPassword: string
  /** Log the session in with the new password. Default false. */
  loginAfterReset?: boolean
}

/** Input of {@link AccountFlows.changeLoginId}. */
export interface LoginIdChangeRequest extends ActionOptions {
  newLogin: string
  currentPassword: string
}

/** Input of {@link AccountFlows.changePassword}. */
export interface PasswordChangeRequest extends ActionOptions {
  /** The password the shopper logs in with now. */
  currentPassword: string
  /** The password to set (the server's policy decides; a refusal is `weak_password`). */
  newPassword: string
}

/** The account flows of one session. */
export interface AccountFlows {
  /**
   * Starts a password reset flow; `{ login, token }` (the e-mailed link opened this page) starts
   * at the new-password form; `loginAfterReset: true` logs the session in with the new password.
   * Throws `invalid_config` without a `passwordReset` port.
   */
  startPasswordReset(start?: PasswordResetStart): PasswordResetActor
  /** Asks the server to e-mail a reset link to `login`; rejects with `not_found`, … */
  requestPasswordReset(login: string, options?: ActionOptions): Promise<void>
  /**
   * Sets the new password with the link's token; rejects with `weak_password` (the link still
   * works), `invalid_reset_token`, …. Resolves with whether the optional login succeeded.
   */
  resetPassword(completion: PasswordResetCompletion): Promise<PasswordResetOutput>
  /**
   * Starts a loginId change flow for the registered shopper. On success the old tokens are
   * dropped everywhere and the session logs in with the new login; if that fails the flow ends
   * `reauthRequired` and the session is a guest tagged `reauthRequired`. Throws `conflict` when
   * the session is not registered.
   */
  startLoginIdChange(): LoginIdChangeActor
  /**
   * Changes the login: rejects with `invalid_current_password`, `login_taken`, `bad_request`,
   * or after the change with the re-login's error (the session is then a guest tagged
   * `reauthRequired`).
   */
  changeLoginId(request: LoginIdChangeRequest): Promise<void>
  /** Starts a password change flow for the registered shopper (like the loginId change). */
  startPasswordChange(): PasswordChangeActor
  /**
   * Changes the password: rejects with `invalid_current_password` or `weak_password` (nothing
   * changed), or after the change with the re-login's error (the session is then a guest tagged
   * `reauthRequired`).
   */
  changePassword(request: PasswordChangeRequest): Promise<void>
}

/** The end of a flow that changes credentials (loginId, password). */
const CREDENTIAL_CHANGE = { success: ['done'], failure: ['error', 'reauthRequired'] } as const

/**
 * The credential flows of `session`: password reset (through the app's server), loginId change
 * and password change. Passwords and reset tokens live only inside the running flow (boxed,
 * in the flow's secret hold): never in a snapshot's context, in storage, a log or an error.
 *
 * @example
 * ```ts
 * import { createAccountFlows, createPasswordResetClient } from 'shopper-session/account'
 *
 * const account = createAccountFlows(session, {
 *   passwordReset: createPasswordResetClient({ endpoint: '/api/password-reset' }),
 * })
 * await account.requestPasswordReset('ada@example.com')
 * await account.changePassword({ currentPassword, newPassword })
 * ```
 */
export function createAccountFlows(
  session: AccountSession,
  options: AccountFlowsOptions = {},
): AccountFlows {
  const calls = createAccountCalls(session)
  const { passwordReset } = options
  // Only an inspector from shopper-session/inspect (redacting, unless made unsafe on purpose).
  const inspect = inspectionObserver(options.inspect)
  if (options.inspect !== undefined && !inspect) {
    const message = `createAccountFlows: inspect: ${INSPECTOR_REQUIRED}`
    throw new ShopperSessionError('invalid_config', message)
  }
  const flows: AccountFlows = {
    startPasswordReset: (start) => startPasswordReset(session, passwordReset, start, inspect),
    async requestPasswordReset(login, { signal } = {}) {
      const reset = flows.startPasswordReset()
      const end = { success: ['tokenSent'], failure: ['error'] }
      await runFlow(reset, { type: 'request', login } as const, end, signal)
    },
    async resetPassword({ login, token, newPassword, loginAfterReset, signal }) {
      const reset = flows.startPasswordReset({ login, token, loginAfterReset })
      const submit = { type: 'submit', newPassword: secret(newPassword) } as const
      const done = await runFlow(reset, submit, { success: ['done'], failure: ['error'] }, signal)
      return done.output as PasswordResetOutput
    },
    startLoginIdChange: () => startLoginIdChange(session, calls, inspect),
    async changeLoginId({ newLogin, currentPassword, signal }) {
      const submit = { type: 'submit', newLogin, currentPassword: secret(currentPassword) } as const
      await runFlow(flows.startLoginIdChange(), submit, CREDENTIAL_CHANGE, signal)
    },
    startPasswordChange: () => startPasswordChange(session, calls, inspect),
    async changePassword({ currentPassword, newPassword, signal }) {
      const submit = {
        type: 'submit',
        currentPassword: secret(currentPassword),
        newPassword: secret(newPassword),
      } as const
      await runFlow(flows.startPasswordChange(), submit, CREDENTIAL_CHANGE, signal)
    },
  }
  return flows
}
