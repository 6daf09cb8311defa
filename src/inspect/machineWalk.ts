/**
 * Walking a machine definition: its state nodes in config order and the transitions that change
 * a state. Shared by `toMermaid` and the statechart view, so both draw the same states and the
 * same arrows from one reading of the definition.
 *
 * @module
 */
import type { AnyStateNode } from 'xstate'
import type { TransitionLike } from './mermaidLabels.ts'

/** A transition of a state node, as far as a diagram reads it. */
export interface DrawnTransition extends TransitionLike {
  readonly target?: readonly AnyStateNode[] | undefined
}

/** The child states of `node`, in config order. */
export function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states) as AnyStateNode[]
}

/** Whether a parallel state encloses `node`. */
export function hasParallelAncestor(node: AnyStateNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'parallel') return true
  }
  return false
}

/** The state's own transitions in config order, eventless (`always`) ones last. */
export function transitionsOf(node: AnyStateNode): DrawnTransition[] {
  const on = [...node.transitions.values()].flat() as DrawnTransition[]
  return [...on, ...((node.always ?? []) as DrawnTransition[])]
}

/** `root` and every state below it, parents before their children, in config order. */
export function statesInOrder(root: AnyStateNode): AnyStateNode[] {
  return [root, ...childrenOf(root).flatMap(statesInOrder)]
}

/**
 * The states a transition declared on `node` is drawn from: the machine is no box, so its own
 * transitions leave from each of its top-level states that is not final.
 */
export function drawnSources(root: AnyStateNode, node: AnyStateNode): AnyStateNode[] {
  return node === root ? childrenOf(root).filter((child) => child.type !== 'final') : [node]
}
