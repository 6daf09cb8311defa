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
} from './session.ts'
export type { Logger, LogLevel } from './logger.ts'
