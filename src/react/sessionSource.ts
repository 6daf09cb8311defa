/**
 * The session as `@xstate/react`'s `useSelector` reads it: an actor-like source with XState's
 * `subscribe` and `getSnapshot()`, made once per session.
 *
 * @module
 */
import { type Observer, type Subscription, toObserver } from 'xstate'
import type { SessionLike, SessionSnapshotLike } from './sessionLike.ts'

/** What `useSelector` subscribes to: XState's two forms of `subscribe`. */
export interface SessionSource {
  subscribe(observer: Observer<SessionSnapshotLike>): Subscription
  subscribe(
    next: (snapshot: SessionSnapshotLike) => void,
    error?: (error: unknown) => void,
    complete?: () => void,
  ): Subscription
  getSnapshot(): SessionSnapshotLike
}

// One source per session, shared by every hook: `useSelector` re-subscribes when the object it
// gets changes, so a new wrapper on each render would re-subscribe on each render.
const sources = new WeakMap<SessionLike, SessionSource>()

/** The `useSelector` source of `session` (the same object on every call). */
export function sessionSource(session: SessionLike): SessionSource {
  let source = sources.get(session)
  if (source === undefined) {
    source = {
      // `SessionLike.subscribe` takes a plain listener, the simplest thing to implement; only
      // `next` is passed on (a session reports failures in its snapshot, never as an error).
      subscribe(
        first: Observer<SessionSnapshotLike> | ((snapshot: SessionSnapshotLike) => void),
        error?: (error: unknown) => void,
        complete?: () => void,
      ): Subscription {
        const observer = toObserver(first, error, complete)
        return { unsubscribe: session.subscribe((snapshot) => observer.next?.(snapshot)) }
      },
      getSnapshot: () => session.getSnapshot(),
    }
    sources.set(session, source)
  }
  return source
}
