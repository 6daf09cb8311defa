/**
 * Per-key queues of entries that each serve a number of calls: the mechanics behind
 * `control.failNext` (faults.ts) and `control.rateLimit` (throttle.ts).
 *
 * @module
 */

/** Queues of counted entries, one queue per key. */
export interface CountedQueues<T> {
  /** Queues `value` under `key` for the next `count` takes, after what is queued already. */
  push(key: string, value: T, count: number): void
  /** The entry at the head of `key`'s queue, if any; it leaves once its count is used up. */
  take(key: string): T | undefined
  clear(): void
}

/** Creates empty queues. */
export function createCountedQueues<T>(): CountedQueues<T> {
  const queues = new Map<string, { value: T; left: number }[]>()
  return {
    push(key, value, count) {
      const queue = queues.get(key) ?? []
      queue.push({ value, left: count })
      queues.set(key, queue)
    },
    take(key) {
      const queue = queues.get(key)
      const head = queue?.[0]
      if (!queue || !head) return undefined
      head.left -= 1
      if (head.left === 0) queue.shift()
      return head.value
    },
    clear() {
      queues.clear()
    },
  }
}
