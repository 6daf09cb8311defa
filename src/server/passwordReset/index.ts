/**
 * Password reset on the server: the service that holds the Account Manager credentials, the
 * web-standard endpoint in front of it, and the browser client that calls it.
 *
 * @module
 */
export {
  createPasswordResetClient,
  type PasswordResetClientOptions,
} from '../../account/resetClient.ts'
export type {
  PasswordResetAccountManager,
  PasswordResetRateLimits,
  PasswordResetServiceOptions,
} from './config.ts'
export {
  createDevOutbox,
  type DeliverToken,
  type DevOutbox,
  type DevOutboxOptions,
  type PasswordResetDelivery,
} from './devOutbox.ts'
export {
  createPasswordResetHandler,
  type PasswordResetHandler,
  type PasswordResetHandlerOptions,
  type PasswordResetHandlerService,
} from './handler.ts'
export type { PasswordResetRequestInfo } from './clientKey.ts'
export type {
  PasswordResetCallOptions,
  PasswordResetPort,
  PasswordResetSubmission,
} from '../../account/resetPort.ts'
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitRule,
} from './rateLimit.ts'
export {
  createPasswordResetService,
  type PasswordResetService,
  type PasswordResetServiceCallOptions,
} from './service.ts'
export {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type PasswordResetAction,
  type PasswordResetBody,
  type PasswordResetProblem,
} from '../../account/resetWire.ts'
