/**
 * The browser APIs the web coordinator uses, as the parts it calls (the real ones fit, and tests
 * pass stand-ins), and the shape of its lock managers.
 *
 * @module
 */

/** The part of the Web Locks API used (`navigator.locks` fits). */
export interface LockManagerLike {
  /**
   * With `ifAvailable` the callback gets `null` when another holder has the lock. An aborted
   * `signal` takes a waiting request out of the queue and rejects it.
   */
  request<T>(
    name: string,
    options: { mode: 'exclusive'; ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>
}

/** The part of a BroadcastChannel used. */
export interface BroadcastChannelLike {
  onmessage: ((event: { data: unknown }) => void) | null
  postMessage(message: unknown): void
  close(): void
}

/** `BroadcastChannel` or a stand-in. */
export type BroadcastChannelFactory = new (name: string) => BroadcastChannelLike

/** A `storage` event as the coordinator reads it. */
export interface StorageEventLike {
  readonly key: string | null
  readonly newValue: string | null
  readonly storageArea?: unknown
}

/** Where `storage` events arrive (`window` fits). */
export interface StorageEventSource {
  addEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void
  removeEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void
}

/**
 * A lock manager: runs `task` while holding the lock `name` and settles as it does. When `signal`
 * aborts before the lock is granted, a manager that can leave the queue does so (Web Locks);
 * others may still grant it later, and the task then refuses to run.
 */
export type RunWithLock = <T>(
  name: string,
  task: () => Promise<T>,
  signal?: AbortSignal,
) => Promise<T>
