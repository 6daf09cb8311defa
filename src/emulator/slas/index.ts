/**
 * The SLAS module: routes under `/shopper/auth/v1/organizations/{organizationId}/oauth2/`, the
 * organization check, and SLAS-shaped error answers.
 *
 * @module
 */
import type { ApiModule, RequestContext, Route } from '../router.ts'
import { slasError, slasFaultBody } from '../slasErrors.ts'
import { json } from '../http.ts'
import { authorizeCustomer } from './authorize.ts'
import { getJwksUri, getWellknownOpenidConfiguration } from './discovery.ts'
import { authenticateCustomer } from './login.ts'
import { logoutCustomer } from './logout.ts'
import { getAccessToken } from './token.ts'
import { introspectToken, revokeToken } from './tokenActions.ts'
import { getTrustedSystemAccessToken } from './trustedSystem.ts'
import { getUserInfo } from './userinfo.ts'

/** Path prefix of every SLAS route. */
export const SLAS_PREFIX = '/shopper/auth/v1/'

const BASE = `${SLAS_PREFIX}organizations/:organizationId/oauth2`

/** The SLAS operations the emulator serves. */
export const SLAS_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: `${BASE}/authorize`,
    operation: 'authorizeCustomer',
    handle: authorizeCustomer,
  },
  {
    method: 'POST',
    path: `${BASE}/login`,
    operation: 'authenticateCustomer',
    handle: authenticateCustomer,
  },
  { method: 'POST', path: `${BASE}/token`, operation: 'getAccessToken', handle: getAccessToken },
  { method: 'GET', path: `${BASE}/logout`, operation: 'logoutCustomer', handle: logoutCustomer },
  { method: 'POST', path: `${BASE}/revoke`, operation: 'revokeToken', handle: revokeToken },
  {
    method: 'POST',
    path: `${BASE}/introspect`,
    operation: 'introspectToken',
    handle: introspectToken,
  },
  { method: 'GET', path: `${BASE}/userinfo`, operation: 'getUserInfo', handle: getUserInfo },
  { method: 'GET', path: `${BASE}/jwks`, operation: 'getJwksUri', handle: getJwksUri },
  {
    method: 'GET',
    path: `${BASE}/.well-known/openid-configuration`,
    operation: 'getWellknownOpenidConfiguration',
    handle: getWellknownOpenidConfiguration,
  },
  {
    method: 'POST',
    path: `${BASE}/trusted-system/token`,
    operation: 'getTrustedSystemAccessToken',
    handle: getTrustedSystemAccessToken,
  },
]

/** The organizationId pattern of the SLAS OpenAPI. */
const ORGANIZATION_ID = /^f_ecom_[a-z]{4}_(prd|stg|dev|s[0-9]{2}|[0-9]{3})$/

/** Unknown but well-formed organization → 404; malformed → 400 MalformedTenantId. */
function checkOrganization(ctx: RequestContext): Response | undefined {
  const organizationId = ctx.params.organizationId ?? ''
  if (organizationId === ctx.core.settings.organizationId) return undefined
  const wellFormed = organizationId.length <= 32 && ORGANIZATION_ID.test(organizationId)
  return slasError(wellFormed ? 'unknownTenant' : 'malformedTenant')
}

/** The SLAS module for the router. */
export const slasModule: ApiModule = {
  name: 'slas',
  prefix: SLAS_PREFIX,
  routes: SLAS_ROUTES,
  guard: checkOrganization,
  rateLimited: true,
  errors: {
    notFound: () => slasError('notFound'),
    methodNotAllowed: (allow) => slasError('methodNotAllowed', { allow: allow.join(', ') }),
    internal: () => slasError('serverError'),
    rateLimited: (seconds) => slasError('rateLimited', { 'retry-after': String(seconds) }),
    fault: (status, headers) =>
      json(status, slasFaultBody(status, headers), headers, 'application/problem+json'),
  },
}
