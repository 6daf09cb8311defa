/**
 * `shopper-session/remote`: the browser half of a session the app's server holds (a BFF). The
 * tokens stay in the server's sealed HttpOnly cookies (`createSessionEndpoint` and
 * `dehydrateSession` from `shopper-session/server`); the browser gets the server session's state,
 * borrows its access token for direct SCAPI calls, and asks the server to log in, register and
 * log out. The object is a `SessionLike`: `shopper-session/react`, `shopper-session/customers` and
 * `shopper-session/react-query` take it as they take a `ShopperSession`. Small: no SLAS code, no
 * schemas.
 *
 * @example
 * ```ts
 * import { createRemoteSession, readState } from 'shopper-session/remote'
 *
 * const embedded = document.getElementById('session-state')?.textContent ?? 'null'
 * const session = createRemoteSession({
 *   endpoint: '/api/session',
 *   scapi: { baseUrl, organizationId, siteId },
 *   initial: readState(JSON.parse(embedded)), // the server's dehydrateSession(session)
 * })
 * ```
 * @module
 */
export { createRemoteSession, type RemoteSession } from './remote/session.ts'
export type { RemoteApi, RemoteSessionConfig } from './remote/config.ts'
export type { RemoteSnapshot } from './remote/store.ts'
export { readState } from './remote/state.ts'
export type {
  DehydratedSession,
  SessionEndpointAction,
  SessionEndpointBody,
  SessionEndpointProblem,
  SessionTokenAnswer,
} from './remote/wire.ts'
