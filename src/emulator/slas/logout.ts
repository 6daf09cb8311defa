/**
 * GET `/oauth2/logout` (logoutCustomer): Bearer access token + refresh token; ends that session, or
 * with `hint=all-sessions` every session of the same customer and session type.
 *
 * @module
 */
import { json } from '../http.ts'
import type { RequestContext } from '../router.ts'
import { endSession, findRefresh, refreshStatus } from '../sessions.ts'
import { slasError } from '../slasErrors.ts'
import type { SessionRecord } from '../state.ts'
import { verifyBearer } from '../verify.ts'
import { findClient, knownSite } from './clients.ts'
import { emptiedTokenResponse } from './empty.ts'
import { readParams, RULES } from './params.ts'

function sameCustomer(a: SessionRecord, b: SessionRecord): boolean {
  if (a.kind !== b.kind || a.sessionType !== b.sessionType) return false
  return a.kind === 'registered' ? a.rcid === b.rcid : a.gcid === b.gcid
}

/** logoutCustomer. */
export async function logoutCustomer(ctx: RequestContext): Promise<Response> {
  const { core } = ctx
  const query = ctx.url.searchParams
  const id = readParams(query, { client_id: RULES.clientId })
  const client = id.ok ? findClient(core, id.values.client_id) : undefined
  if (!client) return slasError('badClientId')
  const params = readParams(query, {
    refresh_token: RULES.refreshToken,
    channel_id: RULES.channelId,
    hint: RULES.hint,
  })
  if (!params.ok) {
    if (params.field === 'refresh_token') return slasError('badRefreshToken')
    return slasError(params.field === 'channel_id' ? 'badChannel' : 'badParameters')
  }
  const values = params.values
  if (values.channel_id !== undefined && !knownSite(core, values.channel_id))
    return slasError('badChannel')
  // SLAS fails a logout with any hint other than all-sessions.
  if (values.hint !== undefined && values.hint !== 'all-sessions') return slasError('badParameters')
  const bearer = await verifyBearer(core, ctx.request)
  if (!bearer.ok || bearer.session.clientId !== client.clientId) return slasError('badAccessToken')
  const now = core.clock.now()
  const found = findRefresh(core.state, values.refresh_token)
  if (
    !found ||
    found.session.clientId !== client.clientId ||
    found.session.usid !== bearer.session.usid ||
    refreshStatus(found, now) !== 'active'
  ) {
    return slasError('badRefreshToken')
  }

  bearer.access.revoked = true
  endSession(core.state, found.session, { accessTokens: true })
  if (values.hint === 'all-sessions') {
    for (const session of core.state.sessions.values()) {
      if (sameCustomer(session, found.session))
        endSession(core.state, session, { accessTokens: true })
    }
  }
  return json(200, emptiedTokenResponse())
}
