/**
 * Password change of a logged-in shopper (forces re-authentication), as a pure statechart.
 *
 * `editing` → `submit` (current and new password; both required, checked here without a
 * request) → `updating` (`updateCustomerPassword`) → a wrong current password
 * (`invalid_current_password`) or a new one the policy refuses (`weak_password`) → back to
 * `editing` with the coded error → success: emits `password.changed` (the old tokens are to be
 * dropped everywhere) → `reauthenticating` (`authenticateCustomer` with the new password) →
 * `done`; when that fails, `reauthRequired` (the change stands; the shopper logs in by hand).
 *
 * The new password is needed twice, across an await: it goes from the `submit` event into the
 * {@link secretHold} child, boxed, and is released for the re-login only.
 *
 * @module
 */
import { assertEvent, assign, emit, sendTo, setup } from 'xstate'
import type { Secret } from '../src/secret.ts'
import { refuse } from './formRefusal.ts'
import { slot } from './slot.ts'
import type { SessionError, SessionTokens } from './contracts.ts'
import {
  LOGIN_CONFLICT_WINDOW_MS,
  loginTooSoon,
  RELOGIN_STATES,
  type ReloginInput,
  releasedSecrets,
} from './relogin.ts'
import { secretHold, type SecretsReleasedEvent } from './secretHold.ts'
import { asSessionError } from './sessionError.ts'

/** Input of {@link passwordChangeMachine}. */
export interface PasswordChangeInput {
  /** The shopper's login (the re-login uses it with the new password). */
  login: string
}

/** Context of {@link passwordChangeMachine}: plain data, no password. */
export interface PasswordChangeContext {
  /** The shopper's login (the re-login uses it). */
  currentLogin: string
  /** The last failure the shopper should hear about. */
  error: SessionError | undefined
  /** The session after the re-login. */
  tokens: SessionTokens | undefined
}

/** Events {@link passwordChangeMachine} accepts. */
export type PasswordChangeEvent =
  /** The current and the new password, boxed (`secret(value)`). */
  | { type: 'submit'; currentPassword: Secret; newPassword: Secret }
  /** Internal: the {@link secretHold} child's answer. */
  | SecretsReleasedEvent

/** Events the machine emits (`actor.on(type, handler)`). */
export type PasswordChangeEmitted =
  /** The server accepted the new password: every token of the old one is now to be dropped. */
  { type: 'password.changed' }

/** Tags the UI reads. */
export type PasswordChangeTag = 'busy' | 'form' | 'error' | 'done' | 'reauthRequired'

/** Output when the flow ends. */
export interface PasswordChangeOutput {
  /** The automatic re-login failed: the shopper has to log in by hand. */
  reauthRequired: boolean
  tokens: SessionTokens | undefined
  error: SessionError | undefined
}

/** Input of the `updateCustomerPassword` slot. */
export interface PasswordUpdateInput {
  currentPassword: Secret
  newPassword: Secret
}

/** Input of the `authenticateCustomer` slot (the re-login with the new password). */
export type PasswordReloginInput = ReloginInput

/** The password change statechart. */
export const passwordChangeMachine = setup({
  // One empty object at runtime: the types are for the compiler only.
  types: {} as {
    input: PasswordChangeInput
    context: PasswordChangeContext
    events: PasswordChangeEvent
    emitted: PasswordChangeEmitted
    output: PasswordChangeOutput
    tags: PasswordChangeTag
    // Named, so the declarations list each child instead of a string index that `secrets` breaks.
    children: {
      secrets: 'secretHold'
      updateCustomerPassword: 'updateCustomerPassword'
      authenticateCustomer: 'authenticateCustomer'
    }
  },
  actors: {
    updateCustomerPassword: slot<void, PasswordUpdateInput>(),
    authenticateCustomer: slot<SessionTokens, PasswordReloginInput>(),
    secretHold,
  },
  guards: {
    currentMissing: ({ event }) => event.type === 'submit' && event.currentPassword.empty,
    newMissing: ({ event }) => event.type === 'submit' && event.newPassword.empty,
    hasPassword: ({ event }) => releasedSecrets(event).password !== undefined,
    loginTooSoon,
  },
  delays: { loginConflictWindow: LOGIN_CONFLICT_WINDOW_MS },
  actions: {
    clearError: assign({ error: undefined }),
    refuse: assign((_, params: { error: SessionError }) => ({ error: params.error })),
    storeError: assign({
      error: ({ event }) => ('error' in event ? asSessionError(event.error) : undefined),
    }),
    holdNewPassword: sendTo('secrets', ({ event }) => {
      assertEvent(event, 'submit')
      return { type: 'secrets.hold' as const, secrets: { password: event.newPassword } }
    }),
    releaseSecrets: sendTo('secrets', { type: 'secrets.release' }),
    forgetSecrets: sendTo('secrets', { type: 'secrets.forget' }),
    emitChanged: emit({ type: 'password.changed' as const }),
    // A re-login that waited out SLAS's one-second window succeeded: its refusal is over.
    storeSession: assign({
      tokens: ({ event }) => ('output' in event ? (event.output as SessionTokens) : undefined),
      error: undefined,
    }),
    storePasswordLost: assign({
      error: {
        code: 'credentials_changed',
        message: 'The password changed and the new one is no longer held; log in again.',
      } as SessionError,
    }),
  },
}).createMachine({
  id: 'passwordChange',
  context: ({ input }) => ({ currentLogin: input.login, error: undefined, tokens: undefined }),
  // The hold lives as long as the flow: the new password outlives the update for the re-login.
  invoke: { id: 'secrets', src: 'secretHold' },
  output: ({ context }) => ({
    reauthRequired: context.tokens === undefined,
    tokens: context.tokens,
    error: context.error,
  }),
  initial: 'editing',
  states: {
    editing: {
      tags: ['form'],
      initial: 'ready',
      states: {
        ready: {},
        rejected: { tags: ['error'] },
      },
      on: {
        submit: [
          refuse(
            'currentMissing',
            'invalid_current_password',
            'The current password is required to change it.',
          ),
          refuse('newMissing', 'weak_password', 'Choose a new password.'),
          { target: 'updating', actions: ['clearError', 'holdNewPassword'] },
        ],
      },
    },
    updating: {
      tags: ['busy'],
      invoke: {
        id: 'updateCustomerPassword',
        src: 'updateCustomerPassword',
        // Entered by a valid submit only: both passwords come straight from it.
        input: ({ event }) => {
          assertEvent(event, 'submit')
          return { currentPassword: event.currentPassword, newPassword: event.newPassword }
        },
        onDone: { target: 'unsealing', actions: ['emitChanged', 'releaseSecrets'] },
        // invalid_current_password, weak_password, transient: the shopper submits again.
        onError: { target: 'editing.rejected', actions: ['storeError', 'forgetSecrets'] },
      },
    },
    ...RELOGIN_STATES,
  },
})
