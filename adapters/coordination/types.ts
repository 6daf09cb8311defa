/**
 * The coordination port: an exclusive lock by name and a message bus between the sessions that
 * share one storage (browser tabs, or several sessions in one process). Messages only say that
 * something changed; receivers re-read storage, so tokens never travel on the bus.
 *
 * @module
 */

/** A change notice between sessions sharing a storage. */
export interface CoordinationMessage {
  type: 'session.changed'
  /** The storage key that changed. */
  key: string
  /** Id of the sending session, so it can ignore its own notices. */
  sender: string
}

/** Locks and notices. */
export interface CoordinationAdapter {
  /**
   * Runs `task` while holding the lock `name`; waits for the lock first. A lock may bound that
   * wait and then reject without running `task`: an error whose `code` is `'timeout'` is taken
   * by the session as a timeout, which it retries later.
   */
  lock<T>(name: string, task: () => Promise<T>): Promise<T>
  /** Tells the other sessions. Never throws. */
  publish(message: CoordinationMessage): void
  /** Listens for notices (including this session's own); returns an unsubscribe. */
  subscribe(listener: (message: CoordinationMessage) => void): () => void
}
