/**
 * The `refresh_token` grant: public clients get a new refresh token on every refresh and a reused
 * one fails (optionally ending the whole chain); private clients keep theirs (SLAS getAccessToken).
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import { endSession, findRefresh, refreshStatus, rotateRefresh } from '../sessions.ts'
import { slasError } from '../slasErrors.ts'
import { knownSite, tokenClientOfForm } from './clients.ts'
import { readParams, required, RULES } from './params.ts'
import { tokenResponse } from './respond.ts'

/** refresh_token grant. */
export async function refreshGrant(ctx: RequestContext, body: URLSearchParams): Promise<Response> {
  const { core } = ctx
  const who = tokenClientOfForm(core, ctx.request, body)
  if (!who.ok) return who.response
  const params = readParams(body, {
    refresh_token: RULES.refreshToken,
    channel_id: required(RULES.channelId),
    dnt: RULES.dnt,
  })
  if (!params.ok) {
    if (params.field === 'channel_id') return slasError('badChannel')
    return slasError(params.field === 'refresh_token' ? 'invalidRefreshToken' : 'badParameters')
  }
  const values = params.values
  if (!knownSite(core, values.channel_id)) return slasError('badChannel')
  const now = core.clock.now()
  const found = findRefresh(core.state, values.refresh_token)
  if (!found || found.session.clientId !== who.client.clientId)
    return slasError('invalidRefreshToken')
  // A session belongs to one site; refreshing it for another is a bad request, not a new session.
  if (found.session.siteId !== values.channel_id) return slasError('badChannel')
  const status = refreshStatus(found, now)
  if (status === 'reused') {
    if (core.settings.refreshTokenReuse === 'revokeFamily') {
      endSession(core.state, found.session, { accessTokens: false })
    }
    return slasError('invalidRefreshToken')
  }
  if (status === 'ended') return slasError('invalidRefreshToken')

  if (who.client.type === 'public') rotateRefresh(core, found.session, now)
  if (values.dnt !== undefined) found.session.dnt = values.dnt
  return tokenResponse(core, found.session, now)
}
