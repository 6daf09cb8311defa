/**
 * Fixtures for the machine tests: token sets measured at time 0 (the `SimulatedClock` starts
 * there), coded errors as the actors reject with them, and fake actor slots.
 */
import {
  type ActorRefFrom,
  createActor,
  fromPromise,
  type PromiseActorLogic,
  setup,
  SimulatedClock,
} from 'xstate'
import type { SessionError, SessionTokens } from '../../machines/contracts.ts'
import {
  type RefreshActorInput,
  type RefreshOutput,
  type TokenRefreshedEvent,
  type TokenRefreshFailedEvent,
  type TokenRefreshInput,
  tokenRefreshMachine,
  type TokenRefreshOutput,
} from '../../machines/tokenRefreshMachine.ts'
import type { ErrorCode } from '../../src/errors.ts'
import { openSecret, Secret } from '../../src/secret.ts'

export const SECOND = 1_000
export const MINUTE = 60 * SECOND

/** Access tokens live 30 minutes; the fixtures refresh one minute before expiry. */
export const LIFETIME_MS = 30 * MINUTE
export const LEEWAY_MS = MINUTE

/** A token set received at `at` (client clock), with `n` making each fixture distinct. */
export function tokensAt(
  customerType: SessionTokens['customerType'],
  n = 1,
  at = 0,
  overrides: Partial<SessionTokens> = {},
): SessionTokens {
  return {
    accessToken: `${customerType}-access-${n}`,
    refreshToken: `${customerType}-refresh-${n}`,
    customerType,
    customerId: customerType === 'guest' ? 'guest-customer' : 'registered-customer',
    usid: 'usid-1',
    ...(customerType === 'registered' ? { loginId: 'ada@example.com' } : {}),
    accessExpiresAt: at + LIFETIME_MS,
    refreshExpiresAt: at + 30 * 24 * 60 * MINUTE,
    refreshInMs: LIFETIME_MS - LEEWAY_MS,
    expiresInMs: LIFETIME_MS,
    ...overrides,
  }
}

export const guestTokens = tokensAt('guest', 1)
export const registeredTokens = tokensAt('registered', 1)

/** A coded error, as `ShopperSessionError.toJSON()` (what the real actors reject with) reads. */
export function codedError(code: ErrorCode, extra: Partial<SessionError> = {}): SessionError {
  return { code, message: `fixture: ${code}`, ...extra }
}

/**
 * `input` with its boxed secrets opened (what the real actor would send): tests compare the
 * recorded inputs with the passwords they typed.
 */
function opened<T>(input: T): T {
  if (typeof input !== 'object' || input === null) return input
  const entries = Object.entries(input).map(([key, value]) => [
    key,
    value instanceof Secret ? openSecret(value, key) : value,
  ])
  return Object.fromEntries(entries) as T
}

/**
 * A fake promise actor that records its inputs (secrets opened) and answers from a queue (last
 * one repeats).
 */
export function scripted<TOutput, TInput>(
  answers: ReadonlyArray<TOutput | { reject: SessionError }>,
) {
  const inputs: TInput[] = []
  let pending: Array<() => void> = []
  let gate: Promise<void> | undefined
  const logic = fromPromise<TOutput, TInput>(async ({ input }) => {
    inputs.push(opened(input))
    if (gate) await gate
    if (answers.length === 0) throw new Error('scripted: no answers')
    const answer = answers[Math.min(inputs.length, answers.length) - 1] as
      TOutput | { reject: SessionError }
    if (isRejection(answer)) throw answer.reject
    return answer
  })
  return {
    logic,
    inputs,
    get calls() {
      return inputs.length
    },
    /** Holds every call until `release()`. */
    hold() {
      gate = new Promise<void>((resolve) => pending.push(resolve))
    },
    release() {
      gate = undefined
      for (const resolve of pending) resolve()
      pending = []
    },
  }
}

function isRejection<T>(answer: T | { reject: SessionError }): answer is { reject: SessionError } {
  return typeof answer === 'object' && answer !== null && 'reject' in answer
}

/** Lets settled promise actors deliver their results. */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i += 1) await Promise.resolve()
  await new Promise<void>((resolve) => setImmediate(resolve))
}

/** A fake promise actor the test settles call by call (`next().resolve(...)`). */
export function manual<TOutput, TInput>() {
  const pending: Array<{
    input: TInput
    resolve: (output: TOutput) => void
    reject: (error: SessionError) => void
  }> = []
  const logic = fromPromise<TOutput, TInput>(
    ({ input }) =>
      new Promise<TOutput>((resolve, reject) => {
        pending.push({ input, resolve, reject })
      }),
  )
  return {
    logic,
    pending,
    /** The oldest unsettled call. */
    next() {
      const call = pending.shift()
      if (!call) throw new Error('manual: no call is waiting')
      return call
    },
  }
}

/**
 * The refresh machine under a host standing in for the session: it records the reports the
 * machine sends its parent and its output. Time is a `SimulatedClock`.
 */
export function hostTokenRefresh(
  getAccessToken: PromiseActorLogic<RefreshOutput, RefreshActorInput>,
  input: TokenRefreshInput,
) {
  const reports: Array<TokenRefreshedEvent | TokenRefreshFailedEvent> = []
  const ended: TokenRefreshOutput[] = []
  const machine = tokenRefreshMachine.provide({ actors: { getAccessToken } })
  const host = setup({
    types: {
      events: {} as TokenRefreshedEvent | TokenRefreshFailedEvent,
      children: {} as { tokenRefresh: 'tokenRefresh' },
    },
    actors: { tokenRefresh: machine },
  }).createMachine({
    invoke: {
      id: 'tokenRefresh',
      src: 'tokenRefresh',
      input,
      onDone: { actions: ({ event }) => void ended.push(event.output) },
    },
    on: {
      'token.refreshed': { actions: ({ event }) => void reports.push(event) },
      'token.refreshFailed': { actions: ({ event }) => void reports.push(event) },
    },
  })
  const clock = new SimulatedClock()
  const actor = createActor(host, { clock }).start()
  const child = actor.getSnapshot().children.tokenRefresh as ActorRefFrom<typeof machine>
  return { actor, child, clock, reports, ended }
}
