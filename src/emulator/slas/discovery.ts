/**
 * GET `/oauth2/jwks` (getJwksUri) and GET `/oauth2/.well-known/openid-configuration`
 * (getWellknownOpenidConfiguration).
 *
 * @module
 */
import { json } from '../http.ts'
import { jwks } from '../jwt.ts'
import type { RequestContext } from '../router.ts'

/** getJwksUri: the public key(s); cacheable like the real one. */
export async function getJwksUri(ctx: RequestContext): Promise<Response> {
  return json(200, jwks(await ctx.core.signingKeys()), { 'cache-control': 'public, max-age=86400' })
}

/** getWellknownOpenidConfiguration: endpoints on the origin the request came to. */
export async function getWellknownOpenidConfiguration(ctx: RequestContext): Promise<Response> {
  const { organizationId } = ctx.core.settings
  const base = `${ctx.url.origin}/shopper/auth/v1/organizations/${organizationId}/oauth2`
  return json(200, {
    issuer: base,
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/token`,
    jwks_uri: `${base}/jwks`,
    revocation_endpoint: `${base}/revoke`,
    introspection_endpoint: `${base}/introspect`,
    userinfo_endpoint: `${base}/userinfo`,
    end_session_endpoint: `${base}/logout`,
    grant_types_supported: [
      'authorization_code',
      'authorization_code_pkce',
      'client_credentials',
      'refresh_token',
    ],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
    id_token_signing_alg_values_supported: ['ES256'],
    scopes_supported: ['email', 'openid', 'profile', 'offline_access'],
    subject_types_supported: ['public'],
    claims_supported: ['email', 'name', 'given_name', 'family_name', 'sub'],
  })
}
