/**
 * The session machine with every actor slot faked (`scripted` promise actors), the real refresh
 * machine as its child (with a faked `getAccessToken`), and xstate's `SimulatedClock`.
 */
import { createActor, type NonReducibleUnknown, SimulatedClock } from 'xstate'
import type { RetryPolicy, SessionError, SessionTokens } from '../../machines/contracts.ts'
import {
  type GuestLoginInput,
  type LoginInput,
  type LogoutInput,
  type OnBehalfInput,
  type RegisterInput,
  type RestoredSession,
  type SessionEmitted,
  type SessionInput,
  sessionMachine,
  type TransferBasketInput,
} from '../../machines/sessionMachine.ts'
import {
  type RefreshActorInput,
  type RefreshOutput,
  tokenRefreshMachine,
} from '../../machines/tokenRefreshMachine.ts'
import { flush, guestTokens, LEEWAY_MS, registeredTokens, scripted, SECOND } from './fixtures.ts'

type Answers<T> = Array<T | { reject: SessionError }>

/** What each fake actor answers, call after call (the last answer repeats). */
export interface FakeAnswers {
  restore: Answers<RestoredSession>
  authorize: Answers<SessionTokens>
  authenticate: Answers<SessionTokens>
  onBehalf: Answers<SessionTokens>
  register: Answers<SessionTokens>
  transfer: Answers<void>
  logout: Answers<void>
  refresh: Answers<RefreshOutput>
}

export const TEST_POLICY: RetryPolicy = {
  baseDelayMs: SECOND,
  maxDelayMs: 8 * SECOND,
  maxAttempts: 2,
}

/** Starts the session machine on fakes; nothing is restored unless `restore` says so. */
export function startSession(
  answers: Partial<FakeAnswers> = {},
  input: Partial<SessionInput> = {},
) {
  const fakes = {
    restore: scripted<RestoredSession, NonReducibleUnknown>(
      answers.restore ?? [{ tokens: undefined }],
    ),
    authorize: scripted<SessionTokens, GuestLoginInput>(answers.authorize ?? [guestTokens]),
    authenticate: scripted<SessionTokens, LoginInput>(answers.authenticate ?? [registeredTokens]),
    onBehalf: scripted<SessionTokens, OnBehalfInput>(answers.onBehalf ?? [registeredTokens]),
    register: scripted<SessionTokens, RegisterInput>(answers.register ?? [registeredTokens]),
    transfer: scripted<void, TransferBasketInput>(answers.transfer ?? [undefined]),
    logout: scripted<void, LogoutInput>(answers.logout ?? [undefined]),
    refresh: scripted<RefreshOutput, RefreshActorInput>(answers.refresh ?? []),
  }
  const machine = sessionMachine.provide({
    actors: {
      restoreSession: fakes.restore.logic,
      authorizeCustomer: fakes.authorize.logic,
      authenticateCustomer: fakes.authenticate.logic,
      getTrustedSystemAccessToken: fakes.onBehalf.logic,
      registerCustomer: fakes.register.logic,
      transferBasket: fakes.transfer.logic,
      logoutCustomer: fakes.logout.logic,
      tokenRefresh: tokenRefreshMachine.provide({
        actors: { getAccessToken: fakes.refresh.logic },
      }),
    },
  })
  const clock = new SimulatedClock()
  const actor = createActor(machine, {
    clock,
    input: { leewayMs: LEEWAY_MS, transferBasket: true, retry: TEST_POLICY, ...input },
  })
  const emitted: SessionEmitted[] = []
  actor.on('*', (event) => void emitted.push(event))
  actor.start()
  return {
    actor,
    clock,
    fakes,
    emitted,
    snapshot: () => actor.getSnapshot(),
    tags: () => [...actor.getSnapshot().tags].sort(),
    emittedTypes: () => emitted.map((event) => event.type),
    /** Moves simulated time and lets the fake actors settle. */
    async advance(ms: number) {
      clock.increment(ms)
      await flush()
    },
    /** Sends an event and lets the fake actors settle. */
    async send(event: Parameters<typeof actor.send>[0]) {
      actor.send(event)
      await flush()
    },
    settle: flush,
  }
}
