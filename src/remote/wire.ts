/**
 * The session endpoint's wire format, shared by the server handler (`createSessionEndpoint`) and
 * the browser's remote session (`createRemoteSession`). Type imports only: the browser side must
 * stay free of server code.
 *
 * @module
 */
import type { SessionTag } from '../../machines/contracts.ts'
import type { ErrorData } from '../errors.ts'
import type { RegistrationCustomer } from '../../machines/sessionMachine.ts'
import type { Shopper } from '../session/shopper.ts'

/**
 * A server session as a page may see it: who the shopper is, the session's tags and its last
 * error. Plain JSON with no token: the server renders with it and the browser starts from it
 * (`createRemoteSession({ initial })`), so both render the same tree.
 *
 * @example
 * ```ts
 * const state: DehydratedSession = {
 *   shopper: { kind: 'guest', customerId: 'abc', loginId: undefined, usid: 'u1' },
 *   tags: ['guest', 'tokenValid'],
 * }
 * ```
 */
export interface DehydratedSession {
  /** The shopper, or `null` while the server session holds no tokens. */
  shopper: Shopper | null
  /** The server session's tags (`busy` never: that was the server request's own work). */
  tags: SessionTag[]
  /** The session's last error (`code`, `message`, …), when it has one. */
  error?: ErrorData | undefined
}

/** The `action` of a `POST` body. */
export type SessionEndpointAction = 'token' | 'login' | 'register' | 'logout'

/** What the endpoint accepts as a `POST` body (`content-type: application/json`). */
export type SessionEndpointBody =
  | { action: 'token'; force?: boolean }
  | { action: 'login'; username: string; password: string }
  | { action: 'register'; customer: RegistrationCustomer; password: string }
  | { action: 'logout'; allSessions?: boolean; remote?: boolean }

/** The answer to `{ action: 'token' }`: the access token and its remaining life, never more. */
export interface SessionTokenAnswer {
  /** The shopper's access token (Bearer); never log it. */
  accessToken: string
  /** Milliseconds the token has left when the server answers (measured on the server's clock). */
  expiresInMs: number
  /** The session the token belongs to. */
  state: DehydratedSession
}

/**
 * A refusal (any non-2xx answer): a stable code, a message safe to show, how long to wait for
 * `rate_limited` and `maintenance`, and the session as it is after the failure when the server
 * has one (a failed login leaves a guest session; a refused refresh token leaves a guest tagged
 * `reauthRequired`).
 */
export interface SessionEndpointProblem {
  code: string
  message: string
  retryAfterMs?: number
  state?: DehydratedSession
}
