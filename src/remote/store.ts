/**
 * The remote session's snapshot: the server session's state as the browser last saw it, plus
 * what only the browser knows (its own calls in flight, an endpoint it cannot reach). Snapshots
 * are immutable and replaced only when something a reader can see changed, as React's
 * `useSyncExternalStore` requires.
 *
 * @module
 */
import type { SessionTag } from '../../machines/contracts.ts'
import type { ErrorData } from '../errors.ts'
import type { SessionSnapshotLike } from '../react/sessionLike.ts'
import type { SessionEmitted, SessionEventHandler } from '../session.ts'
import type { Shopper } from '../session/shopper.ts'
import { shopperIdentity } from './state.ts'
import type { DehydratedSession } from './wire.ts'

/** A snapshot of a remote session. Read tags (`hasTag('registered')`), as with the session. */
export interface RemoteSnapshot extends SessionSnapshotLike {
  /** Every tag the session carries now. */
  readonly tags: ReadonlySet<SessionTag>
  /** The shopper, or `undefined` before a state arrived. */
  readonly shopper: Shopper | undefined
  readonly context: { readonly error?: ErrorData | undefined }
}

/** What the browser adds to the server's state. */
interface Local {
  /** Calls of this page in flight that change or load the state (not token reads). */
  busy: number
  /** The endpoint could not be reached for a token although a state is known. */
  stale: boolean
  /** No state could be loaded. */
  unavailable: boolean
  /** The newest failure the shopper should hear about, or the server state's error. */
  error: ErrorData | undefined
}

/** The snapshot store. */
export interface RemoteStore {
  snapshot(): RemoteSnapshot
  /** The server state last applied, or `undefined`. */
  state(): DehydratedSession | undefined
  /**
   * Takes `state` as the server's; resolves `true` when the shopper changed (another shopper, a
   * new guest session) and emits `session.reauthRequired` when the state newly carries the tag.
   */
  apply(state: DehydratedSession): boolean
  /** Marks a load or action in flight; the returned function ends it. */
  work(): () => void
  /** The endpoint answered a token read (`false`) or could not be reached (`error`). */
  stale(error: ErrorData | false): void
  /** No state could be loaded (`error`), or a load starts again (`false`). */
  unavailable(error: ErrorData | false): void
  /** Keeps `error` as the one the shopper should hear about. */
  fail(error: ErrorData): void
  subscribe(listener: (snapshot: RemoteSnapshot) => void): () => void
  emit(event: SessionEmitted): void
  on<T extends SessionEmitted['type']>(type: T, handler: SessionEventHandler<T>): () => void
}

function tagsOf(state: DehydratedSession | undefined, local: Local): Set<SessionTag> {
  const tags = new Set<SessionTag>(state?.tags ?? [])
  if (state === undefined && local.unavailable) tags.add('unavailable')
  if (state !== undefined && local.stale) {
    tags.delete('tokenValid')
    tags.add('stale')
  }
  if (local.busy > 0) tags.add('busy')
  return tags
}

function sameTags(a: ReadonlySet<SessionTag>, b: ReadonlySet<SessionTag>): boolean {
  return a.size === b.size && [...a].every((tag) => b.has(tag))
}

function sameShopper(a: Shopper | undefined, b: Shopper | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.kind === b.kind &&
      a.customerId === b.customerId &&
      a.loginId === b.loginId &&
      a.usid === b.usid)
  )
}

function makeSnapshot(
  tags: ReadonlySet<SessionTag>,
  shopper: Shopper | undefined,
  error: ErrorData | undefined,
): RemoteSnapshot {
  return Object.freeze({
    tags,
    shopper,
    context: Object.freeze({ error }),
    hasTag: (tag: SessionTag) => tags.has(tag),
  })
}

/** Creates the store, starting from `initial` when the page has one. */
export function createRemoteStore(initial: DehydratedSession | undefined): RemoteStore {
  let state = initial
  const local: Local = { busy: 0, stale: false, unavailable: false, error: initial?.error }
  let current = makeSnapshot(tagsOf(state, local), state?.shopper ?? undefined, local.error)
  const listeners = new Set<(snapshot: RemoteSnapshot) => void>()
  const handlers = new Map<string, Set<(event: SessionEmitted) => void>>()

  // A new snapshot only when something visible changed: React re-renders on a new object.
  const publish = () => {
    const tags = tagsOf(state, local)
    const shopper = state?.shopper ?? undefined
    const same =
      sameTags(tags, current.tags) &&
      sameShopper(shopper, current.shopper) &&
      local.error === current.context.error
    if (same) return
    current = makeSnapshot(tags, shopper, local.error)
    for (const listener of [...listeners]) listener(current)
  }

  const emit = (event: SessionEmitted) => {
    for (const handler of [...(handlers.get(event.type) ?? [])]) handler(event)
  }

  return {
    snapshot: () => current,
    state: () => state,
    apply(next) {
      const before = state
      state = next
      local.unavailable = false
      local.error = next.error
      const changed = shopperIdentity(before?.shopper) !== shopperIdentity(next.shopper)
      const ended = next.tags.includes('reauthRequired') && !before?.tags.includes('reauthRequired')
      publish()
      if (ended && before !== undefined) {
        const error = next.error ?? { code: 'invalid_grant', message: 'The session ended.' }
        emit({ type: 'session.reauthRequired', error })
      }
      return changed
    },
    work() {
      local.busy += 1
      publish()
      let ended = false
      return () => {
        if (ended) return
        ended = true
        local.busy -= 1
        publish()
      }
    },
    stale(error) {
      local.stale = error !== false
      if (error !== false) local.error = error
      publish()
    },
    unavailable(error) {
      local.unavailable = error !== false
      if (error !== false) local.error = error
      publish()
    },
    fail(error) {
      local.error = error
      publish()
    },
    subscribe(listener) {
      const wrapped = (snapshot: RemoteSnapshot) => listener(snapshot)
      listeners.add(wrapped)
      return () => {
        listeners.delete(wrapped)
      }
    },
    emit,
    on(type, handler) {
      let set = handlers.get(type)
      if (set === undefined) {
        set = new Set()
        handlers.set(type, set)
      }
      // A wrapper per call: the same handler registered twice is removed once per unsubscribe.
      const wrapped = (event: SessionEmitted) => (handler as (event: SessionEmitted) => void)(event)
      set.add(wrapped)
      return () => {
        set.delete(wrapped)
      }
    },
  }
}
