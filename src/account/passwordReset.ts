/**
 * The password reset flow run through a session: {@link passwordResetMachine} with its slots
 * filled by the server port (request and reset) and by the session (the optional login with the
 * new password).
 *
 * @module
 */
import { type Actor, createActor, fromPromise } from 'xstate'
import type { SessionTokens } from '../../machines/contracts.ts'
import {
  type PasswordResetInput,
  passwordResetMachine,
  type ResetLoginInput,
  type ResetPasswordInput,
  type ResetTokenRequestInput,
} from '../../machines/passwordResetMachine.ts'
import { ShopperSessionError } from '../errors.ts'
import { openSecret, secret } from '../secret.ts'
import type { InspectionObserver } from '../session/config.ts'
import type { PasswordResetPort } from './resetPort.ts'
import { type AccountSession, dropRegistered, logIn, sameLogin } from './session.ts'

/** A running password reset flow: send it events, read its tags (see `PasswordResetTag`). */
export type PasswordResetActor = Actor<typeof passwordResetMachine>

/** How a password reset flow starts (`resetPassword(start)`). */
export interface PasswordResetStart {
  /** The login to reset; with `token`, the flow starts at the new-password form. */
  login?: string
  /**
   * The reset token from the e-mailed link (the fresh page the link opened). It is boxed at once
   * (see `secret`): the flow's events and snapshots never show it.
   */
  token?: string
  /** Log in with the new password once the reset succeeded. Default false. */
  loginAfterReset?: boolean
}

/**
 * Starts the password reset flow. Throws `invalid_config` without a port, or for a `token`
 * without its `login` (the link page must pass both).
 */
export function startPasswordReset(
  session: AccountSession,
  port: PasswordResetPort | undefined,
  start: PasswordResetStart = {},
  inspect?: InspectionObserver,
): PasswordResetActor {
  if (port === undefined) {
    throw new ShopperSessionError(
      'invalid_config',
      'passwordReset: createAccountFlows needs a passwordReset port (createPasswordResetClient)',
      { operation: 'resetPassword' },
    )
  }
  if (start.token !== undefined && (start.login === undefined || start.login === '')) {
    throw new ShopperSessionError(
      'invalid_config',
      'resetPassword: input.login: must be given with input.token (both come from the link)',
      { operation: 'resetPassword' },
    )
  }
  const machine = passwordResetMachine.provide({
    actors: {
      getResetPasswordToken: fromPromise<void, ResetTokenRequestInput>(({ input, signal }) =>
        port.requestToken(input.login, { signal }),
      ),
      resetPassword: fromPromise<void, ResetPasswordInput>(async ({ input, signal }) =>
        port.resetPassword(
          {
            login: input.login,
            token: openSecret(input.token, 'token'),
            newPassword: openSecret(input.newPassword, 'newPassword'),
          },
          { signal },
        ),
      ),
      authenticateCustomer: fromPromise<SessionTokens, ResetLoginInput>(async ({ input }) => {
        // The reset ended the shopper's own sessions at SLAS already; another shopper's session
        // on this device is still live there and is logged out properly before switching.
        await session.ready()
        const own = sameLogin(session.getTokens()?.loginId, input.username)
        await dropRegistered(session, { remote: !own })
        return logIn(session, input.username, openSecret(input.password, 'password'))
      }),
    },
  })
  // The token is boxed before the flow's first event (the init event carries the input).
  const { token, ...rest } = start
  const input: PasswordResetInput = token === undefined ? rest : { ...rest, token: secret(token) }
  return createActor(machine, { input, inspect }).start()
}
