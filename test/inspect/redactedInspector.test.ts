/**
 * `redactedInspector` and `unsafeRawInspector` on a small machine that holds what the session
 * holds (a token set in context, a boxed password in an event, a token in an invoked actor's
 * input and output): what the observer receives, what the actor refs it is handed answer, and
 * the targets each accepts.
 */
import { assign, createActor, fromPromise, type InspectionEvent, setup, waitFor } from 'xstate'
import { describe, expect, it } from 'vitest'
import type { RedactedActorRef } from '../../src/inspect.ts'
import { redactedInspector, unsafeRawInspector } from '../../src/inspect.ts'
import { inspectionObserver, type ShopperInspector } from '../../src/inspect/registry.ts'
import { type Secret, secret } from '../../src/secret.ts'
import { expectCode } from '../support/expectError.ts'

// Shaped like the real ones (a JWT, an opaque refresh token), made up for this test.
const ACCESS_TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLW9mLXRoZS10ZXN0'
const REFRESH_TOKEN = 'rT7xK2mQ9vLp4sWz8nYb3cHd6fJg1aEu'
const PASSWORD = 'Typed-Pa55word!'
const USID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const SECRETS = [ACCESS_TOKEN, REFRESH_TOKEN, PASSWORD]

interface SessionLike {
  accessToken: string
  refreshToken: string
  usid: string
}
const TOKENS: SessionLike = { accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN, usid: USID }

const machine = setup({
  types: {} as {
    context: { tokens: SessionLike | undefined }
    events: { type: 'login'; password: Secret }
  },
  actors: {
    login: fromPromise<SessionLike, { password: Secret; refreshToken: string }>(
      async ({ input }) => ({ ...TOKENS, refreshToken: input.refreshToken }),
    ),
  },
}).createMachine({
  id: 'shop',
  context: { tokens: TOKENS },
  initial: 'idle',
  states: {
    idle: { on: { login: 'loggingIn' } },
    loggingIn: {
      invoke: {
        id: 'login',
        src: 'login',
        input: ({ context, event }) => ({
          password: (event as { password: Secret }).password,
          refreshToken: context.tokens?.refreshToken ?? '',
        }),
        onDone: { target: 'done', actions: assign({ tokens: ({ event }) => event.output }) },
      },
    },
    done: {},
  },
})

/** Runs the machine to `done` with `inspector` attached, as the session attaches its own. */
async function run(inspector: ShopperInspector) {
  const actor = createActor(machine, { inspect: inspectionObserver(inspector) }).start()
  actor.send({ type: 'login', password: secret(PASSWORD) })
  await waitFor(actor, (snapshot) => snapshot.matches('done'))
  return actor
}

/** Every inspection event, with what its refs answer now (an inspector may ask them later). */
function shown(events: InspectionEvent[]): string {
  return events
    .map((event) => {
      const refs = [event.actorRef, (event as { sourceRef?: unknown }).sourceRef]
      const snapshots = refs.map((ref) =>
        ref ? (ref as RedactedActorRef).getSnapshot() : undefined,
      )
      return JSON.stringify([event, snapshots])
    })
    .join('\n')
}

const leakedIn = (text: string) => SECRETS.filter((value) => text.includes(value)).length

describe('redactedInspector', () => {
  it('redacts tokens and passwords in events, snapshots and what the refs answer', async () => {
    const events: InspectionEvent[] = []
    await run(redactedInspector((event) => events.push(event)))
    const text = shown(events)
    expect(leakedIn(text)).toBe(0)
    expect(text).toContain('"accessToken":"[redacted]"')
    expect(text).toContain('"refreshToken":"[redacted]"')
    // What is no secret stays readable: ids, state values, event types.
    expect(text).toContain(USID)
    expect(text).toContain('"value":"loggingIn"')
    expect(new Set(events.map((event) => event.type))).toEqual(
      new Set([
        '@xstate.actor',
        '@xstate.event',
        '@xstate.snapshot',
        '@xstate.microstep',
        '@xstate.action',
      ]),
    )
  })

  it('hands out views of the actors: names, redacted snapshots, nothing else', async () => {
    const events: InspectionEvent[] = []
    const actor = await run(redactedInspector({ next: (event) => events.push(event) }))
    const rootView = events.find((event) => event.actorRef.sessionId === actor.sessionId)
      ?.actorRef as RedactedActorRef
    const child = events.find((event) => (event.actorRef as RedactedActorRef).id === 'login')
      ?.actorRef as RedactedActorRef
    // An allow-list: no `system` (every other actor), no `_snapshot`, no machine beyond its config.
    expect(Object.keys(rootView).sort()).toEqual(
      ['getPersistedSnapshot', 'getSnapshot', 'id', 'logic', 'send', 'sessionId', 'toJSON'].sort(),
    )
    expect(Object.isFrozen(rootView)).toBe(true)
    expect(rootView).not.toBe(actor)
    expect(child._parent).toBe(rootView) // one view per actor
    expect(JSON.stringify(child)).toBe(JSON.stringify({ id: 'login', sessionId: child.sessionId }))
    expect(rootView.getSnapshot()).toMatchObject({
      value: 'done',
      context: { tokens: { accessToken: '[redacted]', refreshToken: '[redacted]', usid: USID } },
    })
    expect(leakedIn(JSON.stringify(rootView.getPersistedSnapshot()))).toBe(0)
    expect(leakedIn(JSON.stringify(child.getSnapshot()))).toBe(0)
    expect((rootView.logic?.config as { id?: string }).id).toBe('shop')
  })

  it('takes a function, an observer or an inspector object; refuses anything else', async () => {
    const received: string[] = []
    const inspectors = [
      redactedInspector(() => received.push('function')),
      redactedInspector({ next: () => received.push('observer') }),
      redactedInspector({ inspect: { next: () => received.push('inspector') } }),
    ]
    for (const inspector of inspectors) await run(inspector)
    expect(new Set(received)).toEqual(new Set(['function', 'observer', 'inspector']))
    expect(new Set(inspectors.map((inspector) => inspector.kind))).toEqual(new Set(['redacted']))
    for (const bad of [undefined, 42, {}, { inspect: 'x' }]) {
      await expectCode(
        Promise.resolve().then(() => redactedInspector(bad as never)),
        'invalid_config',
      )
    }
  })

  it('shows a value it cannot read as [unreadable], never as it is', () => {
    const events: InspectionEvent[] = []
    const observer = inspectionObserver(redactedInspector((event) => events.push(event)))
    const unreadable = {
      token: ACCESS_TOKEN,
      toJSON() {
        throw new Error('no')
      },
    }
    const actorRef = createActor(machine)
    const event = { type: 'login', password: unreadable }
    const rootId = actorRef.sessionId
    observer?.next?.({ type: '@xstate.event', rootId, actorRef, sourceRef: undefined, event })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: '@xstate.event', event: '[unreadable]' })
    expect(leakedIn(JSON.stringify(events))).toBe(0)
  })
})

describe('unsafeRawInspector', () => {
  it('hands the events over as they are: tokens in snapshots, the live actors', async () => {
    const events: InspectionEvent[] = []
    const inspector = unsafeRawInspector((event) => events.push(event))
    expect(inspector.kind).toBe('unsafeRaw')
    const actor = await run(inspector)
    expect(events.some((event) => event.actorRef === actor)).toBe(true)
    expect(shown(events).includes(ACCESS_TOKEN)).toBe(true)
    // The password stays boxed even here.
    expect(shown(events).includes(PASSWORD)).toBe(false)
  })
})
