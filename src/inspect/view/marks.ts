/**
 * What a snapshot lights up on the chart: the states its value names (each with its ancestors),
 * and the last transition: the arrows it took and the states it left and entered.
 *
 * @module
 */
import type { ChartGraph, ChartState } from './graph.ts'
import { transitionKey } from './graph.ts'
import type { MachineState } from './recorder.ts'

/** The marks of one snapshot on one chart. */
export interface ChartMarks {
  /** Ids of the active states. */
  readonly active: ReadonlySet<string>
  /** State id → `source`, `target` or `source target` (a transition into itself). */
  readonly last: ReadonlyMap<string, string>
  /** Ids of the arrows of the last transition. */
  readonly lastEdges: ReadonlySet<string>
}

/** The ids of the states `value` (a state value: `'idle'` or `{ registered: { … } }`) names. */
export function activeStates(graph: ChartGraph, value: unknown): Set<string> {
  const active = new Set<string>()
  const visit = (states: ReadonlyMap<string, ChartState>, value: unknown) => {
    if (typeof value === 'string') {
      const state = states.get(value)
      if (state) active.add(state.id)
      return
    }
    if (typeof value !== 'object' || value === null) return
    for (const [key, inner] of Object.entries(value)) {
      const state = states.get(key)
      if (!state) continue
      active.add(state.id)
      visit(state.children, inner)
    }
  }
  visit(graph.top, value)
  return active
}

/** The marks of `state` (nothing lit without one). */
export function chartMarks(graph: ChartGraph, state: MachineState | undefined): ChartMarks {
  const last = new Map<string, string>()
  const lastEdges = new Set<string>()
  const mark = (id: string, role: string) => {
    const roles = new Set((last.get(id) ?? '').split(' ').filter(Boolean)).add(role)
    last.set(id, [...roles].sort().join(' '))
  }
  for (const transition of state?.transitions ?? []) {
    mark(transition.source, 'source')
    for (const target of transition.targets) {
      mark(target, 'target')
      const key = transitionKey(transition.source, transition.eventType, target)
      for (const id of graph.edgesByTransition.get(key) ?? []) lastEdges.add(id)
    }
  }
  return { active: activeStates(graph, state?.snapshot.value), last, lastEdges }
}
