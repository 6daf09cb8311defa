/**
 * POST `/dwsso/oauth2/access_token` (getAccountManagerToken): the client-credentials grant of
 * Account Manager. Client authentication by Basic header or `client_id` + `client_secret` in the
 * form (both are seen in the wild); `grant_type` in the form or, as some clients send it, in the
 * query string.
 *
 * @module
 */
import { basicCredentials, json } from '../http.ts'
import { uuid } from '../ids.ts'
import { signJwt } from '../jwt.ts'
import type { RequestContext } from '../router.ts'
import { invalidClient, invalidRequest, oauthError } from './errors.ts'

/** Tenant scopes (`SALESFORCE_COMMERCE_API:{tenantId}`) are accepted and echoed, not checked. */
const TENANT_SCOPE = /^SALESFORCE_COMMERCE_API:[A-Za-z0-9_]{1,64}$/

/** Issuer claim of the emulator's Account Manager tokens. */
export const AM_ISSUER = 'https://account.demandware.com:443/dwsso/oauth2'

/** The only value of a parameter in the form, else in the query; `null` when absent or repeated. */
function param(body: URLSearchParams, query: URLSearchParams, name: string): string | null {
  const values = body.getAll(name)
  const all = values.length > 0 ? values : query.getAll(name)
  return all.length === 1 && all[0] !== '' ? (all[0] ?? null) : null
}

/** Who authenticated: Basic wins; a non-Basic Authorization header is a failed authentication. */
function clientCredentials(
  request: Request,
  body: URLSearchParams,
): { id: string; secret: string } | undefined {
  const basic = basicCredentials(request)
  if (basic) return { id: basic.user, secret: basic.password }
  if (request.headers.has('authorization')) return undefined
  const ids = body.getAll('client_id')
  const secrets = body.getAll('client_secret')
  if (ids.length !== 1 || secrets.length !== 1) return undefined
  return { id: ids[0] ?? '', secret: secrets[0] ?? '' }
}

/** getAccountManagerToken. */
export async function getAccountManagerToken(ctx: RequestContext): Promise<Response> {
  const { core } = ctx
  const form = await ctx.form()
  if (!form.ok) {
    if (form.reason === 'tooLarge') return oauthError(413, 'invalid_request', 'Body too large.')
    return invalidRequest(
      form.reason === 'contentType'
        ? 'Content-Type must be application/x-www-form-urlencoded.'
        : 'The request body could not be read.',
    )
  }
  const body = form.params
  const am = core.settings.accountManager
  const client = clientCredentials(ctx.request, body)
  if (!client || client.id !== am.clientId || client.secret !== am.secret) return invalidClient()
  const grant = param(body, ctx.url.searchParams, 'grant_type')
  if (grant === null) return invalidRequest('Missing or repeated grant_type.')
  if (grant !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported.')
  }
  const scopeParam = param(body, ctx.url.searchParams, 'scope')
  const requested = (scopeParam ?? '').split(/\s+/).filter((scope) => scope !== '')
  const unknown = requested.find((scope) => !am.scopes.includes(scope) && !TENANT_SCOPE.test(scope))
  if (unknown !== undefined) return oauthError(400, 'invalid_scope', 'Unknown or forbidden scope.')
  const scopes = requested.length > 0 ? [...new Set(requested)] : [...am.scopes]

  // Everything below is committed after the checks; the state is read before the first await.
  const state = core.state
  const now = core.clock.now()
  const iat = Math.floor(now / 1000)
  const jti = uuid()
  const exp = iat + am.tokenSeconds
  const token = await signJwt(await core.signingKey(), {
    sub: am.clientId,
    client_id: am.clientId,
    aud: am.clientId,
    iss: AM_ISSUER,
    grant_type: 'client_credentials',
    scope: scopes,
    ctx: 'am',
    iat,
    nbf: iat,
    exp,
    jti,
  })
  state.amTokens.set(jti, { jti, token, clientId: am.clientId, scopes, expiresAt: exp * 1000 })
  const answer = {
    access_token: token,
    token_type: 'Bearer',
    expires_in: am.tokenSeconds,
    scope: scopes.join(' '),
  }
  return json(200, answer, { pragma: 'no-cache' })
}
