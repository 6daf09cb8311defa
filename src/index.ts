/**
 * `shopper-session`: the Salesforce B2C Commerce shopper session. `createShopperSession` runs
 * the guest → registered lifecycle; the error family and the typed SLAS client come along.
 *
 * @module
 */
export * from './errors.ts'
export * from './scapi/index.ts'
export {
  createShopperSession,
  type RegistrationCustomer,
  type SessionEmitted,
  type SessionEventHandler,
  type SessionInternals,
  type SessionSnapshot,
  type SessionTag,
  type SessionTokens,
  type ShopperSession,
  type ShopperSessionConfig,
  type LogoutOptions,
} from './session.ts'
export type { ActionOptions } from './session/actions.ts'
export type { AccessTokenOptions } from './session/accessToken.ts'
export type { InspectionObserver } from './session/config.ts'
export { Secret, secret } from './secret.ts'
export type { Logger, LogLevel } from './logger.ts'
