/**
 * Who may call a Shopper Customers route, checked in the order a gateway would: the bearer token
 * (401, with the "credentials changed" detail for tokens a password, reset or loginId change
 * ended), its scopes (403), the `siteId` query parameter (400), then the customer: a path
 * customerId must be the token's own (400 invalid-customer), guest-only and registered-only
 * operations refuse the other kind.
 *
 * @module
 */
import { verifyAccountManagerBearer } from '../accountManager/verify.ts'
import type { EmulatorCore } from '../core.ts'
import { base64UrlDecode, decodeUtf8 } from '../encoding.ts'
import { authorization } from '../http.ts'
import type { RequestContext } from '../router.ts'
import type { SessionRecord } from '../state.ts'
import { verifyBearer } from '../verify.ts'
import {
  badRequest,
  credentialsChanged,
  customerNotFound,
  forbidden,
  invalidAccessToken,
  invalidCustomer,
  otherCustomer,
} from './problems.ts'

/** A checked value or the answer that refuses the request. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response }

/** Which shoppers an operation accepts. */
export type ShopperKind = 'registered' | 'guest' | 'any'

/** The access rule of a shopper-token route. */
export interface ShopperAccess {
  /** Any one of these in the token's `scp`. */
  scopes: readonly string[]
  who: ShopperKind
}

/** The verified caller of a shopper-token route. */
export interface ShopperCaller {
  session: SessionRecord
  /** The customer the token stands for: `rcid` when registered, else `gcid`. */
  customerId: string
  registered: boolean
  siteId: string
}

/** The verified caller of an Account Manager route. */
export interface AmCaller {
  clientId: string
  siteId: string
}

function refused<T>(response: Response): Outcome<T> {
  return { ok: false, response }
}

/** The `jti` of a token whose signature was already checked (claims decoded, nothing verified). */
function tokenJti(token: string): string | undefined {
  const bytes = base64UrlDecode(token.split('.')[1] ?? '')
  const text = bytes && decodeUtf8(bytes)
  if (text === undefined) return undefined
  try {
    const claims: unknown = JSON.parse(text)
    const jti = typeof claims === 'object' && claims !== null && 'jti' in claims && claims.jti
    return typeof jti === 'string' ? jti : undefined
  } catch {
    return undefined
  }
}

/** The 401 for a refused shopper token: the credentials-changed detail when that is the reason. */
function refusedToken(core: EmulatorCore, request: Request, revoked: boolean): Response {
  if (!revoked) return invalidAccessToken()
  const jti = tokenJti(authorization(request, 'bearer') ?? '')
  const access = jti === undefined ? undefined : core.state.accessTokens.get(jti)
  const changed = access?.revokedBecause === 'credentialsChanged'
  return changed ? credentialsChanged() : invalidAccessToken()
}

/** The required `siteId` query parameter: exactly one, 1–32 characters, a configured site. */
export function siteOf(ctx: RequestContext): Outcome<string> {
  const all = ctx.url.searchParams.getAll('siteId')
  const siteId = all[0]
  if (all.length !== 1 || siteId === undefined || siteId === '' || siteId.length > 32) {
    return refused(badRequest("The query parameter 'siteId' is required (1 to 32 characters)."))
  }
  if (!ctx.core.settings.siteIds.includes(siteId)) {
    return refused(badRequest(`No site with ID '${siteId}' is configured.`))
  }
  return { ok: true, value: siteId }
}

function hasScope(granted: readonly string[], accepted: readonly string[]): boolean {
  return accepted.some((scope) => granted.includes(scope))
}

const MISSING_SCOPE = 'Your access-token is valid, but it lacks a scope this operation requires.'

/** Checks a shopper (SLAS) token against `access` and the path's customerId. */
export async function authorizeShopper(
  ctx: RequestContext,
  access: ShopperAccess,
): Promise<Outcome<ShopperCaller>> {
  const { core } = ctx
  const check = await verifyBearer(core, ctx.request)
  if (!check.ok) return refused(refusedToken(core, ctx.request, check.problem === 'revoked'))
  const scp = typeof check.claims.scp === 'string' ? check.claims.scp.split(' ') : []
  if (!hasScope(scp, access.scopes)) return refused(forbidden(MISSING_SCOPE))
  const site = siteOf(ctx)
  if (!site.ok) return site
  const { session } = check
  const registered = session.kind === 'registered' && session.rcid !== undefined
  const customerId = registered ? (session.rcid ?? session.gcid) : session.gcid
  if (access.who === 'guest' && registered) return refused(invalidCustomer())
  const pathCustomer = ctx.params.customerId
  if (pathCustomer !== undefined && pathCustomer !== customerId) return refused(otherCustomer())
  // A guest has no registered profile to read or change: there is no such customer.
  if (access.who === 'registered' && !registered) return refused(customerNotFound(customerId))
  return { ok: true, value: { session, customerId, registered, siteId: site.value } }
}

/** Checks an Account Manager token (`AmOAuth2`) for `scopes`. */
export async function authorizeAccountManager(
  ctx: RequestContext,
  scopes: readonly string[],
): Promise<Outcome<AmCaller>> {
  const check = await verifyAccountManagerBearer(ctx.core, ctx.request)
  if (!check.ok) return refused(invalidAccessToken())
  if (!hasScope(check.record.scopes, scopes)) return refused(forbidden(MISSING_SCOPE))
  const site = siteOf(ctx)
  if (!site.ok) return site
  return { ok: true, value: { clientId: check.record.clientId, siteId: site.value } }
}
