/**
 * The ending every credential change shares (a new loginId, a new password): the flow asks its
 * secret hold for the password it kept (`unsealing`), the session logs in again with it
 * (`reauthenticating`), and the flow ends `done`, or `reauthRequired` when the password is no
 * longer held (a flow restored from a snapshot) or the login fails. The change itself stands in
 * both endings. SLAS refuses a second login of one shopper within a second (409, `conflict`): a
 * re-login refused so waits that second out once (`waitingToRelogin`) and tries again, so a
 * change made right after a login does not sign the shopper out.
 *
 * A machine using these states provides the `authenticateCustomer` actor, keeps the login to use
 * in `context.currentLogin` and the last failure in `context.error`, and defines the guards
 * `hasPassword` and `loginTooSoon` ({@link loginTooSoon}), the delay `loginConflictWindow`
 * ({@link LOGIN_CONFLICT_WINDOW_MS}) and the actions `storePasswordLost`, `storeError`,
 * `storeSession` and `releaseSecrets`.
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

/**
 * How long a re-login refused as too soon waits before it tries again: SLAS's window of one
 * second for logins of one shopper, and a margin for the clocks between.
 */
export const LOGIN_CONFLICT_WINDOW_MS = 1_100

/**
 * Whether a failed re-login was refused as too soon after another login of the shopper
 * (`conflict`), for the first time: a second refusal ends the flow in `reauthRequired`.
 */
export function loginTooSoon({
  context,
  event,
}: {
  context: { error?: { code: string } | undefined }
  event: { type: string; error?: unknown }
}): boolean {
  const code = (event.error as { code?: unknown } | undefined)?.code
  return code === 'conflict' && context.error?.code !== 'conflict'
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
      onError: [
        { guard: 'loginTooSoon', target: 'waitingToRelogin', actions: 'storeError' },
        { target: 'reauthRequired', actions: 'storeError' },
      ],
    },
  },
  waitingToRelogin: {
    tags: ['busy'],
    after: { loginConflictWindow: { target: 'unsealing', actions: 'releaseSecrets' } },
  },
  // Final states: the hold stops with the flow, and the password with it.
  done: { type: 'final', tags: ['done'] },
  reauthRequired: { type: 'final', tags: ['reauthRequired'] },
} as const
