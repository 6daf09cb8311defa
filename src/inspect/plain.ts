/**
 * Run-time values as redacted plain data, for the redacting inspector. XState's inspection events
 * hold live objects: snapshots with their machine, actor refs that reach every other actor and
 * its raw snapshot, state nodes, boxed secrets. {@link redactedData} first turns them into plain
 * data (a ref becomes `{ id, sessionId }`, a snapshot what its `toJSON()` gives, a `Secret` its
 * `[secret]`, a state node its `#id`, functions are dropped), then hands the copy to
 * `redactValue`, which blanks tokens, passwords and codes.
 *
 * @module
 */
import { redactValue } from '../redact.ts'

/** Nesting deeper than this is cut; `redactValue` cuts plain data at 12 levels anyway. */
const MAX_DEPTH = 16

/** What XState's actor refs (and the redacted views of them) look like. */
export interface ActorRefShape {
  readonly id: string
  readonly sessionId: string
  getSnapshot(): unknown
}

/** Whether `value` is an actor ref (an XState actor, or anything shaped like one). */
export function isActorRef(value: unknown): value is ActorRefShape {
  const ref = value as Partial<ActorRefShape> | null
  return (
    typeof ref === 'object' &&
    ref !== null &&
    typeof ref.sessionId === 'string' &&
    typeof ref.getSnapshot === 'function'
  )
}

/** Values `redactValue` copies or keeps by itself (errors keep their own `toJSON` data). */
function redactValueHandles(value: object): boolean {
  return [Error, Date, URL, Headers, URLSearchParams].some((type) => value instanceof type)
}

/** `value` as plain data: no functions, no live objects (see the module comment). */
function toPlain(value: unknown): unknown {
  const path = new Set<object>()
  // `ownForm`: `value` is what a `toJSON()` returned. As in JSON.stringify, its own `toJSON` is not
  // called again: XState's transitions answer a copy of themselves that still has one, which
  // would be called without end (and the transition cut as `[too deep]`).
  const walk = (value: unknown, ownForm = false): unknown => {
    if (typeof value === 'function') return undefined
    if (typeof value !== 'object' || value === null) return value
    if (redactValueHandles(value)) return value
    if (path.has(value)) return '[circular]'
    if (path.size >= MAX_DEPTH) return '[too deep]'
    // Another actor: named, never opened (its own events tell its story, redacted).
    if (isActorRef(value)) return { id: value.id, sessionId: value.sessionId }
    const record = value as Record<string, unknown>
    // A state node (in `historyValue`, a transition's source): its id, not the machine behind it.
    if (record.__xstatenode === true && typeof record.id === 'string') return `#${record.id}`
    path.add(value)
    try {
      // Snapshots (without their machine), secrets (`[secret]`), transitions, refs' own forms.
      if (!ownForm && typeof record.toJSON === 'function') {
        return walk((record.toJSON as () => unknown)(), true)
      }
      if (Array.isArray(value)) return value.map((item) => walk(item))
      if (value instanceof Set) return [...value].map((item) => walk(item))
      const entries = value instanceof Map ? [...value] : Object.entries(value)
      return Object.fromEntries(entries.map(([key, item]) => [String(key), walk(item)]))
    } finally {
      path.delete(value)
    }
  }
  return walk(value)
}

/**
 * `value` as redacted plain data: tokens, passwords, codes and anything else `redactValue`
 * hides become `[redacted]`; live objects become plain data first. A value that cannot be read
 * (a throwing getter or `toJSON`) becomes `[unreadable]`: inspection runs inside the actor's
 * step, so it must neither break the session nor fall back to the raw value.
 */
export function redactedData(value: unknown): unknown {
  try {
    return redactValue(toPlain(value))
  } catch {
    return '[unreadable]'
  }
}
