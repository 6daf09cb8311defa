/**
 * The password change flow run through a session: {@link passwordChangeMachine} with the PUT sent
 * with the session's token, and the re-login done by the session itself after the old tokens
 * were dropped everywhere (storage, other tabs).
 *
 * @module
 */
import { type Actor, createActor, fromPromise } from 'xstate'
import type { SessionTokens } from '../../machines/contracts.ts'
import {
  passwordChangeMachine,
  type PasswordReloginInput,
  type PasswordUpdateInput,
} from '../../machines/passwordChangeMachine.ts'
import { ShopperSessionError } from '../errors.ts'
import { openSecret } from '../secret.ts'
import type { InspectionObserver } from '../session/config.ts'
import type { AccountCalls } from './customerCalls.ts'
import { type AccountSession, dropRegistered, logInAgain, registeredTokens } from './session.ts'

/** A running password change flow: send it `submit`, read its tags (`PasswordChangeTag`). */
export type PasswordChangeActor = Actor<typeof passwordChangeMachine>

/**
 * Starts the password change flow for the session's registered shopper. Throws `conflict` when
 * the session is not registered (a guest, or not ready yet).
 */
export function startPasswordChange(
  session: AccountSession,
  calls: AccountCalls,
  inspect?: InspectionObserver,
): PasswordChangeActor {
  const start = registeredTokens(session, 'changePassword')
  // One drop per flow, started as soon as the server accepted the new password: the old tokens
  // are dead from then on, whether or not the re-login can run.
  let dropping: Promise<void> | undefined
  const dropOld = () => (dropping ??= dropRegistered(session, { remote: false }))

  const machine = passwordChangeMachine.provide({
    actors: {
      updateCustomerPassword: fromPromise<void, PasswordUpdateInput>(async ({ input, signal }) => {
        const now = registeredTokens(session, 'changePassword')
        // Another tab may have logged in as someone else since the form opened.
        if (now.customerId !== start.customerId) {
          throw new ShopperSessionError(
            'conflict',
            'changePassword: the session now belongs to another shopper',
            { operation: 'changePassword' },
          )
        }
        const body = {
          currentPassword: openSecret(input.currentPassword, 'currentPassword'),
          password: openSecret(input.newPassword, 'newPassword'),
        }
        await calls.changePassword({ customerId: now.customerId }, body, signal)
      }),
      authenticateCustomer: fromPromise<SessionTokens, PasswordReloginInput>(async ({ input }) => {
        // A failed drop (interrupted by another change) still leaves the login to decide.
        await dropOld().catch(() => undefined)
        return logInAgain(session, input.username, openSecret(input.password, 'password'))
      }),
    },
  })
  const actor = createActor(machine, { input: { login: start.loginId }, inspect })
  actor.on('password.changed', () => {
    dropOld().catch(() => undefined)
  })
  return actor.start()
}
