/**
 * Password reset, as a pure statechart.
 *
 * `idle` → `request` → `requestingToken` (`getResetPasswordToken`: the server creates the token
 * and has the app deliver it; the browser never sees it) → `tokenSent` until the shopper follows
 * the link → `awaitingNewPassword` → `submit` → `resetting` (`resetPassword`) → `done`, logging
 * in with the new password first (`loggingIn`, `authenticateCustomer`) when the input asks.
 * The emailed link opens a fresh page, so input `{ login, token }` starts at
 * `awaitingNewPassword`.
 *
 * Every failure is a coded error in context with a way back: an unknown login (`not_found`) or a
 * refused request returns to the request form; a weak password to the password form; an
 * expired, used or wrong token (`invalid_reset_token`) to `linkInvalid`, which offers `request`
 * again; transient failures wait for `retry`. Whether an unknown login answers 404 or looks like
 * success (against account enumeration) is the server's option: the machine treats whatever
 * the server calls success as success.
 *
 * The reset token and the new password never enter context: they travel in events into the
 * {@link secretHold} child, and from it (`secrets.released`) into the invoked actor's input.
 *
 * @module
 */
import { assertEvent, assign, sendTo, setup } from 'xstate'
import type { Secret } from '../src/secret.ts'
import { slot } from './slot.ts'
import { isTransientError, type SessionError, type SessionTokens } from './contracts.ts'
import { type HeldSecrets, secretHold, type SecretsReleasedEvent } from './secretHold.ts'
import { asSessionError } from './sessionError.ts'

/** Input of {@link passwordResetMachine}. */
export interface PasswordResetInput {
  /** The login to reset; with `token`, the flow starts at `awaitingNewPassword`. */
  login?: string
  /** The reset token from the emailed link (the fresh page the link opened), boxed. */
  token?: Secret
  /** Log in with the new password once the reset succeeded. Default false. */
  loginAfterReset?: boolean
}

/** Context of {@link passwordResetMachine}: plain data, no token, no password. */
export interface PasswordResetContext {
  login: string | undefined
  loginAfterReset: boolean
  /** The last failure the shopper should hear about. */
  error: SessionError | undefined
  /** Set when `loginAfterReset` succeeded. */
  tokens: SessionTokens | undefined
}

/** Events {@link passwordResetMachine} accepts. */
export type PasswordResetEvent =
  /** Ask for a reset link for this login (again, after any failure). */
  | { type: 'request'; login: string }
  /** The shopper followed the link in this page: the token it carried, boxed. */
  | { type: 'link.opened'; token: Secret }
  /** The new password the shopper chose, boxed (`secret(value)`). */
  | { type: 'submit'; newPassword: Secret }
  /** Try the failed request or reset again (transient failures). */
  | { type: 'retry' }
  /** Internal: the {@link secretHold} child's answer. */
  | SecretsReleasedEvent

/** Tags the UI reads. */
export type PasswordResetTag =
  | 'busy'
  | 'error'
  | 'retryable'
  | 'requestForm'
  | 'tokenSent'
  | 'passwordForm'
  | 'linkInvalid'
  | 'done'

/** Output when the flow ends: the password was reset. */
export interface PasswordResetOutput {
  login: string
  /** Whether the optional login with the new password succeeded. */
  loggedIn: boolean
  tokens: SessionTokens | undefined
  /** Why the optional login failed (the reset itself stands). */
  error: SessionError | undefined
}

/** Input of the `getResetPasswordToken` slot. */
export interface ResetTokenRequestInput {
  login: string
}

/** Input of the `resetPassword` slot. */
export interface ResetPasswordInput {
  login: string
  token: Secret
  newPassword: Secret
}

/** Input of the `authenticateCustomer` slot (login with the new password). */
export interface ResetLoginInput {
  username: string
  password: Secret
}


/** The machine input, read from the init event (the only place the start token passes). */
function startInput(event: { type: string }): PasswordResetInput | undefined {
  return event.type === 'xstate.init' && 'input' in event
    ? (event.input as PasswordResetInput | undefined)
    : undefined
}

/** The secrets a `secrets.released` event carries (none for any other event). */
function released(event: PasswordResetEvent): HeldSecrets {
  return event.type === 'secrets.released' ? event.secrets : {}
}

/** Submitting a new password, from the form or after an interrupted reset. */
const SUBMIT = [
  {
    guard: 'emptyPassword',
    target: '#passwordReset.awaitingNewPassword.rejected',
    actions: 'rejectEmptyPassword',
  },
  { target: '#passwordReset.unsealingReset', actions: ['holdPassword', 'releaseSecrets'] },
] as const

/** Asking for a (new) reset link. */
const REQUEST = {
  target: '#passwordReset.requestingToken',
  actions: ['storeLogin', 'forgetSecrets'],
} as const

/** The password reset statechart. */
export const passwordResetMachine = setup({
  // One empty object at runtime: the types are for the compiler only.
  types: {} as {
    input: PasswordResetInput
    context: PasswordResetContext
    events: PasswordResetEvent
    output: PasswordResetOutput
    tags: PasswordResetTag
    // Named, so the declarations list each child instead of a string index that `secrets` breaks.
    children: {
      secrets: 'secretHold'
      getResetPasswordToken: 'getResetPasswordToken'
      resetPassword: 'resetPassword'
      authenticateCustomer: 'authenticateCustomer'
    }
  },
  actors: {
    getResetPasswordToken: slot<void, ResetTokenRequestInput>(),
    resetPassword: slot<void, ResetPasswordInput>(),
    authenticateCustomer: slot<SessionTokens, ResetLoginInput>(),
    secretHold,
  },
  guards: {
    startsFromLink: ({ context, event }) =>
      context.login !== undefined && startInput(event)?.token !== undefined,
    emptyPassword: ({ event }) => event.type === 'submit' && event.newPassword.empty,
    loginAfterReset: ({ context }) => context.loginAfterReset,
    hasResetSecrets: ({ event }) =>
      released(event).token !== undefined && released(event).password !== undefined,
    hasPassword: ({ event }) => released(event).password !== undefined,
    transient: ({ event }) => 'error' in event && isTransientError(asSessionError(event.error)),
    linkRefused: ({ event }) => {
      const code = 'error' in event ? asSessionError(event.error).code : undefined
      // A token the server does not know for this login makes the link itself useless.
      return code === 'invalid_reset_token' || code === 'not_found'
    },
  },
  actions: {
    storeLogin: assign({
      login: ({ event }) => {
        assertEvent(event, 'request')
        return event.login
      },
      error: undefined,
    }),
    storeError: assign({
      error: ({ event }) => ('error' in event ? asSessionError(event.error) : undefined),
    }),
    clearError: assign({ error: undefined }),
    // Checked here so an empty field never costs a request (the policy itself is the server's).
    rejectEmptyPassword: assign({
      error: { code: 'weak_password', message: 'Choose a new password.' } as SessionError,
    }),
    holdStartToken: sendTo('secrets', ({ event }) => ({
      type: 'secrets.hold' as const,
      secrets: { token: startInput(event)?.token },
    })),
    holdLinkToken: sendTo('secrets', ({ event }) => {
      assertEvent(event, 'link.opened')
      return { type: 'secrets.hold' as const, secrets: { token: event.token } }
    }),
    holdPassword: sendTo('secrets', ({ event }) => {
      assertEvent(event, 'submit')
      return { type: 'secrets.hold' as const, secrets: { password: event.newPassword } }
    }),
    releaseSecrets: sendTo('secrets', { type: 'secrets.release' }),
    forgetPassword: sendTo('secrets', { type: 'secrets.forget', names: ['password'] }),
    forgetSecrets: sendTo('secrets', { type: 'secrets.forget' }),
  },
}).createMachine({
  id: 'passwordReset',
  context: ({ input }) => ({
    login: input.login,
    loginAfterReset: input.loginAfterReset ?? false,
    error: undefined,
    tokens: undefined,
  }),
  // The hold lives as long as the flow: the token arrives long before the password.
  invoke: { id: 'secrets', src: 'secretHold' },
  output: ({ context }) => ({
    login: context.login ?? '',
    loggedIn: context.tokens !== undefined,
    tokens: context.tokens,
    error: context.error,
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [
        { guard: 'startsFromLink', target: 'awaitingNewPassword', actions: 'holdStartToken' },
        { target: 'idle' },
      ],
    },
    idle: {
      tags: ['requestForm'],
      on: { request: REQUEST },
    },
    requestingToken: {
      tags: ['busy'],
      invoke: {
        id: 'getResetPasswordToken',
        src: 'getResetPasswordToken',
        input: ({ context }) => ({ login: context.login ?? '' }),
        onDone: 'tokenSent',
        onError: [
          { guard: 'transient', target: 'requestInterrupted', actions: 'storeError' },
          // Unknown login (404) and any other refusal: the shopper corrects the login.
          { target: 'requestRefused', actions: 'storeError' },
        ],
      },
    },
    requestRefused: {
      tags: ['requestForm', 'error'],
      on: { request: REQUEST },
    },
    requestInterrupted: {
      tags: ['requestForm', 'error', 'retryable'],
      on: {
        request: REQUEST,
        retry: { target: 'requestingToken', actions: 'clearError' },
      },
    },
    tokenSent: {
      tags: ['tokenSent'],
      on: {
        'link.opened': { target: 'awaitingNewPassword', actions: 'holdLinkToken' },
        // Resend (the mail did not arrive, or went to a mistyped login).
        request: REQUEST,
      },
    },
    awaitingNewPassword: {
      tags: ['passwordForm'],
      initial: 'ready',
      states: {
        ready: {},
        rejected: { tags: ['error'] },
      },
      on: { submit: SUBMIT },
    },
    unsealingReset: {
      tags: ['busy'],
      on: {
        'secrets.released': [
          { guard: 'hasResetSecrets', target: 'resetting' },
          // A flow restored from storage holds no token: the link has to be requested again.
          {
            target: 'linkInvalid',
            actions: assign({
              error: {
                code: 'invalid_reset_token',
                message: 'The reset token is no longer held; request a new link.',
              } as SessionError,
            }),
          },
        ],
      },
    },
    resetting: {
      tags: ['busy'],
      invoke: {
        id: 'resetPassword',
        src: 'resetPassword',
        input: ({ context, event }) => ({
          login: context.login ?? '',
          // `hasResetSecrets` let only a release holding both into this state.
          token: released(event).token as Secret,
          newPassword: released(event).password as Secret,
        }),
        onDone: [
          {
            guard: 'loginAfterReset',
            target: 'unsealingLogin',
            actions: ['clearError', 'releaseSecrets'],
          },
          { target: 'done', actions: ['clearError', 'forgetSecrets'] },
        ],
        onError: [
          // The secrets stay held: `retry` sends the same request again.
          { guard: 'transient', target: 'resetInterrupted', actions: 'storeError' },
          { guard: 'linkRefused', target: 'linkInvalid', actions: ['storeError', 'forgetSecrets'] },
          {
            target: 'awaitingNewPassword.rejected',
            actions: ['storeError', 'forgetPassword'],
          },
        ],
      },
    },
    resetInterrupted: {
      tags: ['passwordForm', 'error', 'retryable'],
      on: {
        retry: { target: 'unsealingReset', actions: ['clearError', 'releaseSecrets'] },
        submit: SUBMIT,
      },
    },
    linkInvalid: {
      tags: ['requestForm', 'linkInvalid', 'error'],
      on: { request: REQUEST },
    },
    unsealingLogin: {
      tags: ['busy'],
      on: {
        'secrets.released': [
          { guard: 'hasPassword', target: 'loggingIn' },
          // The reset stands; the shopper logs in by hand.
          { target: 'done' },
        ],
      },
    },
    loggingIn: {
      tags: ['busy'],
      invoke: {
        id: 'authenticateCustomer',
        src: 'authenticateCustomer',
        input: ({ context, event }) => ({
          username: context.login ?? '',
          // `hasPassword` let only a release holding it into this state.
          password: released(event).password as Secret,
        }),
        onDone: { target: 'done', actions: assign({ tokens: ({ event }) => event.output }) },
        // The password was reset all the same: done, with the login's error in the output.
        onError: { target: 'done', actions: 'storeError' },
      },
    },
    // Final: the hold stops with the flow, and the secrets with it.
    done: { type: 'final', tags: ['done'] },
  },
})
