/**
 * The words on a Mermaid diagram of a machine: what a transition waits for (an event, a delay, an
 * invoked actor's end, nothing), the guard it needs, and state ids and labels Mermaid's
 * `stateDiagram-v2` grammar reads as meant.
 *
 * @module
 */
import type { AnyStateNode } from 'xstate'

/** A transition as the diagram reads it. */
export interface TransitionLike {
  readonly eventType: string
  readonly guard?: unknown
}

/** What `transition` of `node` waits for: `login`, `after 1000ms`, `onDone restoreSession`, … */
export function triggerLabel(node: AnyStateNode, transition: TransitionLike): string {
  const { eventType } = transition
  if (eventType === '') return 'always'
  const delayed = node.after.find((after) => after.eventType === eventType)
  if (delayed) {
    const { delay } = delayed
    return typeof delay === 'number' ? `after ${delay}ms` : `after ${String(delay)}`
  }
  for (const [prefix, word] of [
    ['xstate.done.actor.', 'onDone'],
    ['xstate.error.actor.', 'onError'],
  ] as const) {
    if (!eventType.startsWith(prefix)) continue
    const id = eventType.slice(prefix.length)
    const invoked = node.invoke.find((invoke) => invoke.id === id)
    // Named logic (`src: 'restoreSession'`) reads better than a generated invoke id.
    const src = invoked?.src
    const name = typeof src === 'string' && !src.startsWith('xstate.invoke.') ? src : id
    return `${word} ${name}`
  }
  if (eventType.startsWith('xstate.done.state.')) return 'onDone'
  return eventType
}

/** A guard's name: `canRetry`, `not expired`, `a and b`, `inline guard`; `undefined` if none. */
export function guardLabel(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined
  if (typeof guard === 'string') return guard
  const named = guard as { type?: unknown; guards?: unknown[]; stateValue?: unknown }
  if (typeof guard === 'object') return typeof named.type === 'string' ? named.type : 'guard'
  if (typeof guard !== 'function') return 'guard'
  // XState's guard combinators are functions named after themselves, with their operands.
  const operands = (named.guards ?? []).map((operand) => {
    const label = guardLabel(operand) ?? 'guard'
    return label.includes(' ') ? `(${label})` : label
  })
  if (guard.name === 'not' && operands.length === 1) return `not ${operands[0]}`
  if ((guard.name === 'and' || guard.name === 'or') && operands.length > 0) {
    return operands.join(` ${guard.name} `)
  }
  if (guard.name === 'stateIn' && named.stateValue !== undefined) {
    return `in ${JSON.stringify(named.stateValue)}`
  }
  // An inline guard function has no name worth showing (`guard`, the config key, or nothing).
  return 'inline guard'
}

/**
 * `text` as a transition label Mermaid reads to the end of the line: no line breaks, `;` or `::`
 * (they end a statement or a label), no `#` (entity codes) and no `direction <dir>` (a
 * directive anywhere on a line).
 */
export function labelText(text: string): string {
  return text
    .replace(/[\r\n;#]+/g, ' ')
    .replace(/:{2,}/g, ':')
    .replace(/:$/, '')
    .replace(/direction(\s+)(tb|bt|rl|lr)/gi, 'direction_$2')
    .trim()
}

/** `text` as the quoted label of a state (`state "label" as id`): no quotes or line breaks. */
export function stateLabel(text: string): string {
  return text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')
}

/** Words Mermaid's lexer takes as keywords at the start of an id. */
const KEYWORD_START = /^(?:click|href|default)|^root$/i
/** Mermaid names the `[*]` of a composite `<id>_start` and `<id>_end`. */
const PSEUDO_END = /_(?:start|end)$/

/**
 * A Mermaid state id for the path `path`: letters, digits and `_` only (the grammar's ids stop at
 * spaces, `-`, `:` and `{`), never starting with a keyword nor ending like the ids Mermaid makes
 * for `[*]`, unique among `taken`.
 */
export function stateId(path: readonly string[], taken: Set<string>): string {
  const base = path.join('_').replace(/\W/g, '_') || 'state'
  const unkeyed = KEYWORD_START.test(base) ? `s_${base}` : base
  const safe = PSEUDO_END.test(unkeyed) ? `${unkeyed}_` : unkeyed
  let id = safe
  for (let n = 2; taken.has(id); n += 1) id = `${safe}_${n}`
  taken.add(id)
  return id
}
