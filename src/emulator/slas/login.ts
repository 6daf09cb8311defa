/**
 * POST `/oauth2/login` (authenticateCustomer): B2C Commerce shopper login with Basic shopper
 * credentials, PKCE, the usid to keep, lockout and the 1-second conflict rule.
 *
 * @module
 */
import { basicCredentials } from '../http.ts'
import type { RequestContext } from '../router.ts'
import { slasError } from '../slasErrors.ts'
import { type LoginRecord, loginKey } from '../state.ts'
import { codeRequestClient, formProblem, knownSite } from './clients.ts'
import { issueCode, redirectWithCode } from './codes.ts'
import { readParams, required, RULES } from './params.ts'

/** authenticateCustomer: validate the request, then judge the credentials. */
export async function authenticateCustomer(ctx: RequestContext): Promise<Response> {
  const form = await ctx.form()
  if (!form.ok) return formProblem(form)
  const body = form.params
  const who = codeRequestClient(ctx.core, ctx.request, body)
  if (!who.ok) return who.response
  const { client, redirectURI } = who
  const params = readParams(body, {
    channel_id: required(RULES.channelId),
    code_challenge: RULES.codeChallenge,
    usid: RULES.usid,
    state: RULES.state,
    scope: RULES.scope,
    response_type: { max: 16 },
  })
  if (!params.ok) return slasError(params.field === 'channel_id' ? 'badChannel' : 'badParameters')
  const values = params.values
  if (!knownSite(ctx.core, values.channel_id)) return slasError('badChannel')
  if (values.response_type !== undefined && values.response_type !== 'code') {
    return slasError('badParameters')
  }
  if (client.type === 'public' && values.code_challenge === undefined)
    return slasError('badParameters')
  const credentials = basicCredentials(ctx.request)
  if (!credentials || credentials.user === '' || credentials.user.length > 128) {
    return slasError('basicAuthFailed')
  }

  const { state, settings, clock } = ctx.core
  const now = clock.now()
  const key = loginKey(credentials.user)
  const record: LoginRecord = state.logins.get(key) ?? {
    failures: 0,
    lockedUntil: 0,
    lastLoginAt: undefined,
  }
  state.logins.set(key, record)
  if (record.lockedUntil > now) return slasError('locked')
  if (record.lockedUntil !== 0) {
    record.lockedUntil = 0
    record.failures = 0
  }
  const shopper = state.shoppers.get(key)
  if (!shopper || shopper.password !== credentials.password) {
    // Unknown logins count too, so the answers do not reveal which logins exist.
    record.failures += 1
    const { maxAttempts, lockSeconds } = settings.lockout
    if (maxAttempts > 0 && record.failures >= maxAttempts) {
      record.lockedUntil = now + lockSeconds * 1000
      return slasError('locked')
    }
    return slasError('basicAuthFailed')
  }
  // The conflict is about two sessions starting at once: only a second *successful* login within
  // the window is refused, and the refused one neither moves the window nor resets the counter.
  const window = settings.loginConflictWindowMs
  if (window > 0 && record.lastLoginAt !== undefined && now - record.lastLoginAt < window) {
    return slasError('loginConflict')
  }
  record.failures = 0
  record.lastLoginAt = now
  const code = issueCode(ctx.core, {
    clientId: client.clientId,
    redirectURI: redirectURI,
    challenge: values.code_challenge,
    usid: values.usid,
    siteId: values.channel_id,
    kind: 'registered',
    login: shopper.login,
  })
  return redirectWithCode(code, values.state)
}
