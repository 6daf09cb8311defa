/**
 * The Account Manager module: the client-credentials token endpoint that the privileged Shopper
 * Customers operations (password reset, external profile read) need a token from. The real
 * service lives on `account.demandware.com`; the emulator serves the same path on its own origin.
 *
 * @module
 */
import type { ApiModule, Route } from '../router.ts'
import { ACCOUNT_MANAGER_ERRORS } from './errors.ts'
import { getAccountManagerToken } from './token.ts'

/** Path prefix of the module. */
export const ACCOUNT_MANAGER_PREFIX = '/dwsso/'

/** The Account Manager operations the emulator serves. */
export const ACCOUNT_MANAGER_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: `${ACCOUNT_MANAGER_PREFIX}oauth2/access_token`,
    operation: 'getAccountManagerToken',
    handle: getAccountManagerToken,
  },
]

/** The Account Manager module for the router. */
export const accountManagerModule: ApiModule = {
  name: 'accountManager',
  prefix: ACCOUNT_MANAGER_PREFIX,
  routes: ACCOUNT_MANAGER_ROUTES,
  // A different service with its own limits; the SLAS rate-limit headers would be misleading.
  rateLimited: false,
  errors: ACCOUNT_MANAGER_ERRORS,
}
