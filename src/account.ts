/**
 * `shopper-session/account`: the credential flows on a session — password reset (through the
 * app's server), loginId change and password change — each forcing the same re-login. Its own
 * subpath, so the browser entry of the session does not carry them.
 *
 * @example
 * ```ts
 * import { createPasswordResetClient, secret, withAccountFlows } from 'shopper-session/account'
 *
 * const account = withAccountFlows(session, {
 *   passwordReset: createPasswordResetClient({ endpoint: '/api/password-reset' }),
 * })
 * const change = account.changeLoginId()
 * change.send({ type: 'submit', newLogin: 'ada@lovelace.example', currentPassword: secret(input) })
 * ```
 * @module
 */
export {
  type AccountFlows,
  type AccountFlowsOptions,
  withAccountFlows,
} from './account/withAccountFlows.ts'
export type { AccountSession } from './account/session.ts'
export type { ChangePasswordInput } from './account/changePassword.ts'
export type { LoginIdChangeActor } from './account/loginIdChange.ts'
export type { PasswordResetActor, PasswordResetStart } from './account/passwordReset.ts'
// Passwords and reset tokens go into the flows' events boxed: `secret(value)`.
export { Secret, secret } from './secret.ts'
// The browser half of the reset (no server code): the port `withAccountFlows` takes.
export {
  createPasswordResetClient,
  type PasswordResetClientOptions,
} from './account/resetClient.ts'
export type {
  PasswordResetCallOptions,
  PasswordResetPort,
  PasswordResetSubmission,
} from './account/resetPort.ts'
export type {
  PasswordResetEvent,
  PasswordResetInput,
  PasswordResetOutput,
  PasswordResetTag,
} from '../machines/passwordResetMachine.ts'
export type {
  LoginIdChangeEmitted,
  LoginIdChangeEvent,
  LoginIdChangeOutput,
  LoginIdChangeTag,
} from '../machines/loginIdChangeMachine.ts'
