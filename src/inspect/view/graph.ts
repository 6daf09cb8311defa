/**
 * A machine definition as the statechart view draws it: the states (the machine itself is no
 * box), parallel regions marked, initial children marked, and one arrow per (source, target,
 * trigger) with the trigger as its label. Read with the walker `toMermaid` uses, so the view and
 * the Mermaid diagrams show the same arrows.
 *
 * @module
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import { childrenOf, drawnSources, statesInOrder, transitionsOf } from '../machineWalk.ts'
import { guardLabel, triggerLabel } from '../mermaidLabels.ts'

/** How a state is drawn. */
export type ChartStateKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history'

/** A state of the chart. */
export interface ChartState {
  /** XState's id of the state node (`session.registered`): what transitions name. */
  readonly id: string
  /** Its key in its parent (`registered`). */
  readonly key: string
  readonly kind: ChartStateKind
  /** A region: a child of a parallel state (drawn dashed). */
  readonly region: boolean
  /** The initial child of its compound parent. */
  readonly initial: boolean
  /** The enclosing state's id; `undefined` at the top level. */
  readonly parentId: string | undefined
  /** Child states by key. */
  readonly children: ReadonlyMap<string, ChartState>
}

/** An arrow: every transition with the same source, target and trigger label. */
export interface ChartEdge {
  readonly id: string
  /** The state the arrow leaves (a top-level state for a transition of the machine itself). */
  readonly sourceId: string
  readonly targetId: string
  /** What it waits for: `login`, `after retryBackoff`, `onDone restoreSession`, `always`. */
  readonly label: string
  /** The label with every guard of the merged transitions, for a tooltip. */
  readonly title: string
}

/** The chart of one machine. */
export interface ChartGraph {
  readonly machineId: string
  /** Every state, parents before children, in config order. */
  readonly states: readonly ChartState[]
  /** The top-level states by key (where a state value is read from). */
  readonly top: ReadonlyMap<string, ChartState>
  readonly edges: readonly ChartEdge[]
  /**
   * The arrows that draw a transition, by {@link transitionKey} of the state it is declared on,
   * its event type and one target: how a taken transition (an inspection microstep) is found.
   */
  readonly edgesByTransition: ReadonlyMap<string, readonly string[]>
}

/** The key of a transition declared on `sourceId` for `eventType` that enters `targetId`. */
export function transitionKey(sourceId: string, eventType: string, targetId: string): string {
  return JSON.stringify([sourceId, eventType, targetId])
}

function kindOf(node: AnyStateNode): ChartStateKind {
  if (node.type === 'history' || node.type === 'final' || node.type === 'parallel') {
    return node.type
  }
  return childrenOf(node).length > 0 ? 'compound' : 'atomic'
}

/** The chart of `machine`. */
export function chartGraph(machine: AnyStateMachine): ChartGraph {
  const root = machine.root as AnyStateNode
  const built = new Map<AnyStateNode, ChartState>()
  const build = (node: AnyStateNode): ChartState => {
    const parent = node.parent
    const initialChild = parent?.initial?.target[0] as AnyStateNode | undefined
    const state: ChartState = {
      id: node.id,
      key: node.key,
      kind: kindOf(node),
      region: parent?.type === 'parallel',
      initial: parent !== undefined && parent.type === 'compound' && initialChild === node,
      parentId: parent === undefined || parent === root ? undefined : parent.id,
      children: new Map(childrenOf(node).map((child) => [child.key, build(child)])),
    }
    built.set(node, state)
    return state
  }
  const top = new Map(childrenOf(root).map((child) => [child.key, build(child)]))

  const edges = new Map<string, { edge: ChartEdge; guards: Set<string> }>()
  const edgesByTransition = new Map<string, string[]>()
  for (const node of statesInOrder(root)) {
    for (const transition of transitionsOf(node)) {
      const label = triggerLabel(node, transition)
      const guard = guardLabel(transition.guard)
      for (const source of drawnSources(root, node)) {
        for (const target of transition.target ?? []) {
          const drawnKey = JSON.stringify([source.id, target.id, label])
          let drawn = edges.get(drawnKey)
          if (!drawn) {
            const edge = {
              id: `edge-${edges.size}`,
              sourceId: source.id,
              targetId: target.id,
              label,
              title: label,
            }
            drawn = { edge, guards: new Set() }
            edges.set(drawnKey, drawn)
          }
          if (guard) drawn.guards.add(guard)
          const key = transitionKey(node.id, transition.eventType, target.id)
          const ids = edgesByTransition.get(key) ?? []
          if (!ids.includes(drawn.edge.id)) ids.push(drawn.edge.id)
          edgesByTransition.set(key, ids)
        }
      }
    }
  }
  return {
    machineId: root.id,
    states: statesInOrder(root).flatMap((node) => built.get(node) ?? []),
    top,
    edges: [...edges.values()].map(({ edge, guards }) =>
      guards.size === 0 ? edge : { ...edge, title: `${edge.label} [${[...guards].join(' | ')}]` },
    ),
    edgesByTransition,
  }
}
