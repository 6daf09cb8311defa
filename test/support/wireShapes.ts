/**
 * The "assumed wire shapes" table (src/scapi/README.md), as data.
 *
 * The emulator and the client's error mapper implement this table on their own (the emulator is
 * the other side of the wire: no shared code). `test/wireShapes.test.ts` checks both against it:
 * the emulator must produce `status` and every field of `body` for each row it can stage, and the
 * mapper must turn `status` + `body` (+ `headers`) into `code`.
 */
import type { ErrorCode } from '../../src/errors.ts'

/** One row of the table. */
export interface WireShape {
  /** Stable id of the row, used in test names. */
  id: string
  /** The operation that answers this way (SLAS or SCAPI operationId). */
  operation: string
  /** HTTP status. */
  status: number
  /** Fields the body carries (a subset check on the emulator side). */
  body: Record<string, unknown>
  /** Response headers that matter for the mapping. */
  headers?: Record<string, string>
  /** The code the client maps this answer to. */
  code: ErrorCode
}

const TYPE = 'https://api.commercecloud.salesforce.com/documentation/error/v1/errors/'

/** SLAS error bodies carry both families: OAuth `{error, error_description}` and `{status_code, message}`. */
function slas(error: string, description: string, statusCode: string, message = description) {
  return { error, error_description: description, status_code: statusCode, message }
}

/** SCAPI problem+json body. */
function problem(slug: string, title: string, detail: string) {
  return { type: `${TYPE}${slug}`, title, detail }
}

export const WIRE_SHAPES: readonly WireShape[] = [
  {
    id: 'slas.login.wrongPassword',
    operation: 'authenticateCustomer',
    status: 401,
    body: slas('invalid_client', 'Basic Authorization failed.', '401 UNAUTHORIZED'),
    code: 'invalid_credentials',
  },
  {
    id: 'slas.login.locked',
    operation: 'authenticateCustomer',
    status: 401,
    body: slas('invalid_client', 'Customer account is locked.', '401 UNAUTHORIZED'),
    code: 'account_locked',
  },
  {
    id: 'slas.login.twiceWithinOneSecond',
    operation: 'authenticateCustomer',
    status: 409,
    body: slas(
      'conflict',
      'The same loginId and tenantId tried to login twice within 1 second.',
      '409 CONFLICT',
    ),
    code: 'conflict',
  },
  {
    id: 'slas.login.strictClientAuthFailed',
    operation: 'authenticateCustomer',
    status: 401,
    body: slas('invalid_client', 'Authorization failed.', '401 UNAUTHORIZED'),
    code: 'invalid_client',
  },
  {
    id: 'slas.authorize.badClientId',
    operation: 'authorizeCustomer',
    status: 400,
    body: slas('invalid_request', 'Bad or missing client_id.', '400 BAD_REQUEST'),
    code: 'invalid_client',
  },
  {
    id: 'slas.authorize.badRedirectUri',
    operation: 'authorizeCustomer',
    status: 400,
    body: slas('invalid_request', 'Redirect URI not registered for this client.', '400 BAD_REQUEST'),
    code: 'bad_request',
  },
  {
    id: 'slas.token.refreshReused',
    operation: 'getAccessToken',
    status: 400,
    body: slas(
      'invalid_request',
      'Bad or missing refresh token.',
      '400 BAD_REQUEST',
      'invalid refresh_token',
    ),
    code: 'invalid_grant',
  },
  {
    id: 'slas.token.badCode',
    operation: 'getAccessToken',
    status: 400,
    body: slas('invalid_grant', 'Invalid authorization code or code_verifier.', '400 BAD_REQUEST'),
    code: 'invalid_grant',
  },
  {
    id: 'slas.token.badClientSecret',
    operation: 'getAccessToken',
    status: 401,
    body: slas('invalid_client', 'Basic Authorization failed.', '401 UNAUTHORIZED'),
    code: 'invalid_client',
  },
  {
    id: 'slas.token.badParameters',
    operation: 'getAccessToken',
    status: 400,
    body: slas('invalid_request', 'Bad or missing request parameters.', '400 BAD_REQUEST'),
    code: 'bad_request',
  },
  {
    id: 'slas.logout.badAccessToken',
    operation: 'logoutCustomer',
    status: 401,
    body: slas('invalid_token', 'Bad or missing access token.', '401 UNAUTHORIZED'),
    code: 'invalid_token',
  },
  {
    id: 'slas.trustedSystem.notAllowed',
    operation: 'getTrustedSystemAccessToken',
    status: 401,
    body: slas('invalid_client', 'Authorization failed.', '401 UNAUTHORIZED'),
    code: 'invalid_client',
  },
  {
    id: 'slas.trustedSystem.concurrent',
    operation: 'getTrustedSystemAccessToken',
    status: 409,
    body: slas('conflict', 'Conflicting calls for the same login.', '409 CONFLICT'),
    code: 'conflict',
  },
  {
    id: 'gateway.rateLimited',
    operation: 'getAccessToken',
    status: 429,
    headers: { 'retry-after': '3' },
    body: slas('too_many_requests', 'Rate limit exceeded.', '429 TOO_MANY_REQUESTS'),
    code: 'rate_limited',
  },
  {
    id: 'gateway.serverError',
    operation: 'getAccessToken',
    status: 500,
    body: slas(
      'server_error',
      "The server has encountered a situation that it doesn't know how to handle.",
      '500 INTERNAL_SERVER_ERROR',
    ),
    code: 'server_error',
  },
  {
    id: 'gateway.unavailable',
    operation: 'getAccessToken',
    status: 503,
    body: slas(
      'gateway_server_error',
      'A service that the server relies on is down or is having difficulty.',
      '503 SERVICE_UNAVAILABLE',
    ),
    code: 'server_error',
  },
  {
    id: 'gateway.maintenance',
    operation: 'getAccessToken',
    status: 503,
    headers: { sfdc_maintenance: 'system' },
    body: slas('maintenance', 'The system is down for maintenance.', '503 SERVICE_UNAVAILABLE'),
    code: 'maintenance',
  },
  {
    id: 'scapi.invalidAccessToken',
    operation: 'getCustomer',
    status: 401,
    body: problem(
      'invalid-access-token',
      'Invalid Access Token',
      'The request is unauthorized, the access token is invalid.',
    ),
    code: 'invalid_token',
  },
  {
    id: 'scapi.credentialsChanged',
    operation: 'getCustomer',
    status: 401,
    body: problem(
      'invalid-access-token',
      'Invalid Access Token',
      'Customer credentials changed after token was issued.',
    ),
    code: 'credentials_changed',
  },
  {
    id: 'scapi.otherCustomer',
    operation: 'getCustomer',
    status: 400,
    body: problem(
      'invalid-customer',
      'Invalid Customer',
      'CustomerId URL parameter does not match the verified customer represented by the JWT token.',
    ),
    code: 'forbidden',
  },
  {
    id: 'scapi.forbidden',
    operation: 'transferBasket',
    status: 403,
    body: problem(
      'forbidden',
      'Forbidden',
      'Your access-token is valid, but it contains no previous customer to process this action.',
    ),
    code: 'forbidden',
  },
  {
    id: 'scapi.notFound',
    operation: 'getCustomer',
    status: 404,
    body: problem('not-found', 'Not Found', "No customer with ID 'x' could be found."),
    code: 'not_found',
  },
  {
    id: 'scapi.loginTaken',
    operation: 'registerCustomer',
    status: 400,
    body: problem('login-already-in-use', 'Login Already In Use', "The login 'x' is already in use."),
    code: 'login_taken',
  },
  {
    id: 'scapi.weakPassword',
    operation: 'registerCustomer',
    status: 400,
    body: problem('invalid-password', 'Invalid Password', 'The password does not meet the policy.'),
    code: 'weak_password',
  },
  {
    id: 'scapi.wrongCurrentPassword',
    operation: 'updateCustomer',
    status: 400,
    body: problem(
      'invalid-current-password',
      'Invalid Current Password',
      'The current password is missing or does not match.',
    ),
    code: 'invalid_current_password',
  },
  {
    id: 'scapi.invalidResetToken',
    operation: 'resetPassword',
    status: 400,
    body: problem(
      'invalid-reset-token',
      'Invalid Reset Token',
      'The password reset token is invalid, used or expired.',
    ),
    code: 'invalid_reset_token',
  },
  {
    id: 'scapi.basketConflict',
    operation: 'transferBasket',
    status: 409,
    body: problem(
      'basket-transfer-basket-already-exists-exception',
      'Basket Already Exists',
      "The current customer with ID 'x' has an active basket.",
    ),
    code: 'conflict',
  },
  {
    id: 'scapi.badRequest',
    operation: 'updateCustomerPaymentInstrument',
    status: 400,
    body: problem('unsupported-fields', 'Unsupported Fields', 'Unsupported fields in the request for updates.'),
    code: 'bad_request',
  },
]
