/**
 * The OAuth `error` values and SCAPI problem+json type slugs that have an error code of their
 * own. Keys are lower case.
 *
 * @module
 */
import type { ErrorCode } from '../errors.ts'

/** OAuth `error` values or SCAPI problem+json type slugs (lower case) with a code of their own. */
export type ErrorTags = Readonly<Record<string, ErrorCode>>

/**
 * The tags of SLAS, Account Manager and the Shopper calls the session makes itself (registration,
 * basket transfer): every mapping looks them up.
 */
export const TAGS: ErrorTags = {
  invalid_grant: 'invalid_grant',
  invalid_client: 'invalid_client',
  unauthorized_client: 'invalid_client',
  invalid_token: 'invalid_token',
  'invalid-access-token': 'invalid_token',
  'authentication-failed': 'invalid_credentials',
  access_denied: 'forbidden',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  'login-already-in-use': 'login_taken',
  'invalid-password': 'weak_password',
  'basket-transfer-basket-already-exists-exception': 'conflict',
  too_many_requests: 'rate_limited',
  maintenance: 'maintenance',
  // 412 "Dependent service is not available.": a server-side outage, worth retrying later.
  precondition_failure: 'server_error',
}

/**
 * The slugs of the Shopper Customers and Baskets operations only their clients call, passed in
 * by those clients (and used by `mapErrorResponse`). A second open basket is a clash with the
 * server's state, not a malformed request, whatever its 400 says.
 */
export const SHOPPER_TAGS: ErrorTags = {
  'invalid-customer': 'forbidden',
  'not-found': 'not_found',
  'invalid-current-password': 'invalid_current_password',
  'invalid-reset-token': 'invalid_reset_token',
  'customer-baskets-quota-exceeded': 'conflict',
  'basket-not-found': 'not_found',
  'product-list-not-found': 'not_found',
  'no-source-basket-exception': 'conflict',
  'basket-merge-no-current-basket-exception': 'conflict',
}
