/**
 * The chart of a machine definition: every state with its kind, regions and initial children
 * marked, and one arrow per (source, target, trigger), labelled as `toMermaid` labels them, with
 * the guards of the transitions it merges in its tooltip; a transition of the machine itself
 * leaves from each top-level state; taken transitions find their arrows.
 */
import { fromPromise, setup } from 'xstate'
import { describe, expect, it } from 'vitest'
import { sessionMachine } from '../../../machines/sessionMachine.ts'
import { chartGraph, transitionKey } from '../../../src/inspect/view/graph.ts'
import { activeStates, chartMarks } from '../../../src/inspect/view/marks.ts'

function demoMachine() {
  return setup({
    actors: { load: fromPromise(async () => 1) },
    guards: { ready: () => true, fresh: () => true },
    delays: { backoff: 100 },
  }).createMachine({
    id: 'demo',
    initial: 'loading',
    on: { reset: '.loading' },
    states: {
      loading: {
        invoke: {
          src: 'load',
          onDone: [
            { guard: 'ready', target: 'active' },
            { guard: 'fresh', target: 'active' },
          ],
          onError: 'failed',
        },
        after: { backoff: 'failed' },
      },
      active: {
        type: 'parallel',
        states: {
          work: {
            initial: 'idle',
            states: {
              idle: { on: { go: 'busy', noop: { actions: () => undefined } } },
              busy: { always: { guard: 'ready', target: 'idle' } },
            },
          },
          mode: { initial: 'light', states: { light: {}, dark: { type: 'final' } } },
        },
      },
      failed: { initial: 'first', states: { first: {}, hist: { type: 'history' } } },
    },
  })
}

describe('chartGraph', () => {
  const graph = chartGraph(demoMachine())
  const state = (id: string) => graph.states.find((candidate) => candidate.id === id)

  it('lists every state with its kind, parents first, regions and initial children marked', () => {
    expect(graph.machineId).toBe('demo')
    expect(
      graph.states.map((s) => [s.id, s.kind, s.region, s.initial, s.parentId ?? null]),
    ).toEqual([
      ['demo.loading', 'atomic', false, true, null],
      ['demo.active', 'parallel', false, false, null],
      ['demo.active.work', 'compound', true, false, 'demo.active'],
      ['demo.active.work.idle', 'atomic', false, true, 'demo.active.work'],
      ['demo.active.work.busy', 'atomic', false, false, 'demo.active.work'],
      ['demo.active.mode', 'compound', true, false, 'demo.active'],
      ['demo.active.mode.light', 'atomic', false, true, 'demo.active.mode'],
      ['demo.active.mode.dark', 'final', false, false, 'demo.active.mode'],
      ['demo.failed', 'compound', false, false, null],
      ['demo.failed.first', 'atomic', false, true, 'demo.failed'],
      ['demo.failed.hist', 'history', false, false, 'demo.failed'],
    ])
    expect([...graph.top.keys()]).toEqual(['loading', 'active', 'failed'])
    expect([...(state('demo.active')?.children.keys() ?? [])]).toEqual(['work', 'mode'])
  })

  it('draws one labelled arrow per source, target and trigger; guards go to its tooltip', () => {
    const arrows = graph.edges.map((edge) => [edge.sourceId, edge.targetId, edge.label, edge.title])
    expect(arrows).toEqual([
      // The machine's own `reset` leaves from each top-level state.
      ['demo.loading', 'demo.loading', 'reset', 'reset'],
      ['demo.active', 'demo.loading', 'reset', 'reset'],
      ['demo.failed', 'demo.loading', 'reset', 'reset'],
      // Two guarded onDone transitions to one target: one arrow.
      ['demo.loading', 'demo.active', 'onDone load', 'onDone load [ready | fresh]'],
      ['demo.loading', 'demo.failed', 'onError load', 'onError load'],
      ['demo.loading', 'demo.failed', 'after backoff', 'after backoff'],
      ['demo.active.work.idle', 'demo.active.work.busy', 'go', 'go'],
      ['demo.active.work.busy', 'demo.active.work.idle', 'always', 'always [ready]'],
    ])
    expect(new Set(graph.edges.map((edge) => edge.id)).size).toBe(graph.edges.length)
  })

  it('finds the arrows of a taken transition by where it is declared, its event and target', () => {
    const arrow = (source: string, eventType: string, target: string) =>
      (graph.edgesByTransition.get(transitionKey(source, eventType, target)) ?? []).map(
        (id) => graph.edges.find((edge) => edge.id === id)?.sourceId,
      )
    expect(arrow('demo.active.work.idle', 'go', 'demo.active.work.busy')).toEqual([
      'demo.active.work.idle',
    ])
    expect(arrow('demo', 'reset', 'demo.loading')).toEqual([
      'demo.loading',
      'demo.active',
      'demo.failed',
    ])
    expect(arrow('demo.active.work.idle', 'noop', 'demo.active.work.idle')).toEqual([])
  })
})

describe('chartMarks', () => {
  const graph = chartGraph(sessionMachine)

  it('lights the states a value names, with their ancestors', () => {
    const value = { registered: { freshness: 'stale', activity: 'idle' } }
    expect([...activeStates(graph, value)]).toEqual([
      'session.registered',
      'session.registered.freshness',
      'session.registered.freshness.stale',
      'session.registered.activity',
      'session.registered.activity.idle',
    ])
    expect([...activeStates(graph, 'signingOut')]).toEqual(['session.signingOut'])
    expect([...activeStates(graph, { nowhere: 'x' })]).toEqual([])
    expect([...activeStates(graph, undefined)]).toEqual([])
  })

  it('marks the last transition: its arrow, the state it left and the one it entered', () => {
    const marks = chartMarks(graph, {
      snapshot: { value: { guest: { session: { live: { activity: 'authenticating' } } } } },
      transitions: [
        {
          source: 'session.guest.session.live.activity.idle',
          targets: ['session.guest.session.live.activity.authenticating'],
          eventType: 'login',
        },
        {
          source: 'session.registered.freshness.fresh',
          targets: ['session.registered.freshness.fresh'],
          eventType: 'token.refreshed',
        },
      ],
    })
    expect(Object.fromEntries(marks.last)).toEqual({
      'session.guest.session.live.activity.idle': 'source',
      'session.guest.session.live.activity.authenticating': 'target',
      'session.registered.freshness.fresh': 'source target',
    })
    const drawn = [...marks.lastEdges].map((id) => {
      const edge = graph.edges.find((candidate) => candidate.id === id)
      return `${edge?.sourceId} -${edge?.label}-> ${edge?.targetId}`
    })
    expect(drawn).toEqual([
      'session.guest.session.live.activity.idle -login-> session.guest.session.live.activity.authenticating',
      'session.registered.freshness.fresh -token.refreshed-> session.registered.freshness.fresh',
    ])
    expect(marks.active.has('session.guest.session.live.activity.authenticating')).toBe(true)
  })
})
