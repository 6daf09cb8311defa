/**
 * Path generation over sessionMachine (xstate/graph): the chart is traversed
 * with xstate/graph on a sample of every event it can receive (user events, the refresh child's
 * reports, the done and error events of every invoked actor, the named delays). Invariants are
 * checked on every state reached, `reauthRequired` is traced back to its only way in, and a
 * representative set of paths is replayed live: the same steps made real against the in-process
 * emulator (faults, revoked sessions, wrong passwords), ending with the same tags.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SnapshotFrom } from 'xstate'
import {
  getAdjacencyMap,
  getPathsFromEvents,
  getShortestPaths,
  getStateNodes,
} from 'xstate/graph'
import type { SessionTag } from '../../machines/contracts.ts'
import {
  type SessionEmitted,
  type SessionInput,
  sessionMachine,
} from '../../machines/sessionMachine.ts'
import { secret } from '../../src/secret.ts'
import type { ShopperSession } from '../../src/session.ts'
import { expectCode } from '../support/expectError.ts'
import { createSessionHarness, seededShopper } from '../session/harness.ts'
import {
  codedError,
  guestTokens,
  LEEWAY_MS,
  LIFETIME_MS,
  MINUTE,
  registeredTokens,
  tokensAt,
} from './fixtures.ts'
import {
  activeBusyNodes,
  after,
  busyStatesWithoutExits,
  canTake,
  describePath,
  done,
  edgesOf,
  failed,
  invokeIds,
  type MachinePath,
  simplePathsTo,
  snapshotsOf,
  tagsOf,
  traversable,
  type TraversalEvent,
  unvisitedStateIds,
  vertexCount,
} from './pathHelpers.ts'

type SessionMachine = typeof sessionMachine
type SessionSnapshot = SnapshotFrom<SessionMachine>
type SessionTraversalEvent = TraversalEvent<SessionMachine>

const PASSWORD_TEXT = 'Fixture-Pa55word!'
const PASSWORD = secret(PASSWORD_TEXT)
const LOGIN = { type: 'login', username: 'ada@example.com', password: PASSWORD } as const
const REGISTER = {
  type: 'register',
  customer: { login: 'bo@example.com', email: 'bo@example.com', lastName: 'Bo' },
  password: PASSWORD,
} as const

const TRAVERSAL_INPUT: SessionInput = {
  leewayMs: LEEWAY_MS,
  transferBasket: true,
  retry: { baseDelayMs: 1_000, maxDelayMs: 4_000, maxAttempts: 2 },
}

/** A sample output for each invoked actor's done event. */
const SAMPLE_OUTPUT: Readonly<Record<string, unknown>> = {
  restoreSession: { tokens: undefined },
  authorizeCustomer: guestTokens,
  authenticateCustomer: registeredTokens,
  getTrustedSystemAccessToken: registeredTokens,
  registerCustomer: registeredTokens,
  transferBasket: undefined,
  logoutCustomer: undefined,
  tokenRefresh: { error: codedError('invalid_grant') },
}

/** A transient and a non-transient error for every actor. */
const SAMPLE_ERRORS = [codedError('network'), codedError('invalid_client')] as const

/** The user events (what the app and the browser adapters send). */
function userEvents(snapshot: SessionSnapshot): SessionTraversalEvent[] {
  const current = snapshot.context.tokens
  return [
    LOGIN,
    REGISTER,
    { type: 'login.onBehalf', loginId: 'ada@example.com' },
    { type: 'logout' },
    { type: 'refresh' },
    { type: 'retry' },
    { type: 'token.rejected', accessToken: current?.accessToken ?? 'no-token' },
    { type: 'session.check', now: 0 },
    { type: 'session.check', now: LIFETIME_MS },
    { type: 'session.external', tokens: tokensAt('registered', 3) },
    { type: 'session.external', tokens: tokensAt('guest', 3) },
    { type: 'session.external', tokens: null },
    { type: 'storage.failed', reason: 'quota exceeded' },
    { type: 'reauth.required', error: codedError('invalid_credentials') },
  ]
}

/** What the refresh child reports: new tokens of the same shopper, or a transient failure. */
function childEvents(snapshot: SessionSnapshot): SessionTraversalEvent[] {
  const current = snapshot.context.tokens
  const events: SessionTraversalEvent[] = [
    { type: 'token.refreshFailed', error: codedError('server_error') },
  ]
  if (current) {
    events.push({
      type: 'token.refreshed',
      outcome: 'refreshed',
      tokens: tokensAt(current.customerType, 2),
    })
  }
  return events
}

/** Completions, failures and timers of the invoked actors. */
const actorEvents: readonly SessionTraversalEvent[] = [
  done('restoreSession', { tokens: undefined }),
  done('restoreSession', { tokens: guestTokens }),
  done('restoreSession', { tokens: registeredTokens }),
  done('restoreSession', {
    tokens: undefined,
    corrupt: 'invalid',
    reason: 'the stored session is not JSON',
  }),
  ...Object.entries(SAMPLE_OUTPUT)
    .filter(([id]) => id !== 'restoreSession')
    .map(([id, output]) => done(id, output)),
  // The refresh child ends only when the grant was refused (transient errors keep it running).
  ...Object.keys(SAMPLE_OUTPUT)
    .filter((id) => id !== 'tokenRefresh')
    .flatMap((id) => SAMPLE_ERRORS.map((error) => failed(id, error))),
  failed('authenticateCustomer', codedError('invalid_credentials')),
  failed('registerCustomer', codedError('login_taken')),
  after('accessTokenExpiry', 'session.guest.session.live.freshness.fresh'),
  after('accessTokenExpiry', 'session.registered.freshness.fresh'),
  after('retryBackoff', 'session.guest.session.backingOff'),
]

/** The full sample for a snapshot. */
function sessionEvents(snapshot: SessionSnapshot): SessionTraversalEvent[] {
  return [...userEvents(snapshot), ...childEvents(snapshot), ...actorEvents]
}

// --- Traversal ------------------------------------------------------------------------------

const logic = traversable(sessionMachine)

/**
 * The state value, the sorted tags, and the two pieces of context guards read: the failed
 * sign-in count (bounded by the retry policy) and the customer type of the held tokens. Token
 * values and errors are left out, so the space stays finite.
 */
const serializeState = (snapshot: SessionSnapshot) =>
  JSON.stringify([
    snapshot.value,
    tagsOf(snapshot),
    snapshot.context.attempt,
    snapshot.context.tokens?.customerType ?? null,
  ])

/** What the UI can tell apart: the top-level state and the sorted tags. */
const serializeUi = (snapshot: SessionSnapshot) =>
  JSON.stringify([
    typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value),
    tagsOf(snapshot),
  ])

const traversal = {
  input: TRAVERSAL_INPUT,
  events: sessionEvents,
  serializeState,
  filterEvents: canTake,
}

const adjacency = getAdjacencyMap(logic, traversal)
const edges = edgesOf(adjacency)
/** Every snapshot the traversal produced (vertices, and the target of every edge). */
const reached = snapshotsOf(adjacency)

const label = (snapshot: SessionSnapshot) =>
  `${JSON.stringify(snapshot.value)} [${tagsOf(snapshot)}]`

/**
 * The session's invariants for one snapshot (never guest and registered at once, tags that match
 * the tokens held, reauthRequired only on a guest); an empty list means they hold.
 */
function invariantProblems(snapshot: SessionSnapshot): string[] {
  const problems: string[] = []
  const has = (tag: SessionTag) => snapshot.hasTag(tag)
  const { tokens, error } = snapshot.context
  if (has('guest') && has('registered')) problems.push('tagged guest and registered at once')
  if (has('tokenValid')) {
    const kind = has('registered') ? 'registered' : has('guest') ? 'guest' : 'neither'
    if (tokens === undefined) problems.push('authenticated without tokens')
    else if (tokens.customerType !== kind) {
      problems.push(`authenticated as ${kind} holding ${tokens.customerType} tokens`)
    }
  }
  if (has('registered') && tokens?.customerType !== 'registered') {
    problems.push('registered without registered tokens')
  }
  if (has('stale') && has('tokenValid')) problems.push('stale and authenticated at once')
  if (has('reauthRequired') && !has('guest'))
    problems.push('reauthRequired outside the guest session')
  if (has('unavailable') && (tokens !== undefined || error === undefined)) {
    problems.push('unavailable with tokens, or without the error that made it so')
  }
  // The refresh child runs exactly while a session holds tokens.
  const holding = snapshot.matches('registered') || snapshot.matches({ guest: { session: 'live' } })
  if (holding !== (snapshot.children.tokenRefresh !== undefined)) {
    problems.push(`tokenRefresh child ${holding ? 'missing' : 'running without a session'}`)
  }
  if (JSON.stringify(snapshot.context).includes(PASSWORD_TEXT)) {
    problems.push('a password in context')
  }
  return problems.map((problem) => `${label(snapshot)}: ${problem}`)
}

/** Busy states must end: the done and error of each invoked actor, or a timer, lead out. */
function busyExitProblems(snapshot: SessionSnapshot): string[] {
  const problems: string[] = []
  for (const node of activeBusyNodes(snapshot)) {
    const ids = invokeIds(node)
    for (const id of ids) {
      if (!canTake(snapshot, done(id, SAMPLE_OUTPUT[id])))
        problems.push(`${node.id}: stuck on done.${id}`)
      for (const error of SAMPLE_ERRORS) {
        if (!canTake(snapshot, failed(id, error))) {
          problems.push(`${node.id}: stuck on error.${id} (${error.code})`)
        }
      }
    }
    if (ids.length === 0 && !node.after.some((t) => canTake(snapshot, { type: t.eventType }))) {
      problems.push(`${node.id}: busy with neither an actor nor a timer`)
    }
  }
  return problems
}

describe('sessionMachine paths: traversal', () => {
  const shortest = getShortestPaths(logic, traversal)

  it('reaches every state node, and every event of the sample is taken somewhere', () => {
    expect(shortest.length).toBe(vertexCount(adjacency))
    expect(shortest.length).toBeGreaterThanOrEqual(39)
    // The sample covers every invoked actor.
    const invoked = getStateNodes(sessionMachine.root).flatMap(invokeIds)
    expect([...new Set(invoked)].sort()).toEqual(Object.keys(SAMPLE_OUTPUT).sort())
    expect(unvisitedStateIds(sessionMachine, reached)).toEqual([])
    const taken = new Set(edges.map((edge) => JSON.stringify(edge.event)))
    const samples = new Set(
      reached.flatMap((snapshot) => sessionEvents(snapshot).map((e) => JSON.stringify(e))),
    )
    const never = [...samples].filter((event) => !taken.has(event))
    // Only the check/rejection samples that need a token the state does not hold may never fire.
    expect(never.filter((event) => !event.includes('"token.rejected"'))).toEqual([])
  })

  it('the invariants hold on every state of every shortest path', () => {
    const problems = shortest.flatMap((path) =>
      path.steps.flatMap((step) => invariantProblems(step.state)),
    )
    expect([...new Set(problems)]).toEqual([])
  })

  it('the invariants hold on the target of every transition', () => {
    expect(edges.length).toBeGreaterThan(250)
    expect([...new Set(reached.flatMap(invariantProblems))]).toEqual([])
  })

  it('…and without basket transfer or proactive refresh (the server’s configuration)', () => {
    const server = getAdjacencyMap(logic, {
      ...traversal,
      input: { ...TRAVERSAL_INPUT, transferBasket: false, proactiveRefresh: false },
    })
    const states = snapshotsOf(server)
    expect(states.some((snapshot) => snapshot.hasTag('registered'))).toBe(true)
    expect([...new Set(states.flatMap(invariantProblems))]).toEqual([])
  })

  it('busy states lead out on their actor’s done and on its error (transient or not)', () => {
    expect(busyStatesWithoutExits(sessionMachine)).toEqual([])
    const busy = reached.filter((snapshot) => snapshot.hasTag('busy'))
    expect(busy.length).toBeGreaterThan(0)
    expect([...new Set(busy.flatMap(busyExitProblems))]).toEqual([])
  })

  it('every way into reauthRequired: the refresh child giving up on registered, or a failed re-login', () => {
    const entries = edges.filter(
      (e) => !e.from.hasTag('reauthRequired') && e.to.hasTag('reauthRequired'),
    )
    expect(entries.length).toBeGreaterThan(0)
    const wrong = entries
      .filter(
        (e) =>
          !(e.event.type === 'xstate.done.actor.tokenRefresh' && e.from.hasTag('registered')) &&
          !(e.event.type === 'reauth.required' && e.from.hasTag('guest')),
      )
      .map((e) => `${label(e.from)} --${e.event.type}--> ${label(e.to)}`)
    expect(wrong).toEqual([])
  })

  it('every simple path to reauthRequired enters it on done.tokenRefresh or reauth.required', () => {
    // Over what the UI can tell apart (18 vertices, about 140 transitions), up to the first
    // reauthRequired state: one walk (simplePathsTo), not xstate/graph's getSimplePaths, which
    // walks the same paths once per vertex (about 3 s here; this takes about 0.3 s).
    const isReauth = (snapshot: SessionSnapshot) => snapshot.hasTag('reauthRequired')
    const ui = getAdjacencyMap(logic, {
      ...traversal,
      serializeState: serializeUi,
      stopWhen: isReauth,
    })
    const paths = simplePathsTo(ui, serializeUi, isReauth)
    expect(paths.length).toBeGreaterThan(1_000)
    const wrong: string[] = []
    for (const path of paths) {
      const last = path.steps.at(-1)
      const before = path.steps.at(-2)
      // Each path is one entry: none passes through reauthRequired before its last step.
      const earlier = path.steps.slice(0, -1).some((step) => step.state.hasTag('reauthRequired'))
      const refused =
        last?.event.type === 'xstate.done.actor.tokenRefresh' && before?.state.hasTag('registered')
      const reloginFailed = last?.event.type === 'reauth.required' && before?.state.hasTag('guest')
      if (!(refused || reloginFailed) || earlier) {
        wrong.push(describePath(path))
      }
    }
    expect(wrong.slice(0, 5)).toEqual([])
  })

  it('shortest ways to reauthRequired: a failed re-login; a restored session, refresh refused', () => {
    const shortest = getShortestPaths(logic, {
      ...traversal,
      toState: (snapshot) => snapshot.hasTag('reauthRequired'),
    })
      .sort((a, b) => a.weight - b.weight)
      .map(describePath)
    expect(shortest[0]).toBe('done:restoreSession → reauth.required')
    const [refused] = getShortestPaths(logic, {
      ...traversal,
      events: (snapshot) => sessionEvents(snapshot).filter((e) => e.type !== 'reauth.required'),
      toState: (snapshot) => snapshot.hasTag('reauthRequired'),
    }).sort((a, b) => a.weight - b.weight)
    expect(refused && describePath(refused)).toBe('done:restoreSession → done:tokenRefresh')
  })
})

describe('sessionMachine paths: a session adopted from another tab or from storage', () => {
  it('following another tab always stores the tokens it brought', () => {
    const dropped = edges
      .filter((e) => e.event.type === 'session.external' && e.to.hasTag('tokenValid'))
      .filter((e) => {
        const brought = 'tokens' in e.event ? e.event.tokens : null
        return brought !== null && e.to.context.tokens?.refreshToken !== brought?.refreshToken
      })
      .map((e) => `${label(e.from)} --session.external--> kept the old tokens`)
    expect([...new Set(dropped)]).toEqual([])
  })

  it('a guest sign-in that adopts a stored registered session does not stay tagged guest', () => {
    // The real authorizeCustomer adopts whatever usable session storage holds (another tab's
    // login, or a registered session whose refresh was refused with a code other than
    // invalid_grant/credentials_changed and so was not removed).
    const adopted = done('authorizeCustomer', registeredTokens)
    const withAdoption = getAdjacencyMap(logic, {
      ...traversal,
      events: (snapshot) => [...sessionEvents(snapshot), adopted],
    })
    const problems = edgesOf(withAdoption)
      .filter(({ event }) => event === adopted)
      .flatMap(({ to }) => invariantProblems(to))
    expect([...new Set(problems)]).toEqual([])
  })
})

// --- Live replay ----------------------------------------------------------------------------

/** A session against the in-process emulator, fake timers moving both clocks. */
interface Live {
  harness: ReturnType<typeof createSessionHarness>
  session: ShopperSession
  emitted: SessionEmitted[]
}

let harness: ReturnType<typeof createSessionHarness> | undefined

const ada = () => seededShopper(harness)

/**
 * Fake timers for the tests of the enclosing describe (they move the session's timers and the
 * emulator's clock together); the harness and its sessions end with each test.
 */
function useLiveClock() {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    })
  })
  afterEach(() => {
    harness?.stopAll()
    harness = undefined
    vi.useRealTimers()
  })
}

/** A new session ("tab") on the test's harness (created on first use), its events recorded. */
function open(): Live {
  harness ??= createSessionHarness()
  // The emulator signs tokens with real (thread-pool) crypto while the test jumps fake minutes:
  // a request deadline measured on the fake clock would expire before any answer could come.
  const session = harness.session({
    leewayMs: LEEWAY_MS,
    random: () => 0.5,
    timeoutMs: 24 * 60 * MINUTE,
  })
  const live: Live = { harness, session, emitted: [] }
  session.actor.on('*', (event) => void live.emitted.push(event))
  return live
}

function eventually(check: () => void) {
  return vi.waitFor(check, { timeout: 5_000, interval: 5 })
}

async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(Math.max(0, ms))
  await eventually(() => undefined)
}

function heldTokens(live: Live) {
  const tokens = live.session.getTokens()
  if (!tokens) throw new Error('the live session holds no tokens')
  return tokens
}

/** Until the proactive refresh of the held tokens is due (their refreshInMs from receipt). */
function untilRefresh(live: Live) {
  const tokens = heldTokens(live)
  return tokens.accessExpiresAt - tokens.expiresInMs + tokens.refreshInMs - Date.now() + 1
}

const emittedTypes = (live: Live) => live.emitted.map((event) => event.type)
const liveTags = (live: Live) => tagsOf(live.session.getSnapshot())
const notBusy = (live: Live) => expect(live.session.getSnapshot().hasTag('busy')).toBe(false)
const nothing = async () => {}

/**
 * What each step of a path is in the real world. A user event looks at the next step (its
 * actor's done or error) to decide how to provoke it: a wrong password, an injected fault.
 */
const LIVE_STEPS: Readonly<
  Record<string, (live: Live, next: SessionTraversalEvent | undefined) => Promise<void>>
> = {
  // Nothing stored: the shared storage starts empty.
  'xstate.done.actor.restoreSession': async (live) => void live.session.start(),
  'xstate.done.actor.authorizeCustomer': async (live) =>
    eventually(() => expect(live.session.getSnapshot().hasTag('tokenValid')).toBe(true)),
  login: async (live, next) => {
    if (next?.type === 'xstate.done.actor.authenticateCustomer') {
      await live.session.login(ada().login, ada().password)
    } else {
      await expectCode(live.session.login(ada().login, 'Not-the-Pa55word'), 'invalid_credentials')
    }
  },
  'xstate.done.actor.authenticateCustomer': nothing,
  'xstate.error.actor.authenticateCustomer': nothing,
  register: async (live) => {
    const customer = { login: 'bo@example.com', email: 'bo@example.com', lastName: 'Bo' }
    await live.session.register(customer, PASSWORD_TEXT)
  },
  'xstate.done.actor.registerCustomer': nothing,
  'xstate.done.actor.transferBasket': async (live) => eventually(() => notBusy(live)),
  logout: async (live, next) => {
    if (next?.type === 'xstate.error.actor.logoutCustomer') {
      live.harness.emulator.control.failNext('logoutCustomer', { status: 503 })
    }
    await live.session.logout()
  },
  'xstate.done.actor.logoutCustomer': nothing,
  'xstate.error.actor.logoutCustomer': nothing,
  // The refresh token is revoked; the proactive refresh is refused.
  'xstate.done.actor.tokenRefresh': async (live) => {
    live.harness.emulator.control.revokeSessions({ login: ada().login })
    await advance(untilRefresh(live))
    await eventually(() => expect(emittedTypes(live)).toContain('session.reauthRequired'))
  },
  // The proactive refresh answers 429 with Retry-After 120 s: the next try is after the expiry.
  'token.refreshFailed': async (live) => {
    const headers = { 'retry-after': '120' }
    live.harness.emulator.control.failNext('getAccessToken', { status: 429, headers })
    await advance(untilRefresh(live))
    await eventually(() => expect(emittedTypes(live)).toContain('token.refreshFailed'))
  },
  'xstate.after.accessTokenExpiry.session.registered.freshness.fresh': async (live) =>
    advance(heldTokens(live).accessExpiresAt - Date.now() + 1),
  'token.refreshed': async (live) => {
    await advance(2 * MINUTE)
    await eventually(() => expect(emittedTypes(live)).toContain('token.refreshed'))
  },
}

/**
 * Replays `path` live. After every step whose state in the path is not busy, the live session
 * must show the same tags; at the end, the same tags as the path's final state.
 */
async function replay(path: MachinePath<SessionMachine>): Promise<Live> {
  harness = createSessionHarness()
  const live = open()
  const steps = path.steps.filter((step) => step.event.type !== 'xstate.init')
  for (const [i, { event, state }] of steps.entries()) {
    const act = LIVE_STEPS[event.type]
    if (!act) throw new Error(`no live counterpart for ${event.type}`)
    await act(live, steps[i + 1]?.event)
    if (!state.hasTag('busy')) {
      await eventually(() => expect(liveTags(live), `after ${event.type}`).toEqual(tagsOf(state)))
    }
  }
  expect(liveTags(live)).toEqual(tagsOf(path.state))
  return live
}

/** The path of the machine through `events` (xstate/graph checks each one is taken). */
function pathThrough(events: SessionTraversalEvent[]): MachinePath<SessionMachine> {
  const [path] = getPathsFromEvents(logic, events, {
    input: TRAVERSAL_INPUT,
    serializeState,
    filterEvents: canTake,
  })
  if (!path) throw new Error('no path')
  return path
}

const scenario = {
  restoredNothing: done('restoreSession', { tokens: undefined }),
  guestSignedIn: done('authorizeCustomer', guestTokens),
  login: LOGIN,
  loggedIn: done('authenticateCustomer', registeredTokens),
  loginRefused: failed('authenticateCustomer', codedError('invalid_credentials')),
  register: REGISTER,
  registered: done('registerCustomer', registeredTokens),
  basketMoved: done('transferBasket'),
  logout: { type: 'logout' },
  logoutFailed: failed('logoutCustomer', codedError('network')),
  grantRefused: done('tokenRefresh', { error: codedError('invalid_grant') }),
  refreshFailed: { type: 'token.refreshFailed', error: codedError('server_error') },
  expired: after('accessTokenExpiry', 'session.registered.freshness.fresh'),
  refreshed: { type: 'token.refreshed', outcome: 'refreshed', tokens: tokensAt('registered', 2) },
} satisfies Record<string, SessionTraversalEvent>

const { restoredNothing, guestSignedIn, login, loggedIn, basketMoved } = scenario
const guest = [restoredNothing, guestSignedIn]
const loggedInWithBasket = [...guest, login, loggedIn, basketMoved]

const SCENARIOS: ReadonlyArray<[string, SessionTraversalEvent[], SessionEmitted['type'][]]> = [
  ['guest start', guest, ['session.started']],
  ['login ok', loggedInWithBasket, ['session.started', 'session.started']],
  ['login fail', [...guest, login, scenario.loginRefused], ['session.started', 'login.failed']],
  [
    'register',
    [...guest, scenario.register, scenario.registered, basketMoved],
    ['session.started', 'session.started'],
  ],
  [
    'reauth after a lost refresh',
    [...loggedInWithBasket, scenario.grantRefused, guestSignedIn],
    ['session.started', 'session.started', 'session.reauthRequired', 'session.started'],
  ],
  [
    'logout with a remote failure',
    [...loggedInWithBasket, scenario.logout, scenario.logoutFailed, guestSignedIn],
    ['session.started', 'session.started', 'logout.remoteFailed', 'session.started'],
  ],
  [
    'stale, then recovered',
    [...loggedInWithBasket, scenario.refreshFailed, scenario.expired, scenario.refreshed],
    ['session.started', 'session.started', 'token.refreshFailed', 'token.refreshed'],
  ],
]

describe('sessionMachine paths: replayed live against the emulator', () => {
  useLiveClock()

  it.each(SCENARIOS)('%s', async (_, events, emitted) => {
    const path = pathThrough(events)
    expect(path.steps.length).toBe(events.length + 1)
    const live = await replay(path)
    expect(emittedTypes(live)).toEqual(emitted)
  })
})

describe('sessionMachine paths, live: following another tab’s refresh; a forbidden refresh', () => {
  useLiveClock()

  it('a registered tab that follows another tab’s refresh holds the new tokens', async () => {
    const a = open()
    await a.session.login(ada().login, ada().password)
    const b = open()
    await b.session.ready()
    expect(b.session.getSnapshot().hasTag('registered')).toBe(true)
    const spent = heldTokens(a).refreshToken
    a.session.actor.send({ type: 'refresh' })
    await eventually(() => expect(heldTokens(a).refreshToken === spent).toBe(false))
    await vi.waitFor(
      () =>
        expect(heldTokens(b).refreshToken === heldTokens(a).refreshToken, 'b follows a').toBe(true),
      { timeout: 300, interval: 5 },
    )
  })

  it('a refresh refused as forbidden ends in a guest holding guest tokens', async () => {
    const live = open()
    await live.session.login(ada().login, ada().password)
    live.harness.emulator.control.failNext('getAccessToken', { status: 403 })
    await advance(untilRefresh(live))
    await eventually(() => expect(emittedTypes(live)).toContain('session.reauthRequired'))
    await eventually(() => notBusy(live))
    expect(liveTags(live)).toEqual(['guest', 'reauthRequired', 'tokenValid'])
    expect(heldTokens(live).customerType).toBe('guest')
  })
})
