/**
 * `SessionLike`: what the React hooks need of a session. A `ShopperSession` has all of it; a
 * session held by the app's server (a BFF) can implement it and the hooks work unchanged.
 *
 * @module
 */
import type { SessionTag } from '../../machines/contracts.ts'
import type { ErrorData } from '../errors.ts'
import type { AccessTokenOptions } from '../session/accessToken.ts'
import type {
  LoginCredentials,
  LogoutOptions,
  Registration,
  SessionEmitted,
  SessionEventHandler,
  Shopper,
} from '../session.ts'

/**
 * The part of a session snapshot the hooks read: its tags, and the last error in its context.
 * A `ShopperSession`'s XState snapshot is one.
 *
 * @example
 * ```ts
 * const snapshot: SessionSnapshotLike = session.getSnapshot()
 * snapshot.hasTag('registered') // read tags, not state paths
 * ```
 */
export interface SessionSnapshotLike {
  /** Whether the session carries `tag` now (see the session's tags). */
  hasTag(tag: SessionTag): boolean
  /** The session's context; only its last error is read (`useSessionError()`). */
  readonly context: {
    /** The last failure the shopper should hear about, as plain data or a `ShopperSessionError`. */
    readonly error?: ErrorData | undefined
  }
}

/**
 * The minimum the hooks need of a session. `ShopperSession` satisfies it as it is; an app whose
 * tokens live on its server implements it over its own endpoints and keeps every hook.
 *
 * Rules an implementation keeps, because the hooks rely on them: `getSnapshot()` returns the same
 * object until something changed (React compares snapshots by identity), `subscribe` calls its
 * listener after every change and returns the function that ends the subscription, `getShopper()`
 * reads the same state `getSnapshot()` does, and every rejection is a `ShopperSessionError`.
 *
 * @example
 * ```ts
 * import type { SessionLike } from 'shopper-session/react'
 *
 * const forHooks: SessionLike = session // a ShopperSession is one
 * ```
 */
export interface SessionLike {
  /** The current snapshot: the same object until the session changes. */
  getSnapshot(): SessionSnapshotLike
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (snapshot: SessionSnapshotLike) => void): () => void
  /** Listens to one typed event (`session.reauthRequired`, `token.refreshed`, …). */
  on<T extends SessionEmitted['type']>(type: T, handler: SessionEventHandler<T>): () => void
  /** Who the shopper is; `undefined` before the session holds tokens. */
  getShopper(): Shopper | undefined
  /** A usable access token (one refresh shared by concurrent callers). */
  getAccessToken(options?: AccessTokenOptions): Promise<string>
  /** Logs the shopper in (option-object form). */
  login(credentials: LoginCredentials): Promise<void>
  /** Registers and logs the shopper in (option-object form). */
  register(registration: Registration): Promise<void>
  /** Signs the shopper out and starts a guest session. */
  logout(options?: LogoutOptions): Promise<void>
}
