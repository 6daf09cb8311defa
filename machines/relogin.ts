/**
 * The ending every credential change shares (a new loginId, a new password): the flow asks its
 * secret hold for the password it kept (`unsealing`), the session logs in again with it
 * (`reauthenticating`), and the flow ends `done`, or `reauthRequired` when the password is no
 * longer held (a flow restored from a snapshot) or the login fails. The change itself stands in
 * both endings.
 *
 * A machine using these states provides the `authenticateCustomer` actor, keeps the login to use
 * in `context.currentLogin`, and defines the guard `hasPassword` and the action
 * `storePasswordLost`.
 *
 * @module
 */
import type { Secret } from '../src/secret.ts'
import type { HeldSecrets } from './secretHold.ts'

/** What the re-login's `authenticateCustomer` actor gets. */
export interface ReloginInput {
  username: string
  password: Secret
}

/** The secrets a `secrets.released` event carries (none for any other event). */
export function releasedSecrets(event: { type: string; secrets?: HeldSecrets }): HeldSecrets {
  return event.type === 'secrets.released' ? (event.secrets ?? {}) : {}
}

/** The states from `unsealing` to the two endings. */
export const RELOGIN_STATES = {
  unsealing: {
    tags: ['busy'],
    on: {
      'secrets.released': [
        { guard: 'hasPassword', target: 'reauthenticating' },
        { target: 'reauthRequired', actions: 'storePasswordLost' },
      ],
    },
  },
  reauthenticating: {
    tags: ['busy'],
    invoke: {
      id: 'authenticateCustomer',
      src: 'authenticateCustomer',
      input: ({
        context,
        event,
      }: {
        context: { currentLogin: string }
        event: { type: string; secrets?: HeldSecrets }
      }): ReloginInput => ({
        username: context.currentLogin,
        // `hasPassword` let only a release holding it into this state.
        password: releasedSecrets(event).password as Secret,
      }),
      onDone: { target: 'done', actions: 'storeSession' },
      onError: { target: 'reauthRequired', actions: 'storeError' },
    },
  },
  // Final states: the hold stops with the flow, and the password with it.
  done: { type: 'final', tags: ['done'] },
  reauthRequired: { type: 'final', tags: ['reauthRequired'] },
} as const
