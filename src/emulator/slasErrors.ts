/**
 * Every SLAS error the emulator answers, in one table. Bodies carry both families the clients
 * parse: OAuth `error` + `error_description` (the SLAS OpenAPI's `Oauth2ErrorResponse`) and
 * `status_code` + `message` (what commerce-sdk-react reads). The rows of the "assumed wire shapes"
 * table (src/scapi/README.md) are reproduced exactly.
 *
 * @module
 */
import { isMaintenanceFault } from './faults.ts'
import { json } from './http.ts'

/** One SLAS error. `message` defaults to `description`. */
export interface SlasErrorSpec {
  status: number
  error: string
  description: string
  message?: string
}

/** The catalogue. Comments name the wire-shape row where one exists. */
export const SLAS_ERRORS = {
  /** Row `slas.authorize.badClientId`. */
  badClientId: { status: 400, error: 'invalid_request', description: 'Bad or missing client_id.' },
  /** Row `slas.authorize.badRedirectUri`. */
  badRedirectUri: {
    status: 400,
    error: 'invalid_request',
    description: 'Redirect URI not registered for this client.',
  },
  /** Row `slas.token.badParameters`. */
  badParameters: {
    status: 400,
    error: 'invalid_request',
    description: 'Bad or missing request parameters.',
  },
  badChannel: { status: 400, error: 'invalid_request', description: 'Bad or missing channel_id.' },
  badContentType: {
    status: 400,
    error: 'invalid_request',
    description: 'Content-Type must be application/x-www-form-urlencoded.',
  },
  unsupportedGrant: {
    status: 400,
    error: 'unsupported_grant_type',
    description: 'Unsupported grant_type.',
  },
  unsupportedHint: {
    status: 400,
    error: 'invalid_request',
    description: 'Unsupported hint: the emulator supports hint=guest.',
  },
  malformedTenant: {
    status: 400,
    error: 'invalid_request',
    description: 'Tenant Id Exception - Must be a well-formed tenantId',
  },
  unknownTenant: { status: 404, error: 'not_found', description: 'Tenant Not Found.' },
  /** Row `slas.token.refreshReused` (any unknown, used, revoked or expired refresh token). */
  invalidRefreshToken: {
    status: 400,
    error: 'invalid_request',
    description: 'Bad or missing refresh token.',
    message: 'invalid refresh_token',
  },
  badRefreshToken: {
    status: 400,
    error: 'invalid_request',
    description: 'Bad or missing refresh token.',
  },
  badToken: {
    status: 400,
    error: 'invalid_request',
    description: 'Bad or missing access token or refresh token',
  },
  /** Row `slas.token.badCode` (unknown/used/expired code, PKCE or redirect_uri mismatch). */
  badCode: {
    status: 400,
    error: 'invalid_grant',
    description: 'Invalid authorization code or code_verifier.',
  },
  /** Rows `slas.login.wrongPassword` and `slas.token.badClientSecret`. */
  basicAuthFailed: {
    status: 401,
    error: 'invalid_client',
    description: 'Basic Authorization failed.',
  },
  /** Row `slas.login.locked`. */
  locked: { status: 401, error: 'invalid_client', description: 'Customer account is locked.' },
  /** Rows `slas.login.strictClientAuthFailed` and `slas.trustedSystem.notAllowed`. */
  authorizationFailed: {
    status: 401,
    error: 'invalid_client',
    description: 'Authorization failed.',
  },
  /** Row `slas.logout.badAccessToken` (also userinfo). */
  badAccessToken: {
    status: 401,
    error: 'invalid_token',
    description: 'Bad or missing access token.',
  },
  userNotFound: { status: 404, error: 'not_found', description: 'User Not Found' },
  notFound: { status: 404, error: 'not_found', description: 'Not Found.' },
  methodNotAllowed: { status: 405, error: 'invalid_request', description: 'Method Not Allowed.' },
  /** Row `slas.login.twiceWithinOneSecond`. */
  loginConflict: {
    status: 409,
    error: 'conflict',
    description: 'The same loginId and tenantId tried to login twice within 1 second.',
  },
  /** Row `slas.trustedSystem.concurrent`. */
  trustedSystemConflict: {
    status: 409,
    error: 'conflict',
    description: 'Conflicting calls for the same login.',
  },
  payloadTooLarge: {
    status: 413,
    error: 'invalid_request',
    description: 'Request body exceeds 65536 bytes.',
  },
  /** Row `gateway.rateLimited`. */
  rateLimited: { status: 429, error: 'too_many_requests', description: 'Rate limit exceeded.' },
  /** Row `gateway.serverError`. */
  serverError: {
    status: 500,
    error: 'server_error',
    description: "The server has encountered a situation that it doesn't know how to handle.",
  },
  /** Row `gateway.unavailable`. */
  gatewayUnavailable: {
    status: 503,
    error: 'gateway_server_error',
    description: 'A service that the server relies on is down or is having difficulty.',
  },
  /** Row `gateway.maintenance` (with header `sfdc_maintenance: system`). */
  maintenance: {
    status: 503,
    error: 'maintenance',
    description: 'The system is down for maintenance.',
  },
} as const satisfies Record<string, SlasErrorSpec>

/** A key of {@link SLAS_ERRORS}. */
export type SlasErrorKind = keyof typeof SLAS_ERRORS

const REASONS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
}

/** `status_code` text, e.g. `"400 BAD_REQUEST"`. */
export function statusCodeText(status: number): string {
  return `${status} ${REASONS[status] ?? 'ERROR'}`
}

/** The SLAS body for a spec: both field families. */
export function slasErrorBody(spec: SlasErrorSpec): Record<string, string> {
  return {
    error: spec.error,
    error_description: spec.description,
    status_code: statusCodeText(spec.status),
    message: spec.message ?? spec.description,
  }
}

/** A SLAS error response (`application/problem+json`, as the spec declares). */
export function slasError(kind: SlasErrorKind, headers: Record<string, string> = {}): Response {
  const spec: SlasErrorSpec = SLAS_ERRORS[kind]
  return json(spec.status, slasErrorBody(spec), headers, 'application/problem+json')
}

const FAULT_DEFAULTS: Record<number, SlasErrorKind> = {
  400: 'badParameters',
  401: 'authorizationFailed',
  404: 'notFound',
  409: 'loginConflict',
  413: 'payloadTooLarge',
  429: 'rateLimited',
  500: 'serverError',
  503: 'gatewayUnavailable',
}

/**
 * The default body of an injected fault with `status` (and response `headers`): the matching
 * wire-shape row (503 + `sfdc_maintenance` → maintenance), else a generic SLAS error.
 */
export function slasFaultBody(
  status: number,
  headers: Record<string, string>,
): Record<string, string> {
  const kind = isMaintenanceFault(status, headers) ? 'maintenance' : FAULT_DEFAULTS[status]
  if (kind) return slasErrorBody(SLAS_ERRORS[kind])
  return slasErrorBody({ status, error: 'error', description: 'Injected fault.' })
}
