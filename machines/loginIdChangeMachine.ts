/**
 * LoginId change, as a pure statechart: it forces a re-authentication.
 *
 * `editing` → `submit` → client-side validation (login format; a login that actually changes;
 * `currentPassword` required) → `updating` (`updateCustomer`: PATCH with `login` and
 * `currentPassword`) → a wrong or missing password (`invalid_current_password`), a taken login
 * (`login_taken`) or any other failure returns to `editing` with the coded error → success emits
 * `loginId.changed` (the session drops the old tokens everywhere on it) → `reauthenticating`
 * (`authenticateCustomer` with the new login and the same password) → `done`; when that fails
 * the flow ends in `reauthRequired` and the shopper logs in by hand.
 *
 * The password is needed twice, across an await: it goes from the `submit` event into the
 * {@link secretHold} child, and from there (`secrets.released`) straight into the re-login's
 * input. Context never holds it. Two separate slots (not one "PATCH then login" actor) keep the
 * two SCAPI operations visible to the statechart, its tags and its tests.
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

/** Input of {@link loginIdChangeMachine}. */
export interface LoginIdChangeInput {
  /** The shopper's login now. */
  currentLogin: string
}

/** Context of {@link loginIdChangeMachine}: plain data, no password. */
export interface LoginIdChangeContext {
  currentLogin: string
  /** The login being set (after a valid submit). */
  newLogin: string | undefined
  /** The last failure the shopper should hear about. */
  error: SessionError | undefined
  /** The session of the new login, once the re-login succeeded. */
  tokens: SessionTokens | undefined
}

/** Events {@link loginIdChangeMachine} accepts. */
export type LoginIdChangeEvent =
  /** The new login and the current password, boxed (`secret(value)`). */
  | { type: 'submit'; newLogin: string; currentPassword: Secret }
  /** Internal: the {@link secretHold} child's answer. */
  | SecretsReleasedEvent

/** Events the machine emits (`actor.on(type, handler)`). */
export type LoginIdChangeEmitted =
  /** The server accepted the new login: every token of the old one is now to be dropped. */
  { type: 'loginId.changed'; login: string }

/** Tags the UI reads. */
export type LoginIdChangeTag = 'busy' | 'form' | 'error' | 'done' | 'reauthRequired'

/** Output when the flow ends. */
export interface LoginIdChangeOutput {
  /** The new login (the change itself stands in both endings). */
  login: string
  /** The automatic re-login failed: the shopper has to log in by hand. */
  reauthRequired: boolean
  tokens: SessionTokens | undefined
  error: SessionError | undefined
}

/** Input of the `updateCustomer` slot. */
export interface LoginUpdateInput {
  login: string
  currentPassword: Secret
}

/** Input of the `authenticateCustomer` slot (the re-login with the new login). */
export type { ReloginInput } from './relogin.ts'

/** SCAPI's limit for `customer.login`. */
export const MAX_LOGIN_LENGTH = 256

/**
 * Whether `login` can be a login: 1 to {@link MAX_LOGIN_LENGTH} characters, no leading or
 * trailing whitespace, no control characters. Anything finer (an email format) is the
 * instance's rule, which the server enforces.
 */
export function isValidLoginFormat(login: string): boolean {
  if (login.length === 0 || login.length > MAX_LOGIN_LENGTH || login !== login.trim()) return false
  for (const char of login) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x20 || code === 0x7f) return false
  }
  return true
}

/** The loginId change statechart. */
export const loginIdChangeMachine = setup({
  // One empty object at runtime: the types are for the compiler only.
  types: {} as {
    input: LoginIdChangeInput
    context: LoginIdChangeContext
    events: LoginIdChangeEvent
    emitted: LoginIdChangeEmitted
    output: LoginIdChangeOutput
    tags: LoginIdChangeTag
    // Named, so the declarations list each child instead of a string index that `secrets` breaks.
    children: {
      secrets: 'secretHold'
      updateCustomer: 'updateCustomer'
      authenticateCustomer: 'authenticateCustomer'
    }
  },
  actors: {
    updateCustomer: slot<void, LoginUpdateInput>(),
    authenticateCustomer: slot<SessionTokens, ReloginInput>(),
    secretHold,
  },
  guards: {
    badLoginFormat: ({ event }) => event.type === 'submit' && !isValidLoginFormat(event.newLogin),
    loginUnchanged: ({ context, event }) =>
      event.type === 'submit' && event.newLogin === context.currentLogin,
    passwordMissing: ({ event }) => event.type === 'submit' && event.currentPassword.empty,
    hasPassword: ({ event }) => releasedSecrets(event).password !== undefined,
    loginTooSoon,
  },
  delays: { loginConflictWindow: LOGIN_CONFLICT_WINDOW_MS },
  actions: {
    storeNewLogin: assign({
      newLogin: ({ event }) => {
        assertEvent(event, 'submit')
        return event.newLogin
      },
      error: undefined,
    }),
    refuse: assign((_, params: { error: SessionError }) => ({ error: params.error })),
    storeError: assign({
      error: ({ event }) => ('error' in event ? asSessionError(event.error) : undefined),
    }),
    holdPassword: sendTo('secrets', ({ event }) => {
      assertEvent(event, 'submit')
      return { type: 'secrets.hold' as const, secrets: { password: event.currentPassword } }
    }),
    releaseSecrets: sendTo('secrets', { type: 'secrets.release' }),
    forgetSecrets: sendTo('secrets', { type: 'secrets.forget' }),
    // A re-login that waited out SLAS's one-second window succeeded: its refusal is over.
    storeSession: assign({
      tokens: ({ event }) => ('output' in event ? (event.output as SessionTokens) : undefined),
      error: undefined,
    }),
    storePasswordLost: assign({
      error: {
        code: 'credentials_changed',
        message: 'The login changed and the password is no longer held; log in again.',
      } as SessionError,
    }),
    emitChanged: emit(({ context }) => ({
      type: 'loginId.changed' as const,
      login: context.newLogin ?? '',
    })),
  },
}).createMachine({
  id: 'loginIdChange',
  context: ({ input }) => ({
    currentLogin: input.currentLogin,
    newLogin: undefined,
    error: undefined,
    tokens: undefined,
  }),
  // The hold lives as long as the flow: the password outlives the update for the re-login.
  invoke: { id: 'secrets', src: 'secretHold' },
  output: ({ context }) => ({
    login: context.newLogin ?? context.currentLogin,
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
          refuse('badLoginFormat', 'bad_request', 'The new login is not a valid login.'),
          refuse('loginUnchanged', 'bad_request', 'The new login is the current login.'),
          refuse(
            'passwordMissing',
            'invalid_current_password',
            'The current password is required to change the login.',
          ),
          { target: 'updating', actions: ['storeNewLogin', 'holdPassword'] },
        ],
      },
    },
    updating: {
      tags: ['busy'],
      invoke: {
        id: 'updateCustomer',
        src: 'updateCustomer',
        // Entered by a valid submit only: the password comes straight from it.
        input: ({ event }) => {
          assertEvent(event, 'submit')
          return { login: event.newLogin, currentPassword: event.currentPassword }
        },
        onDone: {
          target: 'unsealing',
          actions: [
            assign({ currentLogin: ({ context }) => context.newLogin ?? context.currentLogin }),
            'emitChanged',
            'releaseSecrets',
          ],
        },
        // invalid_current_password, login_taken, transient: the shopper submits again.
        onError: {
          target: 'editing.rejected',
          actions: ['storeError', assign({ newLogin: undefined }), 'forgetSecrets'],
        },
      },
    },
    ...RELOGIN_STATES,
  },
})
