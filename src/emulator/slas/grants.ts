/**
 * The code grants (`authorization_code_pkce` for public clients, `authorization_code` with Basic
 * for private ones) and `client_credentials` (private-client guest). Each validates everything
 * first and commits only when the whole request is good, so a bad request never burns a code.
 *
 * @module
 */
import { base64UrlEncode, utf8 } from '../encoding.ts'
import type { RequestContext } from '../router.ts'
import { openSession } from '../sessions.ts'
import { slasError } from '../slasErrors.ts'
import { loginKey } from '../state.ts'
import { knownSite, tokenClientOfForm } from './clients.ts'
import { readParams, required, RULES } from './params.ts'
import { tokenResponse } from './respond.ts'

/** base64url(sha256(verifier)), the S256 PKCE challenge. */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64UrlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(verifier))))
}

/** authorization_code / authorization_code_pkce. */
export async function codeGrant(
  ctx: RequestContext,
  body: URLSearchParams,
  grant: 'authorization_code' | 'authorization_code_pkce',
): Promise<Response> {
  const { core } = ctx
  const who = tokenClientOfForm(core, ctx.request, body)
  if (!who.ok) return who.response
  if (grant === 'authorization_code' && !who.authenticated) return slasError('basicAuthFailed')
  const params = readParams(body, {
    code: RULES.code,
    redirect_uri: RULES.redirectURI,
    code_verifier: RULES.codeVerifier,
    channel_id: required(RULES.channelId),
    usid: RULES.usid,
    dnt: RULES.dnt,
  })
  if (!params.ok) return slasError(params.field === 'channel_id' ? 'badChannel' : 'badParameters')
  const values = params.values
  if (!knownSite(core, values.channel_id)) return slasError('badChannel')
  // The only async step comes first, so the checks and the commit below run without a gap.
  const verifierHash = values.code_verifier && (await pkceChallenge(values.code_verifier))
  const now = core.clock.now()
  const record = core.state.codes.get(values.code)
  if (
    !record ||
    record.used ||
    record.expiresAt <= now ||
    record.clientId !== who.client.clientId ||
    record.redirectURI !== values.redirect_uri ||
    (record.siteId !== undefined && record.siteId !== values.channel_id)
  ) {
    return slasError('badCode')
  }
  // Public clients must prove PKCE; a private client may skip the verifier, not send a wrong one.
  const pkceOk =
    verifierHash === undefined
      ? who.authenticated
      : record.challenge !== undefined && verifierHash === record.challenge
  if (!pkceOk) return slasError('badCode')
  if (values.usid !== undefined && values.usid !== record.usid) return slasError('badParameters')
  const shopper =
    record.login === undefined ? undefined : core.state.shoppers.get(loginKey(record.login))
  if (record.kind === 'registered' && !shopper) return slasError('badCode')

  record.used = true
  const session = openSession(
    core,
    {
      clientId: who.client.clientId,
      usid: record.usid,
      siteId: values.channel_id,
      kind: record.kind,
      sessionType: 'authorize',
      rcid: shopper?.customerId,
      login: shopper?.login,
      uido: record.kind === 'guest' ? 'slas' : 'ecom',
      dnt: values.dnt,
    },
    now,
  )
  return tokenResponse(core, session, now)
}

/** client_credentials: a guest session for a private client (Basic auth). */
export async function clientCredentialsGrant(
  ctx: RequestContext,
  body: URLSearchParams,
): Promise<Response> {
  const { core } = ctx
  const who = tokenClientOfForm(core, ctx.request, body)
  if (!who.ok) return who.response
  if (!who.authenticated) return slasError('basicAuthFailed')
  const params = readParams(body, {
    channel_id: required(RULES.channelId),
    usid: RULES.usid,
    dnt: RULES.dnt,
    hint: RULES.hint,
  })
  if (!params.ok) return slasError(params.field === 'channel_id' ? 'badChannel' : 'badParameters')
  const values = params.values
  if (!knownSite(core, values.channel_id)) return slasError('badChannel')
  // Hinted client_credentials (passwordless, session bridge) are not emulated.
  if (values.hint !== undefined) return slasError('unsupportedHint')
  const now = core.clock.now()
  const session = openSession(
    core,
    {
      clientId: who.client.clientId,
      usid: values.usid ?? crypto.randomUUID(),
      siteId: values.channel_id,
      kind: 'guest',
      sessionType: 'authorize',
      rcid: undefined,
      login: undefined,
      uido: 'slas',
      dnt: values.dnt,
    },
    now,
  )
  return tokenResponse(core, session, now)
}
