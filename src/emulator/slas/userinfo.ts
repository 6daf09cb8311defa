/**
 * GET `/oauth2/userinfo` (getUserInfo): OIDC-style claims of the shopper behind a Bearer access
 * token.
 *
 * @module
 */
import { json } from '../http.ts'
import type { RequestContext } from '../router.ts'
import { slasError } from '../slasErrors.ts'
import { loginKey } from '../state.ts'
import { verifyBearer } from '../verify.ts'
import { knownSite } from './clients.ts'
import { readParams, RULES } from './params.ts'

/** getUserInfo. */
export async function getUserInfo(ctx: RequestContext): Promise<Response> {
  const { core } = ctx
  const params = readParams(ctx.url.searchParams, {
    channel_id: RULES.channelId,
    idpValidate: { max: 5, pattern: /^(true|false)$/ },
  })
  if (!params.ok) return slasError(params.field === 'channel_id' ? 'badChannel' : 'badParameters')
  const siteId = params.values.channel_id
  if (siteId !== undefined && !knownSite(core, siteId)) return slasError('badChannel')
  const bearer = await verifyBearer(core, ctx.request)
  if (!bearer.ok) return slasError('badAccessToken')
  const { session } = bearer
  const shopper =
    session.login === undefined ? undefined : core.state.shoppers.get(loginKey(session.login))
  if (!shopper) {
    return json(200, {
      customer_id: session.gcid,
      family_name: 'User',
      given_name: 'Guest',
      name: 'Guest User',
      sub: session.usid,
      validated: false,
    })
  }
  return json(200, {
    customer_id: shopper.customerId,
    email: shopper.email,
    family_name: shopper.lastName,
    given_name: shopper.firstName,
    name: `${shopper.firstName} ${shopper.lastName}`,
    sub: session.usid,
    validated: true,
  })
}
