/**
 * `shopper-session/server`: per-request shopper sessions for SSR and server code. Sessions read
 * and write the request's cookies, sealed with the app's secrets, take who the shopper is from
 * the access token verified against SLAS's keys, never run a timer, and share one refresh per
 * refresh token across the process; private-client flows (client credentials, trusted system on
 * behalf) live here only, so a client secret never reaches a browser bundle.
 *
 * @module
 */
export {
  type ShopperSessionHandler,
  withCookies,
  withShopperSession,
  type WithShopperSessionOptions,
} from './handler.ts'
export {
  type ClientCredentialsParams,
  createOnBehalfSession,
  getClientCredentialsToken,
  type OnBehalfSessionOptions,
} from './privateClient.ts'
export {
  createServerSession,
  type ServerSession,
  type ServerSessionConfig,
  type ServerSessionOptions,
  serverRefreshesInFlight,
} from './session.ts'
// The server half of a server-held (BFF) session; the browser half is `shopper-session/remote`.
export {
  createSessionEndpoint,
  type SessionEndpoint,
  type SessionEndpointOptions,
  type SessionEndpointRateLimits,
  type SessionEndpointRequestInfo,
} from './sessionEndpoint/handler.ts'
export { dehydrateSession } from './sessionEndpoint/dehydrate.ts'
export type {
  DehydratedSession,
  SessionEndpointAction,
  SessionEndpointBody,
  SessionEndpointProblem,
  SessionTokenAnswer,
} from '../remote/wire.ts'
export type {
  CookieSource,
  HeaderRecord,
  ServerCookieOptions,
  ServerCookieStorage,
} from '../../adapters/storage/serverCookie.ts'
export {
  createDevOutbox,
  createPasswordResetClient,
  createPasswordResetHandler,
  createPasswordResetService,
  createRateLimiter,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type DeliverToken,
  type DevOutbox,
  type DevOutboxOptions,
  type PasswordResetAccountManager,
  type PasswordResetAction,
  type PasswordResetBody,
  type PasswordResetCallOptions,
  type PasswordResetClientOptions,
  type PasswordResetDelivery,
  type PasswordResetHandler,
  type PasswordResetHandlerOptions,
  type PasswordResetHandlerService,
  type PasswordResetPort,
  type PasswordResetProblem,
  type PasswordResetRateLimits,
  type PasswordResetRequestInfo,
  type PasswordResetService,
  type PasswordResetServiceCallOptions,
  type PasswordResetServiceOptions,
  type PasswordResetSubmission,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitRule,
} from './passwordReset/index.ts'
