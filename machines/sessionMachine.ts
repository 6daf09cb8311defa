/**
 * The shopper session: guest → registered and back, as one statechart.
 *
 * `restoring` loads the stored session. `guest` and `registered` are parallel states: the
 * `freshness` region says whether the access token is still valid (`fresh`, or `stale` once it
 * has expired and the refresh has not yet succeeded), the `activity` region what the shopper is
 * doing (logging in, registering, carrying the guest basket over). While a session holds tokens
 * the `tokenRefresh` child keeps them fresh; when it gives up on a registered shopper the machine
 * emits `session.reauthRequired` and starts a guest session at once (same usid, so the basket
 * survives), tagged `reauthRequired` until the shopper logs in: never a silent logout.
 * `signingOut` always ends signed out locally, whatever the remote logout answers.
 *
 * Passwords travel boxed (`Secret`: events, actor inputs and snapshots show `[secret]`) straight
 * into the invoked actor, which alone opens the box; they are never copied into context.
 *
 * @module
 */
import { assertEvent, assign, emit, sendTo, setup } from 'xstate'
import type { Secret } from '../src/secret.ts'
import { slot } from './slot.ts'
import {
  backoffDelay,
  clampDelay,
  DEFAULT_RETRY_POLICY,
  isTransientError,
  MAX_TIMER_DELAY_MS,
  measure,
  type RetryPolicy,
  type SessionError,
  type SessionTag,
  type SessionTokens,
} from './contracts.ts'
import { asSessionError } from './sessionError.ts'
import {
  type TokenRefreshedEvent,
  type TokenRefreshFailedEvent,
  type TokenRefreshOutput,
  tokenRefreshMachine,
} from './tokenRefreshMachine.ts'

/** Input of {@link sessionMachine}. */
export interface SessionInput {
  /** Refresh this long before the access token expires (ms). */
  leewayMs: number
  /** Carry the guest basket over to the registered shopper after login. */
  transferBasket: boolean
  retry?: RetryPolicy
  /** Refresh before expiry on a timer (default true); per-request server sessions turn it off. */
  proactiveRefresh?: boolean
}

/** Context of {@link sessionMachine}: plain data, no credentials. */
export interface SessionContext {
  tokens: SessionTokens | undefined
  /** The last failure the shopper should hear about (login, registration, sign-in). */
  error: SessionError | undefined
  leewayMs: number
  transferBasket: boolean
  retry: RetryPolicy
  proactiveRefresh: boolean
  /** Consecutive failed guest sign-ins. */
  attempt: number
  /** The usid the next guest session continues (after a registered session was lost). */
  carryUsid: string | undefined
}

/**
 * Registration data: the `customer` of `registerCustomer` (`CustomerRegistrationProfile`):
 * `login`, `email` and `lastName` required, the other profile fields and `c_*` custom attributes
 * optional; any other key (a typo such as `fistName`) fails to compile. A mapped copy, not the
 * interface itself: a plain object type stays assignable to `Record<string, unknown>`.
 */
export type RegistrationCustomer = {
  [K in keyof import('../src/scapi/customers/schemas/customer.ts').CustomerRegistrationProfile]:
    import('../src/scapi/customers/schemas/customer.ts').CustomerRegistrationProfile[K]
}

/** Events {@link sessionMachine} accepts. Passwords travel boxed (see `Secret`), never as text. */
export type SessionEvent =
  | { type: 'login'; username: string; password: Secret }
  | { type: 'register'; customer: RegistrationCustomer; password: Secret }
  /** Trusted system on behalf of a customer (server, private client). */
  | { type: 'login.onBehalf'; loginId: string }
  /** `remote: false` skips SLAS (credentials changed: it already refuses these tokens). */
  | { type: 'logout'; allSessions?: boolean; remote?: boolean }
  /** Refresh now (an expired token was asked for). */
  | { type: 'refresh' }
  /** A SCAPI call answered 401 with this access token. */
  | { type: 'token.rejected'; accessToken: string }
  /** Visibility, online or wake: the current time, as data. */
  | { type: 'session.check'; now: number }
  /** Another tab (or the server) wrote these tokens, or removed them (`null`). */
  | { type: 'session.external'; tokens: SessionTokens | null }
  /** Try the guest sign-in again after it became `unavailable`. */
  | { type: 'retry' }
  /**
   * The shopper's credentials changed (loginId or password change) and the automatic login
   * with the new ones failed: the guest session shows the login form (`reauthRequired`).
   */
  | { type: 'reauth.required'; error: SessionError }
  /** Storage failed; the session continues with the tokens in memory. */
  | { type: 'storage.failed'; reason: string }
  | TokenRefreshedEvent
  | TokenRefreshFailedEvent

/** Events the machine emits (`actor.on(type, handler)`). */
export type SessionEmitted =
  | { type: 'session.started'; customerType: SessionTokens['customerType'] }
  | { type: 'session.reauthRequired'; error: SessionError }
  | { type: 'token.refreshed'; outcome: TokenRefreshedEvent['outcome'] }
  | { type: 'token.refreshFailed'; error: SessionError }
  | { type: 'login.failed'; error: SessionError }
  | { type: 'register.failed'; error: SessionError }
  | { type: 'basket.transferFailed'; error: SessionError }
  | { type: 'logout.remoteFailed'; error: SessionError }
  | { type: 'storage.corrupt'; code: StorageProblem; reason: string }
  | { type: 'storage.failed'; reason: string }
  | { type: 'session.unavailable'; error: SessionError }
  /** Starting a session (restoring it, or a guest sign-in) failed transiently; retrying goes on. */
  | { type: 'session.startFailed'; error: SessionError }


/** Emitted events that carry only an error. */
type FailureEventType = Extract<
  SessionEmitted,
  {
    error: SessionError
    type: `${string}.${'failed' | 'remoteFailed' | 'unavailable' | 'transferFailed'}`
  }
>['type']

/**
 * Why stored data could not be used: `invalid` (not a session record; cleared), `unreadable`
 * (the storage adapter failed; left as it is) or `tampered` (forged, foreign or mixed data, or an
 * access token that does not verify; cleared).
 */
export type StorageProblem = 'invalid' | 'unreadable' | 'tampered'

/** What the `restoreSession` slot resolves with. */
export interface RestoredSession {
  tokens: SessionTokens | undefined
  /** Set when stored data could not be used. */
  corrupt?: StorageProblem
  /** What was wrong, in words (never the data itself). */
  reason?: string
}

/** Inputs of the actor slots. */
export interface GuestLoginInput {
  /** Continue this usid (a lost registered session's), if any. */
  usid: string | undefined
}
/** Input of `authenticateCustomer`. */
export interface LoginInput {
  username: string
  password: Secret
  /** The guest session, whose usid the login keeps. */
  guest: SessionTokens
}
/** Input of `getTrustedSystemAccessToken`. */
export interface OnBehalfInput {
  loginId: string
  /** The guest session, whose usid the login keeps. */
  guest: SessionTokens
}
/** Input of `registerCustomer`. */
export interface RegisterInput {
  customer: RegistrationCustomer
  password: Secret
  guest: SessionTokens
}
/** Input of `transferBasket`. */
export interface TransferBasketInput {
  tokens: SessionTokens
}
/** Input of `logoutCustomer`. */
export interface LogoutInput {
  tokens: SessionTokens | undefined
  allSessions: boolean
  /** Whether to end the session at SLAS too (default true). */
  remote: boolean
}

// Configuration shared by the guest and registered states (and by the three ways to log in).

/** The refresh timer child, while a session holds tokens. */
const TOKEN_REFRESH = {
  id: 'tokenRefresh',
  src: 'tokenRefresh',
  input: ({ context }: { context: SessionContext }) => ({
    tokens: context.tokens as SessionTokens,
    leewayMs: context.leewayMs,
    retry: context.retry,
    proactive: context.proactiveRefresh,
  }),
} as const

/**
 * Requests for a fresh token go to the child (`retry` too: a refresh waiting for a trigger tries
 * again at once); its transient failures are reported.
 */
const REFRESH_REQUESTS = {
  refresh: { actions: 'forwardRefresh' },
  retry: { actions: 'forwardRefresh' },
  'token.rejected': { guard: 'rejectedCurrentToken', actions: 'forwardRefresh' },
  'token.refreshFailed': { actions: ['storeRefreshError', 'emitRefreshFailed'] },
} as const

/**
 * Whether the access token is still valid: `fresh` until it expires, then `stale`. Transitions
 * start from the atomic states, never from the region: re-entering the region would also exit
 * the parallel `activity` region and cancel a running login or basket transfer.
 */
function freshness(adopt: 'externalGuest' | 'externalRegistered') {
  const on = {
    'token.refreshed': {
      target: 'fresh',
      reenter: true,
      actions: ['storeTokens', 'emitRefreshed'],
    },
    'session.check': [
      { guard: 'expiredAt', target: 'stale', actions: 'forwardCheck' },
      { target: 'fresh', reenter: true, actions: ['remeasure', 'forwardCheck'] },
    ],
    // Another tab's session of the same kind is adopted in place.
    'session.external': {
      guard: adopt,
      target: 'fresh',
      reenter: true,
      actions: ['storeTokens', 'forwardAdopt'],
    },
  } as const
  return {
    initial: 'fresh',
    states: {
      fresh: { tags: ['tokenValid'], after: { accessTokenExpiry: 'stale' }, on },
      // Expired and not yet refreshed (offline, 5xx): the shopper keeps their session.
      stale: { tags: ['stale'], on },
    },
  } as const
}

/**
 * Starting a session (restoring it, or signing a guest in) failed transiently: the state that
 * waits out the backoff and the one that waits for a caller once the retries are used up. Both
 * go back to `attempt` (a sibling state) on `retry` or `session.check`.
 */
function startRetries(attempt: 'reading' | 'signingIn') {
  return {
    backingOff: {
      tags: ['busy'],
      after: { retryBackoff: attempt },
      on: { 'session.check': attempt, retry: attempt },
    },
    unavailable: {
      tags: ['unavailable'],
      on: {
        'session.check': { target: attempt, actions: 'resetAttempts' },
        retry: { target: attempt, actions: 'resetAttempts' },
      },
    },
  } as const
}

/** A start attempt failed: back off while retries remain, else unavailable (and say so). */
const START_FAILED = [
  { guard: 'canRetry', target: 'backingOff', actions: ['countFailure', 'emitStartFailed'] },
  {
    guard: 'transient',
    target: 'unavailable',
    actions: ['storeError', { type: 'emitFailure', params: { type: 'session.unavailable' } }],
  },
] as const

/** A login succeeded: registered, carrying the guest basket over when configured. */
const ENTER_REGISTERED = [
  {
    guard: 'transferBasketOnLogin',
    target: '#session.registered.activity.transferringBasket',
    actions: ['storeTokens', 'emitStarted'],
  },
  { target: '#session.registered', actions: ['storeTokens', 'emitStarted'] },
] as const

/**
 * A logout while a login is on the wire wins: the login actor is stopped, and its tokens, should
 * they still arrive, never become the session (the actor sees its abort signal).
 */
const LOGOUT_WINS = { logout: '#session.signingOut' } as const

/** A login failed: back to the guest session, which is still valid. */
const LOGIN_FAILED = {
  target: 'idle',
  actions: ['storeError', { type: 'emitFailure', params: { type: 'login.failed' } }],
} as const

/** The session statechart. */
export const sessionMachine = setup({
  // One empty object at runtime: the types are for the compiler only.
  types: {} as {
    input: SessionInput
    context: SessionContext
    events: SessionEvent
    emitted: SessionEmitted
    tags: SessionTag
  },
  actors: {
    restoreSession: slot<RestoredSession>(),
    authorizeCustomer: slot<SessionTokens, GuestLoginInput>(),
    authenticateCustomer: slot<SessionTokens, LoginInput>(),
    registerCustomer: slot<SessionTokens, RegisterInput>(),
    getTrustedSystemAccessToken: slot<SessionTokens, OnBehalfInput>(),
    transferBasket: slot<void, TransferBasketInput>(),
    logoutCustomer: slot<void, LogoutInput>(),
    tokenRefresh: tokenRefreshMachine,
  },
  guards: {
    canRetry: ({ context, event }) =>
      'error' in event &&
      isTransientError(asSessionError(event.error)) &&
      context.attempt < context.retry.maxAttempts,
    transient: ({ event }) => 'error' in event && isTransientError(asSessionError(event.error)),
    transferBasketOnLogin: ({ context }) => context.transferBasket,
    rejectedCurrentToken: ({ context, event }) =>
      event.type === 'token.rejected' && event.accessToken === context.tokens?.accessToken,
    expiredAt: ({ context, event }) =>
      event.type === 'session.check' &&
      context.tokens !== undefined &&
      event.now >= context.tokens.accessExpiresAt,
    externalRegistered: ({ event }) =>
      event.type === 'session.external' && event.tokens?.customerType === 'registered',
    externalGuest: ({ event }) =>
      event.type === 'session.external' && event.tokens?.customerType === 'guest',
    externalNone: ({ event }) => event.type === 'session.external' && event.tokens === null,
  },
  delays: {
    accessTokenExpiry: ({ context }) =>
      context.tokens ? clampDelay(context.tokens.expiresInMs) : MAX_TIMER_DELAY_MS,
    retryBackoff: ({ context }) =>
      clampDelay(backoffDelay(context.attempt, context.retry, context.error?.retryAfterMs)),
  },
  actions: {
    storeTokens: assign({
      tokens: ({ context, event }) => {
        if (event.type === 'token.refreshed') return event.tokens
        if (event.type === 'session.external') return event.tokens ?? undefined
        if ('output' in event) return event.output as SessionTokens
        return context.tokens
      },
      error: undefined,
      attempt: 0,
      carryUsid: undefined,
    }),
    // Callers waiting for a token read the failure from the snapshot; retrying goes on.
    storeRefreshError: assign({
      error: ({ context, event }) =>
        event.type === 'token.refreshFailed' ? event.error : context.error,
    }),
    storeError: assign({
      error: ({ event }) => ('error' in event ? asSessionError(event.error) : undefined),
    }),
    clearTokens: assign({ tokens: undefined }),
    storeRestored: assign({
      tokens: ({ event }) => (event as { output?: RestoredSession }).output?.tokens,
      error: undefined,
      attempt: 0,
    }),
    /** The registered session is gone: keep its usid (and so the basket) for the next guest. */
    storeLostSession: assign({
      carryUsid: ({ context }) => context.tokens?.usid,
      tokens: undefined,
      error: ({ event }) =>
        'output' in event ? (event.output as TokenRefreshOutput).error : undefined,
    }),
    resetAttempts: assign({ attempt: 0 }),
    countFailure: assign({
      attempt: ({ context }) => context.attempt + 1,
      error: ({ event }) => ('error' in event ? asSessionError(event.error) : undefined),
    }),
    remeasure: assign({
      tokens: ({ context, event }) =>
        event.type === 'session.check' && context.tokens
          ? measure(context.tokens, event.now, context.leewayMs)
          : context.tokens,
    }),
    forwardRefresh: sendTo('tokenRefresh', { type: 'refresh' }),
    // Used on `session.check` only, which the child accepts as it is.
    forwardCheck: sendTo('tokenRefresh', ({ event }) => {
      assertEvent(event, 'session.check')
      return event
    }),
    forwardAdopt: sendTo('tokenRefresh', ({ context }) => ({
      type: 'tokens.adopt' as const,
      tokens: context.tokens as SessionTokens,
    })),
    emitStarted: emit(({ context }) => ({
      type: 'session.started' as const,
      customerType: context.tokens?.customerType ?? 'guest',
    })),
    // The tokens stay out of the emitted event (handlers and the logger never see them).
    emitRefreshed: emit(({ event }) => {
      assertEvent(event, 'token.refreshed')
      return { type: 'token.refreshed' as const, outcome: event.outcome }
    }),
    // The child's event carries nothing secret: passed on as it is.
    emitRefreshFailed: emit(({ event }) => {
      assertEvent(event, 'token.refreshFailed')
      return event
    }),
    /** Emits `params.type` (`login.failed`, ...) with the failed actor's error. */
    emitFailure: emit(({ event }, params: { type: FailureEventType }) => ({
      type: params.type,
      error: asSessionError('error' in event ? event.error : undefined),
    })),
    emitCorrupt: emit(({ event }) => {
      const output = 'output' in event ? (event.output as RestoredSession) : undefined
      return {
        type: 'storage.corrupt' as const,
        code: output?.corrupt ?? 'unreadable',
        reason: output?.reason ?? 'the stored session could not be read',
      }
    }),
    // Each transient failure to start a session is told; retrying goes on.
    emitStartFailed: emit(({ event }) => ({
      type: 'session.startFailed' as const,
      error: asSessionError('error' in event ? event.error : undefined),
    })),
    emitReauthRequired: emit(({ context, event }) => ({
      type: 'session.reauthRequired' as const,
      error: (event.type === 'reauth.required' ? event.error : context.error) ?? {
        code: 'invalid_grant',
        message: 'The session was lost.',
      },
    })),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    tokens: undefined,
    error: undefined,
    leewayMs: input.leewayMs,
    transferBasket: input.transferBasket,
    retry: input.retry ?? DEFAULT_RETRY_POLICY,
    proactiveRefresh: input.proactiveRefresh ?? true,
    attempt: 0,
    carryUsid: undefined,
  }),
  initial: 'restoring',
  on: {
    'storage.failed': {
      actions: emit(({ event }) => ({ type: 'storage.failed' as const, reason: event.reason })),
    },
  },
  states: {
    restoring: {
      initial: 'reading',
      states: {
        reading: {
          tags: ['busy'],
          invoke: {
            id: 'restoreSession',
            src: 'restoreSession',
            onDone: [
              {
                guard: ({ event }) => event.output?.tokens?.customerType === 'registered',
                target: '#session.registered',
                actions: ['storeRestored', 'emitStarted'],
              },
              {
                guard: ({ event }) => event.output?.tokens !== undefined,
                target: '#session.guest.session.live',
                actions: ['storeRestored', 'emitStarted'],
              },
              {
                guard: ({ event }) => event.output.corrupt !== undefined,
                target: '#session.guest',
                actions: ['resetAttempts', 'emitCorrupt'],
              },
              { target: '#session.guest', actions: 'resetAttempts' },
            ],
            // Storage or the token check did not answer in time: nothing stored is given up.
            onError: [
              ...START_FAILED,
              // The storage adapter failed outright: nothing usable is stored; start as a guest.
              { target: '#session.guest', actions: ['resetAttempts', 'emitCorrupt'] },
            ],
          },
        },
        ...startRetries('reading'),
      },
    },

    guest: {
      type: 'parallel',
      tags: ['guest'],
      states: {
        session: {
          initial: 'signingIn',
          states: {
            signingIn: {
              tags: ['busy'],
              invoke: {
                id: 'authorizeCustomer',
                src: 'authorizeCustomer',
                input: ({ context }) => ({ usid: context.carryUsid }),
                onDone: [
                  // Another tab logged in meanwhile: its registered session was adopted.
                  {
                    guard: ({ event }) => event.output?.customerType === 'registered',
                    target: '#session.registered',
                    actions: ['storeTokens', 'emitStarted'],
                  },
                  { target: 'live', actions: ['storeTokens', 'emitStarted'] },
                ],
                // A refusal (not transient) makes the session unavailable at once.
                onError: [
                  ...START_FAILED,
                  {
                    target: 'unavailable',
                    actions: [
                      'storeError',
                      { type: 'emitFailure', params: { type: 'session.unavailable' } },
                    ],
                  },
                ],
              },
            },
            ...startRetries('signingIn'),
            live: {
              type: 'parallel',
              invoke: {
                ...TOKEN_REFRESH,
                // A guest whose refresh token died just starts over: it had nothing to lose.
                onDone: { target: 'signingIn', actions: 'clearTokens' },
              },
              on: {
                ...REFRESH_REQUESTS,
              },
              states: {
                freshness: freshness('externalGuest'),
                activity: {
                  initial: 'idle',
                  states: {
                    idle: {
                      on: {
                        login: 'authenticating',
                        'login.onBehalf': 'authenticatingOnBehalf',
                        register: 'registering',
                        logout: '#session.signingOut',
                      },
                    },
                    authenticating: {
                      tags: ['busy'],
                      on: LOGOUT_WINS,
                      invoke: {
                        id: 'authenticateCustomer',
                        src: 'authenticateCustomer',
                        input: ({ context, event }) => {
                          assertEvent(event, 'login')
                          const { username, password } = event
                          return { username, password, guest: context.tokens as SessionTokens }
                        },
                        onDone: ENTER_REGISTERED,
                        onError: LOGIN_FAILED,
                      },
                    },
                    authenticatingOnBehalf: {
                      tags: ['busy'],
                      on: LOGOUT_WINS,
                      invoke: {
                        id: 'getTrustedSystemAccessToken',
                        src: 'getTrustedSystemAccessToken',
                        input: ({ context, event }) => {
                          assertEvent(event, 'login.onBehalf')
                          return { loginId: event.loginId, guest: context.tokens as SessionTokens }
                        },
                        onDone: ENTER_REGISTERED,
                        onError: LOGIN_FAILED,
                      },
                    },
                    registering: {
                      tags: ['busy'],
                      on: LOGOUT_WINS,
                      invoke: {
                        id: 'registerCustomer',
                        src: 'registerCustomer',
                        input: ({ context, event }) => {
                          assertEvent(event, 'register')
                          const { customer, password } = event
                          return { customer, password, guest: context.tokens as SessionTokens }
                        },
                        onDone: ENTER_REGISTERED,
                        onError: {
                          target: 'idle',
                          actions: [
                            'storeError',
                            { type: 'emitFailure', params: { type: 'register.failed' } },
                          ],
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        notice: {
          initial: 'none',
          // On this region, not on `guest`: a transition from `guest` would re-enter the
          // `session` region too and cancel what it is doing.
          on: {
            'reauth.required': { target: '.reauthRequired', actions: 'emitReauthRequired' },
          },
          states: {
            none: {},
            reauthRequired: { tags: ['reauthRequired'] },
          },
        },
      },
      on: {
        'session.external': {
          guard: 'externalRegistered',
          target: 'registered',
          actions: 'storeTokens',
        },
      },
    },

    registered: {
      type: 'parallel',
      tags: ['registered'],
      invoke: {
        ...TOKEN_REFRESH,
        // The refresh token was refused: tell, then continue as a guest with the same usid.
        onDone: {
          target: ['guest.session.signingIn', 'guest.notice.reauthRequired'],
          actions: ['storeLostSession', 'emitReauthRequired'],
        },
      },
      on: {
        ...REFRESH_REQUESTS,
        'session.external': [
          // Registered tokens another tab wrote: the freshness region adopts them (below).
          // Another tab logged out and started a guest session: follow it.
          { guard: 'externalGuest', target: 'guest.session.live', actions: 'storeTokens' },
          { guard: 'externalNone', target: 'guest', actions: 'clearTokens' },
        ],
      },
      states: {
        freshness: freshness('externalRegistered'),
        activity: {
          initial: 'idle',
          states: {
            idle: { on: { logout: '#session.signingOut' } },
            transferringBasket: {
              tags: ['busy'],
              invoke: {
                id: 'transferBasket',
                src: 'transferBasket',
                input: ({ context }) => ({ tokens: context.tokens as SessionTokens }),
                onDone: 'idle',
                // The login stands; the app hears that the basket stayed with the guest.
                onError: {
                  target: 'idle',
                  actions: { type: 'emitFailure', params: { type: 'basket.transferFailed' } },
                },
              },
              on: { logout: '#session.signingOut' },
            },
          },
        },
      },
    },

    signingOut: {
      tags: ['busy'],
      invoke: {
        id: 'logoutCustomer',
        src: 'logoutCustomer',
        input: ({ context, event }) => ({
          tokens: context.tokens,
          allSessions: event.type === 'logout' && event.allSessions === true,
          remote: event.type !== 'logout' || event.remote !== false,
        }),
        onDone: { target: 'guest', actions: 'clearTokens' },
        // Signed out locally all the same: the remote failure is only reported.
        onError: {
          target: 'guest',
          actions: [
            'clearTokens',
            { type: 'emitFailure', params: { type: 'logout.remoteFailed' } },
          ],
        },
      },
    },
  },
})
