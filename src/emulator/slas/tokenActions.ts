/**
 * POST `/oauth2/revoke` (revokeToken) and POST `/oauth2/introspect` (introspectToken), both for
 * private clients with Basic auth. A token of another client counts as unknown.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import { json } from '../http.ts'
import type { EmulatorClient } from '../options.ts'
import type { RequestContext } from '../router.ts'
import { endSession, findRefresh, refreshStatus } from '../sessions.ts'
import { slasError } from '../slasErrors.ts'
import { loginKey } from '../state.ts'
import { verifyAccessToken } from '../verify.ts'
import { formProblem, privateClient } from './clients.ts'
import { emptiedTokenResponse } from './empty.ts'
import { readParams, RULES } from './params.ts'

type Parsed =
  | { ok: true; client: EmulatorClient; token: string; hint: string | undefined }
  | { ok: false; response: Response }

async function parse(ctx: RequestContext): Promise<Parsed> {
  const form = await ctx.form()
  if (!form.ok) return { ok: false, response: formProblem(form) }
  const who = privateClient(ctx.core, ctx.request)
  if (!who.ok) return who
  const params = readParams(form.params, { token: RULES.token, token_type_hint: { max: 32 } })
  if (!params.ok)
    return {
      ok: false,
      response: slasError(params.field === 'token' ? 'badToken' : 'badParameters'),
    }
  const hint = params.values.token_type_hint
  if (hint !== undefined && hint !== 'access_token' && hint !== 'refresh_token') {
    return { ok: false, response: slasError('badParameters') }
  }
  return { ok: true, client: who.client, token: params.values.token, hint }
}

function ownRefresh(core: EmulatorCore, client: EmulatorClient, token: string) {
  const found = findRefresh(core.state, token)
  return found && found.session.clientId === client.clientId ? found : undefined
}

/**
 * revokeToken: ends a refresh token's session, or revokes one access token. Unknown tokens get
 * 200 (RFC 7009).
 */
export async function revokeToken(ctx: RequestContext): Promise<Response> {
  const parsed = await parse(ctx)
  if (!parsed.ok) return parsed.response
  const { core } = ctx
  const found = ownRefresh(core, parsed.client, parsed.token)
  if (found) {
    if (found.record.status === 'active')
      endSession(core.state, found.session, { accessTokens: false })
    return json(200, emptiedTokenResponse(parsed.token))
  }
  const access = await verifyAccessToken(core, parsed.token)
  if (access.ok && access.session.clientId === parsed.client.clientId) access.access.revoked = true
  return json(200, emptiedTokenResponse())
}

/** introspectToken: RFC 7662 style; anything not active is `{"active":false}`. */
export async function introspectToken(ctx: RequestContext): Promise<Response> {
  const parsed = await parse(ctx)
  if (!parsed.ok) return parsed.response
  const { core } = ctx
  const { tenantId } = core.settings
  const now = core.clock.now()
  const found = ownRefresh(core, parsed.client, parsed.token)
  if (found) {
    if (refreshStatus(found, now) !== 'active') return json(200, { active: false })
    const { session } = found
    const shopper =
      session.login === undefined ? undefined : core.state.shoppers.get(loginKey(session.login))
    const upn = session.kind === 'guest' ? 'Guest' : (session.login ?? '')
    const uidn = shopper ? `${shopper.firstName} ${shopper.lastName}` : 'Guest User'
    return json(200, {
      active: true,
      client_id: session.clientId,
      exp: Math.floor(session.refreshExpiresAt / 1000),
      iat: Math.floor(found.record.issuedAt / 1000),
      iss: `slas/dev/${tenantId}`,
      scope: 'offline_access openid',
      sub: `usid:${session.usid}::uido:${session.uido}::upn:${upn}::uidn:${uidn}`,
      token_type: 'refresh_token',
      usid: session.usid,
    })
  }
  const access = await verifyAccessToken(core, parsed.token)
  if (!access.ok || access.session.clientId !== parsed.client.clientId)
    return json(200, { active: false })
  const { claims } = access
  return json(200, {
    active: true,
    client_id: access.session.clientId,
    exp: claims.exp,
    iat: claims.iat,
    iss: claims.iss,
    scope: claims.scp,
    sub: claims.sub,
    token_type: 'access_token',
    usid: access.session.usid,
  })
}
