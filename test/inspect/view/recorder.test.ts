/**
 * The view's recorder behind a redacting inspector: one entry per snapshot change of any actor of
 * the system, each pointing at its machine's state then (the actor's own when it runs a machine,
 * as the token refresh child does; else its invoker's) and the transitions that led there (read
 * from the inspection microsteps); a bounded log and a bounded set of machines; malformed
 * events are dropped without a throw (inspection runs inside the actor's step); stopped, it
 * records nothing.
 */
import type { InspectionEvent } from 'xstate'
import { afterEach, describe, expect, it } from 'vitest'
import { redactedInspector } from '../../../src/inspect.ts'
import type { RedactedActorRef } from '../../../src/inspect/actorView.ts'
import { createRecorder, MAX_MACHINES } from '../../../src/inspect/view/recorder.ts'
import { createSessionHarness, type SessionHarness } from '../../session/harness.ts'
import { testClock } from './support.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => harness?.stopAll())

function recordedSession(maxEntries = 200) {
  const clock = testClock()
  const recorder = createRecorder(maxEntries, clock.now)
  harness = createSessionHarness()
  const session = harness.session({ inspect: redactedInspector(recorder.observe) })
  const shopper = harness.emulator.settings.shoppers[0]
  if (!shopper) throw new Error('a seeded shopper')
  return { recorder, session, shopper, clock }
}

/**
 * A fake actor view (the recorder reads only names, the parent and the definition): a machine's,
 * or with `promise` a promise actor's (whose `config` is its function).
 */
function fakeActor(id: string, parent?: RedactedActorRef, promise = false): RedactedActorRef {
  return {
    id,
    sessionId: id,
    ...(parent ? { _parent: parent } : {}),
    logic: { config: promise ? () => undefined : { id } },
    getSnapshot: () => undefined,
    getPersistedSnapshot: () => undefined,
    send: () => undefined,
    toJSON: () => ({ id, sessionId: id }),
  }
}

const snapshotEvent = (actor: RedactedActorRef, type: string, value: unknown) =>
  ({
    type: '@xstate.snapshot',
    rootId: actor.sessionId,
    actorRef: actor,
    event: { type },
    snapshot: { value, status: 'active' },
  }) as unknown as InspectionEvent

describe('the recorder', () => {
  it('logs each snapshot change with the root state it led to and the transitions taken', async () => {
    const { recorder, session, shopper, clock } = recordedSession()
    await session.ready()
    clock.advance(250)
    await session.login(shopper.login, shopper.password)

    const entries = recorder.entries()
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, index) => index))
    const login = entries.find((entry) => entry.eventType === 'login')
    expect(login).toMatchObject({ actor: 'session', offsetMs: 250 })
    expect(login?.state?.transitions).toEqual([
      {
        source: 'session.guest.session.live.activity.idle',
        targets: ['session.guest.session.live.activity.authenticating'],
        eventType: 'login',
      },
    ])
    // A promise child's entry shows the session as it was at that moment: its latest snapshot
    // before. The token refresh timer is a machine: its entries chart its own states.
    const ofSession = entries.filter((entry) => entry.machineActor === login?.machineActor)
    let rootState = ofSession[0]?.state
    for (const entry of ofSession) {
      if (entry.actor === 'session') rootState = entry.state
      else expect(entry.state, `${entry.actor} ${entry.eventType}`).toBe(rootState)
    }
    expect(ofSession.filter((entry) => entry.actor === 'authenticateCustomer')).toHaveLength(2)
    const timers = entries.filter((entry) => entry.actor === 'tokenRefresh')
    expect(timers.length).toBeGreaterThan(0)
    for (const entry of timers) {
      expect(entry.machineActor).not.toBe(login?.machineActor)
      expect(entry.machineActor.id).toBe('tokenRefresh')
    }
    const timer = timers.at(-1)?.machineActor
    expect(timer && recorder.machineActors()).toContain(timer)
    expect(timer && recorder.latest(timer)?.snapshot.value).toBeDefined()
    const last = entries.at(-1)
    expect(last?.state?.snapshot.value).toEqual({
      registered: { freshness: 'fresh', activity: 'idle' },
    })
    expect(last?.state?.snapshot.tags).toEqual(expect.arrayContaining(['registered']))
  })

  it('keeps the last transition through snapshots that took none', async () => {
    const { recorder, session, shopper } = recordedSession()
    await session.login(shopper.login, shopper.password)
    const before = recorder.entries().at(-1)?.state?.transitions
    await session.stop()
    const stopped = recorder.entries().at(-1)
    expect(stopped?.actor).toBe('session')
    expect(stopped?.state?.snapshot.status).toBe('stopped')
    expect(stopped?.state?.transitions).toBe(before)
    expect(before?.[0]?.targets).toEqual(['session.registered.activity.idle'])
  })

  it('keeps the newest maxEntries entries', async () => {
    const { recorder, session, shopper } = recordedSession(3)
    await session.login(shopper.login, shopper.password)
    const entries = recorder.entries()
    expect(entries).toHaveLength(3)
    const first = entries[0]?.seq ?? 0
    expect(first).toBeGreaterThan(3)
    expect(entries.map((entry) => entry.seq)).toEqual([first, first + 1, first + 2])
  })

  it(`remembers at most ${MAX_MACHINES} machine actors, the newest`, () => {
    const recorder = createRecorder(10, () => 0)
    const roots = Array.from({ length: MAX_MACHINES + 5 }, (_, index) => fakeActor(`flow-${index}`))
    for (const root of roots) recorder.observe(snapshotEvent(root, 'xstate.init', 'idle'))
    expect(recorder.machineActors()).toEqual(roots.slice(5))
    expect(recorder.entries()).toHaveLength(10)
  })

  it('drops what it cannot read without throwing, and records nothing once stopped', () => {
    const recorder = createRecorder(10, () => 0)
    const root = fakeActor('root')
    const child = fakeActor('child', root, true)
    const hostile = {
      get actorRef(): never {
        throw new Error('unreadable')
      },
    }
    for (const event of [
      {},
      { type: '@xstate.snapshot' },
      { type: '@xstate.snapshot', actorRef: { id: 'no session id' } },
      hostile,
      { type: '@xstate.microstep', actorRef: root, _transitions: 'not a list' },
      { type: '@xstate.microstep', actorRef: root, _transitions: [null, { source: 1 }] },
    ]) {
      expect(() => recorder.observe(event as unknown as InspectionEvent)).not.toThrow()
    }
    expect(recorder.entries()).toEqual([])
    recorder.observe(snapshotEvent(child, 'xstate.init', undefined))
    expect(recorder.entries()[0]).toMatchObject({
      actor: 'child',
      machineActor: root,
      state: undefined,
    })
    recorder.observe(snapshotEvent(root, 'go', 'busy'))
    expect(recorder.latest(root)?.transitions).toEqual([])
    recorder.stop()
    recorder.observe(snapshotEvent(root, 'go', 'idle'))
    expect(recorder.entries()).toEqual([])
    expect(recorder.machineActors()).toEqual([])
  })
})
