/**
 * Account Manager settings: the client-credentials clients that may get an Account Manager token
 * for the privileged Shopper Customers calls (password reset, external profile read).
 *
 * @module
 */
import { ACCOUNT_MANAGER_SCOPES, DEFAULT_AM_CLIENT_ID, DEFAULT_AM_CLIENT_SECRET } from '../seed.ts'

/** The `accountManager` option; every field optional. */
export interface AccountManagerOptions {
  /** API client id. Default `emulator-am-client`. */
  clientId?: string
  /** API client secret (a development secret). Default `emulator-am-client-secret`. */
  secret?: string
  /** Scopes the client may get. Default `['sfcc.shopper-customers.login']`. */
  scopes?: readonly string[]
  /** Token lifetime (`expires_in`). Default 1799 s, as Account Manager answers. */
  tokenSeconds?: number
}

/** The resolved settings (`settings.accountManager`). */
export type AccountManagerSettings = Required<AccountManagerOptions>

/** Applies the defaults; throws a `TypeError` for options that cannot work. */
export function resolveAccountManager(options: AccountManagerOptions = {}): AccountManagerSettings {
  const resolved: AccountManagerSettings = {
    clientId: options.clientId ?? DEFAULT_AM_CLIENT_ID,
    secret: options.secret ?? DEFAULT_AM_CLIENT_SECRET,
    scopes: [...(options.scopes ?? ACCOUNT_MANAGER_SCOPES)],
    tokenSeconds: options.tokenSeconds ?? 1799,
  }
  if (!resolved.clientId || !resolved.secret) {
    throw new TypeError('createEmulator: accountManager needs a clientId and a secret')
  }
  if (!Number.isInteger(resolved.tokenSeconds) || resolved.tokenSeconds < 1) {
    throw new TypeError('createEmulator: accountManager.tokenSeconds must be an integer ≥ 1')
  }
  return resolved
}
