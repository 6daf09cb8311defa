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
      const previous = tails.get(name) ?? Promise.resolve()
      const run = previous.then(task, task)
      const tail = run.then(
        () => undefined,
        () => undefined,
      )
      tails.set(name, tail)
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name)
      })
      return run
    },
    publish(message) {
      for (const listener of [...listeners]) {
        queueMicrotask(() => {
          // A failing listener must not stop the others, nor reach the publisher.
          try {
            listener(message)
          } catch {
            /* the listener's own bug; the bus goes on */
          }
        })
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
