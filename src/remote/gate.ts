/**
 * Ordering of the remote session's calls: logins, registrations and logouts run alone; token and
 * state reads may run together, but never beside one of those. Each answer may set the session
 * cookies, and the browser keeps whichever arrives last: a token read that refreshed with the
 * old cookie and answered after a login would otherwise put the old session back.
 *
 * Across tabs of one browser through Web Locks (shared and exclusive modes) when the page has
 * them; within the page otherwise.
 *
 * @module
 */

/** Runs work shared (reads) or exclusive (changes). */
export interface Gate {
  /** Runs `work` once no exclusive work runs or waits before it. */
  shared<T>(work: () => Promise<T>): Promise<T>
  /** Runs `work` once every earlier piece of work, shared or exclusive, has finished. */
  exclusive<T>(work: () => Promise<T>): Promise<T>
}

/** A gate within one page: a read/write queue in memory. */
export function createLocalGate(): Gate {
  // The last exclusive work, and the shared work started since: the next exclusive waits for all.
  let last: Promise<unknown> = Promise.resolve()
  const readers = new Set<Promise<unknown>>()
  const settled = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      () => undefined,
    )
  return {
    shared(work) {
      const run = settled(last).then(work)
      const done = settled(run)
      readers.add(done)
      void done.then(() => readers.delete(done))
      return run
    },
    exclusive(work) {
      const before = Promise.all([settled(last), ...readers])
      const run = before.then(work)
      last = run
      return run
    },
  }
}

/** The Web Locks API, as far as the gate uses it. */
interface LockManagerLike {
  request<T>(
    name: string,
    options: { mode: 'shared' | 'exclusive' },
    callback: () => Promise<T>,
  ): Promise<T>
}

/**
 * A gate for every page of this origin that uses `name`, through Web Locks; the page's own gate
 * where Web Locks are missing (insecure contexts, old browsers).
 */
export function createGate(name: string, crossTab: boolean): Gate {
  const locks = crossTab
    ? (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks
    : undefined
  if (locks === undefined || typeof locks.request !== 'function') return createLocalGate()
  return {
    shared: (work) => locks.request(name, { mode: 'shared' }, work),
    exclusive: (work) => locks.request(name, { mode: 'exclusive' }, work),
  }
}
