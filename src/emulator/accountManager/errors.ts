/**
 * Account Manager error answers: OAuth 2.0 JSON bodies (`error`, `error_description`), as its token
 * endpoint answers (401 `invalid_client` on bad client credentials, RFC 6749 section 5.2).
 *
 * @module
 */
import { json } from '../http.ts'
import type { ApiErrors } from '../router.ts'

/** An OAuth error answer. */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return json(status, { error, error_description: description }, headers)
}

/** Bad, missing or wrong client credentials. */
export function invalidClient(): Response {
  // RFC 6749 section 5.2: a failed Basic client authentication answers a Basic challenge.
  return oauthError(401, 'invalid_client', 'Client authentication failed.', {
    'www-authenticate': 'Basic realm="dwsso"',
  })
}

/** A request that is not a well-formed token request. */
export function invalidRequest(description: string): Response {
  return oauthError(400, 'invalid_request', description)
}

const FAULTS: Readonly<Record<number, [string, string]>> = {
  400: ['invalid_request', 'The request is invalid.'],
  401: ['invalid_client', 'Client authentication failed.'],
  404: ['not_found', 'Not Found.'],
  429: ['too_many_requests', 'Rate limit exceeded.'],
  500: [
    'server_error',
    "The server has encountered a situation that it doesn't know how to handle.",
  ],
  503: ['temporarily_unavailable', 'The service is temporarily unavailable.'],
}

function byStatus(status: number, headers: Record<string, string> = {}): Response {
  const [error, description] = FAULTS[status] ?? ['error', 'Injected fault.']
  return oauthError(status, error, description, headers)
}

/** The module's generic answers (router 404/405, 500, 429, injected faults). */
export const ACCOUNT_MANAGER_ERRORS: ApiErrors = {
  notFound: () => byStatus(404),
  methodNotAllowed: (allow) =>
    oauthError(405, 'invalid_request', 'Method Not Allowed.', { allow: allow.join(', ') }),
  internal: () => byStatus(500),
  rateLimited: (seconds) => byStatus(429, { 'retry-after': String(seconds) }),
  fault: (status, headers) => byStatus(status, headers),
}
