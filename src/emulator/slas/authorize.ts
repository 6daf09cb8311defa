/**
 * GET `/oauth2/authorize` (authorizeCustomer). The emulator has no identity provider UI, so it
 * supports `hint=guest`: the code is issued at once.
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import { slasError } from '../slasErrors.ts'
import { codeRequestClient, knownSite } from './clients.ts'
import { issueCode, redirectWithCode } from './codes.ts'
import { readParams, RULES } from './params.ts'

/** authorizeCustomer: validate everything, then issue the code and answer 303. */
export async function authorizeCustomer(ctx: RequestContext): Promise<Response> {
  const query = ctx.url.searchParams
  const who = codeRequestClient(ctx.core, ctx.request, query)
  if (!who.ok) return who.response
  const { client, redirectURI } = who
  const params = readParams(query, {
    response_type: { required: true, max: 16 },
    code_challenge: RULES.codeChallenge,
    channel_id: RULES.channelId,
    state: RULES.state,
    usid: RULES.usidAuthorize,
    hint: RULES.hint,
    scope: RULES.scope,
    ui_locales: { max: 256 },
  })
  if (!params.ok) return slasError(params.field === 'channel_id' ? 'badChannel' : 'badParameters')
  const values = params.values
  if (values.response_type !== 'code') return slasError('badParameters')
  if (values.channel_id !== undefined && !knownSite(ctx.core, values.channel_id)) {
    return slasError('badChannel')
  }
  // Public clients prove possession with PKCE; private clients authenticate at /token instead.
  if (client.type === 'public' && values.code_challenge === undefined)
    return slasError('badParameters')
  if (values.hint !== 'guest') return slasError('unsupportedHint')
  const record = issueCode(ctx.core, {
    clientId: client.clientId,
    redirectURI: redirectURI,
    challenge: values.code_challenge,
    usid: values.usid,
    siteId: values.channel_id,
    kind: 'guest',
    login: undefined,
  })
  return redirectWithCode(record, values.state)
}
