/**
 * Path generation over tokenRefreshMachine (xstate/graph): traversal with the `getAccessToken`
 * done/error events (fixture outputs; transient and non-transient codes), the two named delays and
 * the caller events, proactive on and off. Invariants on every state reached; every shortest path
 * and every simple path that ends the machine or parks it is then replayed against a live actor (a
 * fake `getAccessToken` settled step by step, `SimulatedClock` for the delays).
 */
import { describe, expect, it } from 'vitest'
import type { SnapshotFrom } from 'xstate'
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph'
import { backoffDelay, isTransientError, type SessionError } from '../../machines/contracts.ts'
import {
  type RefreshActorInput,
  type RefreshOutput,
  type TokenRefreshEvent,
  type TokenRefreshInput,
  tokenRefreshMachine,
} from '../../machines/tokenRefreshMachine.ts'
import {
  codedError,
  hostTokenRefresh,
  LEEWAY_MS,
  LIFETIME_MS,
  manual,
  registeredTokens,
  SECOND,
  tokensAt,
} from './fixtures.ts'
import {
  after,
  busyStatesWithoutExits,
  canTake,
  describePath,
  done,
  edgesOf,
  failed,
  type MachinePath,
  snapshotsOf,
  tagsOf,
  traversable,
  type TraversalEvent,
  unvisitedStateIds,
  vertexCount,
} from './pathHelpers.ts'

type RefreshMachine = typeof tokenRefreshMachine
type RefreshSnapshot = SnapshotFrom<RefreshMachine>
type RefreshTraversalEvent = TraversalEvent<RefreshMachine>

const RETRY = { baseDelayMs: SECOND, maxDelayMs: 4 * SECOND, maxAttempts: 2 }
const inputFor = (proactive: boolean): TokenRefreshInput => ({
  tokens: registeredTokens,
  leewayMs: LEEWAY_MS,
  retry: RETRY,
  proactive,
})

const ERRORS: readonly SessionError[] = [
  codedError('network'),
  codedError('rate_limited', { retryAfterMs: 30 * SECOND }),
  codedError('invalid_grant'),
  codedError('credentials_changed'),
  codedError('invalid_client'),
]

const EVENTS: readonly RefreshTraversalEvent[] = [
  { type: 'refresh' },
  { type: 'session.check', now: 0 },
  { type: 'session.check', now: LIFETIME_MS - LEEWAY_MS },
  { type: 'tokens.adopt', tokens: tokensAt('registered', 3) },
  done('getAccessToken', { outcome: 'refreshed', tokens: tokensAt('registered', 2) }),
  done('getAccessToken', { outcome: 'adopted', tokens: tokensAt('registered', 3) }),
  ...ERRORS.map((error) => failed('getAccessToken', error)),
  after('accessTokenRefresh', 'tokenRefresh.scheduled'),
  after('retryBackoff', 'tokenRefresh.backingOff'),
]

const logic = traversable(tokenRefreshMachine)
/** State value, tags, the attempt count (a guard reads it) and the status (final or not). */
const serializeState = (snapshot: RefreshSnapshot) =>
  JSON.stringify([snapshot.value, tagsOf(snapshot), snapshot.context.attempt, snapshot.status])

const traversalFor = (proactive: boolean) => ({
  input: inputFor(proactive),
  events: EVENTS,
  serializeState,
  filterEvents: canTake,
})

function traverse(proactive: boolean) {
  const adjacency = getAdjacencyMap(logic, traversalFor(proactive))
  return { adjacency, edges: edgesOf(adjacency), reached: snapshotsOf(adjacency) }
}

const errorOf = (event: RefreshTraversalEvent) => ('error' in event ? event.error : undefined)

function invariantProblems(snapshot: RefreshSnapshot): string[] {
  const problems: string[] = []
  const { attempt, error, retry } = snapshot.context
  const where = `${JSON.stringify(snapshot.value)}#${attempt}`
  if (snapshot.hasTag('busy') !== snapshot.matches('refreshing'))
    problems.push(`${where}: busy ≠ refreshing`)
  if (snapshot.matches('scheduled') && (attempt !== 0 || error !== undefined)) {
    problems.push(`${where}: scheduled with a failure count or an error`)
  }
  if (attempt > retry.maxAttempts + 1)
    problems.push(`${where}: more attempts than the policy allows`)
  if (snapshot.matches('backingOff') && !isTransientError(error)) {
    problems.push(`${where}: backing off without a transient error`)
  }
  if (snapshot.matches('waiting') && (attempt <= retry.maxAttempts || !isTransientError(error))) {
    problems.push(`${where}: waiting before the attempts are used up`)
  }
  if (snapshot.status === 'done') {
    if (!snapshot.matches('failed')) problems.push(`${where}: done outside failed`)
    if (snapshot.output === undefined || isTransientError(snapshot.output.error)) {
      problems.push(`${where}: ended without a non-transient error as output`)
    }
  }
  return problems
}

describe.each([true, false])('tokenRefreshMachine paths (proactive: %s)', (proactive) => {
  const { adjacency, edges, reached } = traverse(proactive)
  const shortest = getShortestPaths(logic, traversalFor(proactive))

  it('reaches every state node; refreshing, backingOff and waiting for each attempt count', () => {
    expect(shortest.length).toBe(vertexCount(adjacency))
    expect(shortest.length).toBe(10)
    expect(unvisitedStateIds(tokenRefreshMachine, reached)).toEqual([])
  })

  it('the invariants hold on every state reached', () => {
    expect([...new Set(reached.flatMap(invariantProblems))]).toEqual([])
  })

  it('refreshing leads out on done and every error, and takes nothing else', () => {
    expect(busyStatesWithoutExits(tokenRefreshMachine)).toEqual([])
    const out = edges.filter((e) => e.from.matches('refreshing'))
    const types = new Set(out.map((e) => e.event.type))
    expect([...types].sort()).toEqual([
      'xstate.done.actor.getAccessToken',
      'xstate.error.actor.getAccessToken',
    ])
    for (const snapshot of reached.filter((s) => s.matches('refreshing'))) {
      for (const error of ERRORS)
        expect(canTake(snapshot, failed('getAccessToken', error))).toBe(true)
      expect(canTake(snapshot, { type: 'refresh' })).toBe(false)
      expect(canTake(snapshot, { type: 'session.check', now: LIFETIME_MS })).toBe(false)
    }
  })

  it('failed only on a non-transient error; waiting only with attempts used up', () => {
    for (const e of edges.filter(
      (edge) => edge.to.matches('failed') && !edge.from.matches('failed'),
    )) {
      expect(e.event.type).toBe('xstate.error.actor.getAccessToken')
      expect(isTransientError(errorOf(e.event))).toBe(false)
    }
    for (const e of edges.filter(
      (edge) => edge.to.matches('waiting') && !edge.from.matches('waiting'),
    )) {
      expect(e.event.type).toBe('xstate.error.actor.getAccessToken')
      expect(isTransientError(errorOf(e.event))).toBe(true)
      expect(e.from.context.attempt).toBe(RETRY.maxAttempts)
    }
  })

  it(`the proactive timer ${proactive ? 'is' : 'is never'} a way into refreshing`, () => {
    const timed = edges.filter(
      (e) => e.event.type === 'xstate.after.accessTokenRefresh.tokenRefresh.scheduled',
    )
    expect(timed.length > 0).toBe(proactive)
    for (const e of timed) expect(e.to.matches('refreshing')).toBe(true)
  })

  it('every shortest path replays on a live actor with the same states and reports', async () => {
    for (const path of shortest) await replayLive(path, proactive)
  })

  it('every simple path that ends the machine or parks it in waiting replays live', async () => {
    const parked = getSimplePaths(logic, {
      ...traversalFor(proactive),
      toState: (snapshot) => snapshot.status === 'done' || snapshot.matches('waiting'),
    })
    expect(parked.length).toBeGreaterThan(20)
    for (const path of parked) await replayLive(path, proactive)
  })
})

/** Lets a settled fake deliver its result (microtasks only: no timer is involved). */
async function settle() {
  for (let i = 0; i < 4; i += 1) await Promise.resolve()
}

/**
 * Replays `path` on a live refresh machine: done/error steps settle the pending `getAccessToken`
 * call, delay steps move the simulated clock by exactly the delay, caller events are sent. After
 * every step the live state (value, tags, attempts, status) must be the path's.
 */
async function replayLive(path: MachinePath<RefreshMachine>, proactive: boolean) {
  const refresh = manual<RefreshOutput, RefreshActorInput>()
  const { child, clock, reports, ended } = hostTokenRefresh(refresh.logic, inputFor(proactive))
  const expected: string[] = []
  for (const { event, state } of path.steps) {
    const now = child.getSnapshot().context
    if (event.type === 'xstate.init') {
      // The initial state.
    } else if (event.type === 'xstate.done.actor.getAccessToken' && 'output' in event) {
      refresh.next().resolve(event.output as RefreshOutput)
      expected.push(`refreshed:${(event.output as RefreshOutput).outcome}`)
    } else if (event.type === 'xstate.error.actor.getAccessToken' && 'error' in event) {
      refresh.next().reject(event.error)
      if (isTransientError(event.error)) expected.push(`failed:${event.error.code}`)
    } else if (event.type === 'xstate.after.accessTokenRefresh.tokenRefresh.scheduled') {
      clock.increment(now.tokens.refreshInMs)
    } else if (event.type === 'xstate.after.retryBackoff.tokenRefresh.backingOff') {
      clock.increment(backoffDelay(now.attempt, now.retry, now.error?.retryAfterMs))
    } else {
      child.send(event as TokenRefreshEvent)
    }
    await settle()
    expect(serializeState(child.getSnapshot()), describePath(path)).toBe(serializeState(state))
    expect(refresh.pending.length).toBe(child.getSnapshot().matches('refreshing') ? 1 : 0)
  }
  const heard = reports.map((r) =>
    r.type === 'token.refreshed' ? `refreshed:${r.outcome}` : `failed:${r.error.code}`,
  )
  expect(heard, describePath(path)).toEqual(expected)
  // States that differ only in the error are one vertex: the last step says which error it was.
  const last = path.steps.at(-1)?.event
  const refused = path.state.status === 'done' && last ? errorOf(last) : undefined
  expect(ended).toEqual(refused ? [{ error: refused }] : [])
}
