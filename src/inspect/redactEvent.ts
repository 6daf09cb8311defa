/**
 * One XState inspection event, redacted before it leaves: a new event object whose actor refs are
 * redacted views ({@link actorView}) and whose every other field (the event sent, the snapshot,
 * an action's params, a microstep's transitions, and any field a later XState adds) is redacted
 * plain data. Only `type` and `rootId` (a session id) pass as they are.
 *
 * @module
 */
import type { AnyActorRef, InspectionEvent } from 'xstate'
import { actorView } from './actorView.ts'
import { isActorRef, redactedData } from './plain.ts'

/** Fields that name things and hold no run-time data. */
const NAMES = new Set(['type', 'rootId'])

/** `event` with every secret in it replaced by `[redacted]` (a copy; `event` is not touched). */
export function redactEvent(event: InspectionEvent): InspectionEvent {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(event)) {
    if (NAMES.has(key)) copy[key] = value
    else if (isActorRef(value)) copy[key] = actorView(value as AnyActorRef)
    else copy[key] = redactedData(value)
  }
  // Typed as XState's event: the views are actor refs as far as inspectors read them.
  return copy as unknown as InspectionEvent
}
