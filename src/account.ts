/**
 * `shopper-session/account`: the credential flows of a session — password reset (through the
 * app's server), loginId change and password change — each as a statechart actor and as a
 * promise, each forcing the same re-login. Its own subpath, so the browser entry of the session
 * does not carry them.
 *
 * @example
 * ```ts
 * import { createAccountFlows, createPasswordResetClient, secret } from 'shopper-session/account'
 *
 * const account = createAccountFlows(session, {
 *   passwordReset: createPasswordResetClient({ endpoint: '/api/password-reset' }),
 * })
 * const change = account.startLoginIdChange()
 * change.send({ type: 'submit', newLogin: 'ada@lovelace.example', currentPassword: secret(input) })
 * ```
 * @module
 */
export {
  type AccountFlows,
  type AccountFlowsOptions,
  createAccountFlows,
  type LoginIdChangeRequest,
  type PasswordChangeRequest,
  type PasswordResetCompletion,
} from './account/createAccountFlows.ts'
export type { AccountSession } from './account/session.ts'
export type { LoginIdChangeActor } from './account/loginIdChange.ts'
export type { PasswordChangeActor } from './account/passwordChange.ts'
export type { PasswordResetActor, PasswordResetStart } from './account/passwordReset.ts'
// Passwords and reset tokens go into the flows' events boxed: `secret(value)`.
export { Secret, secret } from './secret.ts'
// The browser half of the reset (no server code): the port `createAccountFlows` takes.
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
export type {
  PasswordChangeEmitted,
  PasswordChangeEvent,
  PasswordChangeOutput,
  PasswordChangeTag,
} from '../machines/passwordChangeMachine.ts'
