/**
 * Customer external profiles: a guest token registers a customer known to an external identity
 * provider; an Account Manager token reads it back by provider and external id. Such customers have
 * no password, so they are not SLAS `/login` shoppers.
 *
 * @module
 */
import { json } from '../http.ts'
import { customerId } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import type { AmCaller, ShopperCaller } from './auth.ts'
import { readJsonObject } from './body.ts'
import { type ExternalProfileRecord, externalProfileKey } from './model.ts'
import { invalidExternalProfile, notFound } from './problems.ts'
import { customerRecord } from './store.ts'
import { type FieldRules, firstInvalid } from './validate.ts'

const ONE_OR_MORE = { type: 'string', min: 1, max: 256 } as const

const RULES: FieldRules = {
  authenticationProviderId: ONE_OR_MORE,
  externalId: ONE_OR_MORE,
  email: ONE_OR_MORE,
  firstName: ONE_OR_MORE,
  lastName: ONE_OR_MORE,
}

function view(profile: ExternalProfileRecord): ExternalProfileRecord {
  return { ...profile }
}

/** registerExternalProfile. */
export async function registerExternalProfile(
  ctx: RequestContext,
  _caller: ShopperCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const request = body.value
  if (firstInvalid(request, RULES, ['authenticationProviderId', 'externalId']) !== undefined) {
    return invalidExternalProfile()
  }
  const providerId = request.authenticationProviderId as string
  const externalId = request.externalId as string
  const key = externalProfileKey(providerId, externalId)
  const state = ctx.core.state
  if (state.externalProfiles.has(key)) {
    return invalidExternalProfile('An external profile with this externalId already exists.')
  }
  const profile: ExternalProfileRecord = {
    authenticationProviderId: providerId,
    externalId,
    customerId: customerId(),
  }
  for (const name of ['email', 'firstName', 'lastName'] as const) {
    const value = request[name]
    if (typeof value === 'string') profile[name] = value
  }
  state.externalProfiles.set(key, profile)
  customerRecord(ctx.core, profile.customerId)
  return json(200, view(profile))
}

/** getExternalProfile. */
export function getExternalProfile(ctx: RequestContext, _caller: AmCaller): Response {
  const query = ctx.url.searchParams
  const externalId = query.get('externalId') ?? ''
  const providerId = query.get('authenticationProviderId') ?? ''
  if (externalId === '' || providerId === '') {
    return invalidExternalProfile('Customer ExternalId URL parameter is not valid.')
  }
  const profile = ctx.core.state.externalProfiles.get(externalProfileKey(providerId, externalId))
  if (!profile) {
    const detail = `No customer with external profile with ID '${externalId}' could be found.`
    return notFound(detail, { externalId })
  }
  return json(200, view(profile))
}
