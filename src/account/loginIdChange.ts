/**
 * The loginId change flow run through a session: {@link loginIdChangeMachine} with the PATCH
 * sent with the session's token, and the re-login done by the session itself after the old
 * tokens were dropped everywhere (storage, other tabs).
 *
 * @module
 */
import { type Actor, createActor, fromPromise } from 'xstate'
import type { SessionTokens } from '../../machines/contracts.ts'
import {
  loginIdChangeMachine,
  type LoginUpdateInput,
  type ReloginInput,
} from '../../machines/loginIdChangeMachine.ts'
import { ShopperSessionError } from '../errors.ts'
import { openSecret } from '../secret.ts'
import type { InspectionObserver } from '../session/config.ts'
import type { AccountCalls } from './customerCalls.ts'
import { type AccountSession, dropRegistered, logInAgain, registeredTokens } from './session.ts'

/** A running loginId change flow: send it `submit`, read its tags (see `LoginIdChangeTag`). */
export type LoginIdChangeActor = Actor<typeof loginIdChangeMachine>

/**
 * Starts the loginId change flow for the session's registered shopper. Throws `conflict` when
 * the session is not registered (a guest, or not ready yet).
 */
export function startLoginIdChange(
  session: AccountSession,
  calls: AccountCalls,
  inspect?: InspectionObserver,
): LoginIdChangeActor {
  const start = registeredTokens(session, 'changeLoginId')
  // One drop per flow, started as soon as the server accepted the new login: the old tokens are
  // dead from then on, whether or not the re-login can run.
  let dropping: Promise<void> | undefined
  const dropOld = () => (dropping ??= dropRegistered(session, { remote: false }))

  const machine = loginIdChangeMachine.provide({
    actors: {
      updateCustomer: fromPromise<void, LoginUpdateInput>(async ({ input, signal }) => {
        const now = registeredTokens(session, 'changeLoginId')
        // Another tab may have logged in as someone else since the form opened.
        if (now.customerId !== start.customerId) {
          throw new ShopperSessionError(
            'conflict',
            'changeLoginId: the session now belongs to another shopper',
            { operation: 'changeLoginId' },
          )
        }
        const body = {
          login: input.login,
          currentPassword: openSecret(input.currentPassword, 'currentPassword'),
        }
        await calls.changeLogin({ customerId: now.customerId }, body, signal)
      }),
      authenticateCustomer: fromPromise<SessionTokens, ReloginInput>(async ({ input }) => {
        // A failed drop (interrupted by another change) still leaves the login to decide.
        await dropOld().catch(() => undefined)
        return logInAgain(session, input.username, openSecret(input.password, 'password'))
      }),
    },
  })
  const actor = createActor(machine, { input: { currentLogin: start.loginId }, inspect })
  actor.on('loginId.changed', () => {
    dropOld().catch(() => undefined)
  })
  return actor.start()
}
