/**
 * The refresh timer, invoked by the session machine while a session holds tokens.
 *
 * `scheduled` waits for the named delay `accessTokenRefresh` (expiry minus leeway, measured by
 * whoever produced the tokens), then `refreshing` runs the `getAccessToken` slot: one actor for
 * the whole critical section (lock, re-read storage, adopt or refresh, write, broadcast), so one
 * machine never spends a refresh token twice. Transient failures back off (`retryBackoff`,
 * bounded) and, once the automatic attempts are used up, `waiting` holds until a caller, the
 * network or the page asks again. A refused grant ends the machine in `failed` with the error
 * as output; the session machine decides what that means for the shopper.
 *
 * @module
 */
import { assign, sendParent, setup } from 'xstate'
import { slot } from './slot.ts'
import {
  backoffDelay,
  clampDelay,
  DEFAULT_RETRY_POLICY,
  isTransientError,
  measure,
  type RetryPolicy,
  type SessionError,
  type SessionTokens,
} from './contracts.ts'
import { asSessionError } from './sessionError.ts'

/** Input of {@link tokenRefreshMachine}. */
export interface TokenRefreshInput {
  tokens: SessionTokens
  /** Refresh this long before the access token expires (ms). */
  leewayMs: number
  retry?: RetryPolicy
  /** Refresh before expiry on a timer. Off for per-request server sessions. Default true. */
  proactive?: boolean
}

/** Context of {@link tokenRefreshMachine}. */
export interface TokenRefreshContext {
  tokens: SessionTokens
  leewayMs: number
  proactive: boolean
  retry: RetryPolicy
  /** Consecutive failed attempts. */
  attempt: number
  error: SessionError | undefined
}

/** Events {@link tokenRefreshMachine} accepts. */
export type TokenRefreshEvent =
  /** Refresh now (an expired token was asked for, or a SCAPI call answered 401). */
  | { type: 'refresh' }
  /** The page became visible, the network came back or the machine woke: time as data. */
  | { type: 'session.check'; now: number }
  /** Tokens written elsewhere (another tab, the session itself) replace the copy. */
  | { type: 'tokens.adopt'; tokens: SessionTokens }

/** What the `getAccessToken` slot resolves with. */
export interface RefreshOutput {
  /** `adopted`: another tab had already refreshed; `refreshed`: this call spent the token. */
  outcome: 'refreshed' | 'adopted'
  tokens: SessionTokens
}

/** Input of the `getAccessToken` slot. */
export interface RefreshActorInput {
  /** The tokens the machine holds (the refresh token to spend unless storage has newer ones). */
  tokens: SessionTokens
}

/** Sent to the parent after every successful refresh or adoption. */
export interface TokenRefreshedEvent {
  type: 'token.refreshed'
  outcome: RefreshOutput['outcome']
  tokens: SessionTokens
}

/** Sent to the parent when a refresh failed transiently (retrying continues). */
export interface TokenRefreshFailedEvent {
  type: 'token.refreshFailed'
  error: SessionError
}

/** Output when the machine ends: the grant was refused. */
export interface TokenRefreshOutput {
  error: SessionError
}

/** The refresh timer statechart. */
export const tokenRefreshMachine = setup({
  // One empty object at runtime: the types are for the compiler only.
  types: {} as {
    input: TokenRefreshInput
    context: TokenRefreshContext
    events: TokenRefreshEvent
    output: TokenRefreshOutput
    tags: 'busy' | 'waiting'
  },
  actors: {
    getAccessToken: slot<RefreshOutput, RefreshActorInput>(),
  },
  guards: {
    isNearExpiry: ({ context, event }) =>
      event.type === 'session.check' &&
      event.now >= context.tokens.accessExpiresAt - context.leewayMs,
    attemptsUsedUp: ({ context }) => context.attempt > context.retry.maxAttempts,
    proactive: ({ context }) => context.proactive,
  },
  delays: {
    accessTokenRefresh: ({ context }) => clampDelay(context.tokens.refreshInMs),
    retryBackoff: ({ context }) =>
      clampDelay(backoffDelay(context.attempt, context.retry, context.error?.retryAfterMs)),
  },
  actions: {
    adoptTokens: assign({
      tokens: ({ context, event }) =>
        event.type === 'tokens.adopt' ? event.tokens : context.tokens,
      attempt: 0,
      error: undefined,
    }),
    remeasure: assign({
      tokens: ({ context, event }) =>
        event.type === 'session.check'
          ? measure(context.tokens, event.now, context.leewayMs)
          : context.tokens,
    }),
    resetAttempts: assign({ attempt: 0 }),
  },
}).createMachine({
  id: 'tokenRefresh',
  context: ({ input }) => ({
    tokens: input.tokens,
    leewayMs: input.leewayMs,
    proactive: input.proactive ?? true,
    retry: input.retry ?? DEFAULT_RETRY_POLICY,
    attempt: 0,
    error: undefined,
  }),
  initial: 'scheduled',
  // `failed` is entered only with the refusal assigned.
  output: ({ context }) => ({ error: context.error as SessionError }),
  states: {
    scheduled: {
      after: { accessTokenRefresh: { guard: 'proactive', target: 'refreshing' } },
      on: {
        refresh: 'refreshing',
        'session.check': [
          { guard: 'isNearExpiry', target: 'refreshing' },
          { target: 'scheduled', reenter: true, actions: 'remeasure' },
        ],
        'tokens.adopt': { target: 'scheduled', reenter: true, actions: 'adoptTokens' },
      },
    },
    refreshing: {
      tags: ['busy'],
      // Callers asking again while a refresh runs just wait for it: single flight.
      invoke: {
        id: 'getAccessToken',
        src: 'getAccessToken',
        input: ({ context }) => ({ tokens: context.tokens }),
        onDone: {
          target: 'scheduled',
          actions: [
            assign({ tokens: ({ event }) => event.output.tokens, attempt: 0, error: undefined }),
            sendParent(({ event }) => ({
              type: 'token.refreshed',
              outcome: event.output.outcome,
              tokens: event.output.tokens,
            })),
          ],
        },
        onError: [
          {
            guard: ({ event }) => isTransientError(asSessionError(event.error)),
            target: 'backingOff',
            actions: [
              assign({
                attempt: ({ context }) => context.attempt + 1,
                error: ({ event }) => asSessionError(event.error),
              }),
              // Callers waiting for a token hear it now; the machine keeps retrying.
              sendParent(({ event }) => ({
                type: 'token.refreshFailed',
                error: asSessionError(event.error),
              })),
            ],
          },
          {
            target: 'failed',
            actions: assign({ error: ({ event }) => asSessionError(event.error) }),
          },
        ],
      },
    },
    backingOff: {
      always: { guard: 'attemptsUsedUp', target: 'waiting' },
      after: { retryBackoff: 'refreshing' },
      on: {
        // The network or the page is back: try now instead of waiting out the backoff.
        'session.check': 'refreshing',
        'tokens.adopt': { target: 'scheduled', actions: 'adoptTokens' },
      },
    },
    waiting: {
      tags: ['waiting'],
      on: {
        refresh: { target: 'refreshing', actions: 'resetAttempts' },
        'session.check': { target: 'refreshing', actions: 'resetAttempts' },
        'tokens.adopt': { target: 'scheduled', actions: 'adoptTokens' },
      },
    },
    failed: { type: 'final' },
  },
})
