/**
 * The one message the coordinator sends: `{ type, key, sender }`, saying "the stored session
 * under `key` changed". Receivers re-read storage, so tokens never travel between tabs.
 *
 * @module
 */
import type { CoordinationAdapter, CoordinationMessage } from '../types.ts'

/** Reads a notice off the wire: exactly the three fields, or nothing. */
export function toNotice(data: unknown): CoordinationMessage | undefined {
  // Destructuring boxes primitives (their fields are undefined); only null and undefined need `{}`.
  const { type, key, sender } = (data ?? {}) as Record<string, unknown>
  return type === 'session.changed' && typeof key === 'string' && typeof sender === 'string'
    ? { type, key, sender }
    : undefined
}

/** Hands `data` to the listeners on `bus` when it is a notice; anything else is dropped. */
export function deliverNotice(bus: Pick<CoordinationAdapter, 'publish'>, data: unknown): void {
  const notice = toNotice(data)
  if (notice) bus.publish(notice)
}
