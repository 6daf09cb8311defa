/**
 * `toMermaid(machine)`: a machine definition as a Mermaid `stateDiagram-v2`, for READMEs and
 * reviews. The same machine always gives the same text (config order throughout), so a
 * generated diagram can be checked for staleness by regenerating it.
 *
 * How Mermaid reads state diagrams shapes the output:
 * - Every state is declared once, inside its parent's block, with a path-based id and its key as
 *   label. Inside a block only the block's own children are named (`[*] --> initial`, `final -->
 *   [*]`): Mermaid moves a state into the last block that names it.
 * - Every transition is written at the top level, after the blocks, which places no state.
 * - Mermaid fails to draw an arrow that starts or ends at a composite state nested in a parallel
 *   state (mermaid-js/mermaid#4052); such an end is drawn at that state's initial leaf instead
 *   and the label names the real one: `onDone tokenRefresh (from live)`.
 * - Transitions without a target (actions only) change no state and are left out; a transition
 *   of the machine itself (the root is no box) is drawn from each of its top-level states.
 *
 * @module
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import {
  childrenOf,
  drawnSources,
  hasParallelAncestor,
  statesInOrder,
  transitionsOf,
} from './machineWalk.ts'
import { guardLabel, labelText, stateId, stateLabel, triggerLabel } from './mermaidLabels.ts'

const INDENT = '  '

/**
 * Mermaid text for a machine definition: nested and parallel states (regions split by `--`),
 * initial (`[*] --> …`) and final (`… --> [*]`) states, and every transition with a target,
 * labelled with its event (`login`), delay (`after retryBackoff`, `after 500ms`), invoked actor's
 * end (`onDone restoreSession`, `onError restoreSession`), eventless `always`, and guard
 * (`[canRetry]`).
 *
 * @example
 * ```ts
 * import { toMermaid } from 'shopper-session/inspect'
 *
 * const markdown = '```mermaid\n' + toMermaid(machine) + '```\n'
 * ```
 */
export function toMermaid(machine: AnyStateMachine): string {
  const root = machine.root as AnyStateNode
  const ids = new Map<AnyStateNode, string>()
  const taken = new Set<string>()
  const order = statesInOrder(root)
  for (const node of order) if (node !== root) ids.set(node, stateId(node.path, taken))
  const idOf = (node: AnyStateNode) => ids.get(node) ?? stateId([node.key], taken)

  /** The lines inside a state's block (or of the diagram, for the root). */
  const contents = (node: AnyStateNode, depth: number): string[] => {
    const pad = INDENT.repeat(depth)
    const children = childrenOf(node)
    // Regions: `--` between them, which Mermaid reads only inside a block.
    if (node.type === 'parallel') {
      return children.flatMap((child, index) => [
        ...(index > 0 && node !== root ? [`${pad}--`] : []),
        ...declaration(child, depth),
      ])
    }
    const initial = node.initial?.target[0] as AnyStateNode | undefined
    return [
      ...children.flatMap((child) => declaration(child, depth)),
      ...(initial ? [`${pad}[*] --> ${idOf(initial)}`] : []),
      ...children
        .filter((child) => child.type === 'final')
        .map((child) => `${pad}${idOf(child)} --> [*]`),
    ]
  }

  /** A state: a line, or a block with its children. */
  const declaration = (node: AnyStateNode, depth: number): string[] => {
    const pad = INDENT.repeat(depth)
    const history = node.history === 'deep' ? 'H*' : 'H'
    const label = stateLabel(node.type === 'history' ? history : node.key)
    const head = `${pad}state "${label}" as ${idOf(node)}`
    if (childrenOf(node).length === 0) return [head]
    return [`${head} {`, ...contents(node, depth + 1), `${pad}}`]
  }

  /** Where an arrow to or from `node` is drawn, and the state it stands for when moved. */
  const end = (node: AnyStateNode): { id: string; movedFrom?: string } => {
    let shown = node
    while (shown === root || (childrenOf(shown).length > 0 && hasParallelAncestor(shown))) {
      const first = (shown.type === 'compound' ? shown.initial?.target[0] : undefined) as
        | AnyStateNode
        | undefined
      const next = first ?? childrenOf(shown)[0]
      if (!next) break
      shown = next
    }
    return shown === node ? { id: idOf(node) } : { id: idOf(shown), movedFrom: node.key }
  }

  const arrows = new Set<string>()
  for (const node of order) {
    const sources = drawnSources(root, node)
    for (const transition of transitionsOf(node)) {
      const guard = guardLabel(transition.guard)
      const trigger = triggerLabel(node, transition) + (guard ? ` [${guard}]` : '')
      for (const source of sources) {
        for (const target of transition.target ?? []) {
          const from = end(source)
          const to = end(target)
          const label = labelText(
            [
              trigger,
              from.movedFrom && `(from ${from.movedFrom})`,
              to.movedFrom && `(to ${to.movedFrom})`,
            ]
              .filter(Boolean)
              .join(' '),
          )
          arrows.add(`${INDENT}${from.id} --> ${to.id} : ${label}`)
        }
      }
    }
  }

  return ['stateDiagram-v2', ...contents(root, 1), ...arrows].join('\n') + '\n'
}
