/**
 * POST `/oauth2/trusted-system/token` (getTrustedSystemAccessToken): a private client with scope
 * `sfcc.ts_ext_on_behalf_of` gets a token on behalf of a shopper (`login_id`, or the literal
 * `guest`). Concurrent calls for the same login answer 409.
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import { TRUSTED_SYSTEM_SCOPE } from '../seed.ts'
import { openSession } from '../sessions.ts'
import { slasError } from '../slasErrors.ts'
import { loginKey } from '../state.ts'
import { findClient, formProblem, knownSite, privateClient } from './clients.ts'
import { readParams, required, RULES } from './params.ts'
import { tokenResponse } from './respond.ts'

/** The `idp_origin` values of the spec's enum. */
export const IDP_ORIGINS: readonly string[] = [
  'apple',
  'auth0',
  'azure',
  'azure_adb2c',
  'cognito',
  'default',
  'ecom',
  'facebook',
  'forgerock',
  'gigya',
  'gigya_socialize',
  'google',
  'okta',
  'ping',
  'salesforce',
]

/** getTrustedSystemAccessToken. */
export async function getTrustedSystemAccessToken(ctx: RequestContext): Promise<Response> {
  const { core } = ctx
  const form = await ctx.form()
  if (!form.ok) return formProblem(form)
  const body = form.params
  const id = readParams(body, { client_id: RULES.clientId })
  const client = id.ok ? findClient(core, id.values.client_id) : undefined
  if (!client) return slasError('badClientId')
  // SLAS rejects public client ids outright.
  if (client.type === 'public') return slasError('authorizationFailed')
  const who = privateClient(core, ctx.request)
  if (!who.ok) return who.response
  if (who.client.clientId !== client.clientId) return slasError('basicAuthFailed')
  if (!client.scopes.includes(TRUSTED_SYSTEM_SCOPE)) return slasError('authorizationFailed')
  const params = readParams(body, {
    grant_type: { required: true, max: 64 },
    hint: required(RULES.hint),
    login_id: RULES.loginId,
    idp_origin: { required: true, max: 32 },
    channel_id: required(RULES.channelId),
    email_id: { max: 256 },
    usid: RULES.usid,
    dnt: RULES.dnt,
  })
  if (!params.ok) return slasError(params.field === 'channel_id' ? 'badChannel' : 'badParameters')
  const values = params.values
  if (values.grant_type !== 'client_credentials') return slasError('unsupportedGrant')
  if (values.hint !== 'ts_ext_on_behalf_of') return slasError('badParameters')
  if (!IDP_ORIGINS.includes(values.idp_origin)) return slasError('badParameters')
  if (!knownSite(core, values.channel_id)) return slasError('badChannel')
  const guest = values.login_id.toLowerCase() === 'guest'
  const key = loginKey(values.login_id)
  const shopper = guest ? undefined : core.state.shoppers.get(key)
  if (!guest && !shopper) return slasError('userNotFound')
  // Guests are anonymous: only calls for the same registered login conflict.
  const inFlight = core.state.trustedSystemInFlight
  if (!guest && inFlight.has(key)) return slasError('trustedSystemConflict')

  const now = core.clock.now()
  const session = openSession(
    core,
    {
      clientId: client.clientId,
      usid: values.usid ?? crypto.randomUUID(),
      siteId: values.channel_id,
      kind: guest ? 'guest' : 'registered',
      sessionType: 'tsob',
      rcid: shopper?.customerId,
      login: shopper?.login,
      uido: guest ? 'slas' : values.idp_origin,
      dnt: values.dnt,
    },
    now,
  )
  if (guest) return tokenResponse(core, session, now)
  inFlight.add(key)
  try {
    return await tokenResponse(core, session, now)
  } finally {
    inFlight.delete(key)
  }
}
