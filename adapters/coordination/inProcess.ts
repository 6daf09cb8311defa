/**
 * `shopper-session/adapters/coordination/inProcess`: locks and notices inside one JavaScript
 * realm. The Node default, and how tests run several "tabs" against one storage.
 *
 * @module
 */
import type { CoordinationAdapter, CoordinationMessage } from './types.ts'

export type { CoordinationAdapter, CoordinationMessage } from './types.ts'

/**
 * Creates an in-process coordinator: a FIFO lock per name (a failed task releases it) and
 * notices delivered asynchronously, as a BroadcastChannel would.
 *
 * @example
 * ```ts
 * const coordination = createInProcessCoordination()
 * const storage = createMemoryStorage()
 * const tabA = createShopperSession({ ...config, storage, coordination })
 * const tabB = createShopperSession({ ...config, storage, coordination })
 * ```
 */
export function createInProcessCoordination(): CoordinationAdapter {
  const tails = new Map<string, Promise<unknown>>()
  const listeners = new Set<(message: CoordinationMessage) => void>()
  return {
    lock(name, task) {
      // A tail never rejects and resolves to `undefined` (the task's only argument), so the next
      // task starts whichever way this one ends (no tail: now).
      const run = Promise.resolve(tails.get(name)).then(task)
      // The last tail of a name leaves the map: names do not pile up.
      const done = () => {
        if (tails.get(name) === tail) tails.delete(name)
      }
      const tail = run.then(done, done)
      tails.set(name, tail)
      return run
    },
    publish(message) {
      // Every delivery is queued before any runs, so a listener (un)subscribing changes nothing.
      listeners.forEach((listener) =>
        queueMicrotask(() => {
          // A failing listener must not stop the others, nor reach the publisher.
          try {
            listener(message)
          } catch {
            /* the listener's own bug; the bus goes on */
          }
        }),
      )
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
