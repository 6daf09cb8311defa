/**
 * Who is calling a basket route: the bearer token (verified with `verifyBearer`), its scopes, the
 * `siteId` query parameter, the customer the token stands for, and the "previous customer" that
 * merge and transfer need.
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import { type CustomerKind, type EmulatorState, loginKey, type SessionRecord } from '../state.ts'
import { verifyBearer } from '../verify.ts'
import { basketErrors } from './errors.ts'

/** Scopes that allow reading baskets (any one of these). */
const READ_SCOPES = [
  'sfcc.shopper-baskets-orders',
  'sfcc.shopper-baskets-orders.rw',
  'sfcc.shopper-standard',
]
/** Scopes that allow changing baskets. */
const WRITE_SCOPES = ['sfcc.shopper-baskets-orders.rw', 'sfcc.shopper-standard']

/** The verified caller of a basket route. */
export interface BasketCaller {
  /** `gcid` for guests, `rcid` for registered shoppers. */
  customerId: string
  kind: CustomerKind
  session: SessionRecord
  siteId: string
}

/** Outcome of {@link basketCaller}. */
export type CallerCheck = { ok: true; caller: BasketCaller } | { ok: false; response: Response }

/** The customer a session stands for. */
export function sessionCustomerId(session: SessionRecord): string {
  return session.kind === 'guest' ? session.gcid : (session.rcid ?? session.gcid)
}

/**
 * Checks the bearer token (401), its scopes (403) and `siteId` (400, required on every basket
 * route), in that order.
 */
export async function basketCaller(
  ctx: RequestContext,
  access: 'read' | 'write',
): Promise<CallerCheck> {
  const check = await verifyBearer(ctx.core, ctx.request)
  if (!check.ok) return { ok: false, response: basketErrors.invalidAccessToken() }
  const scopes = typeof check.claims.scp === 'string' ? check.claims.scp.split(' ') : []
  const wanted = access === 'read' ? READ_SCOPES : WRITE_SCOPES
  if (!wanted.some((scope) => scopes.includes(scope))) {
    return { ok: false, response: basketErrors.insufficientScope() }
  }
  const siteId = ctx.url.searchParams.get('siteId')
  if (siteId === null || siteId === '') {
    return {
      ok: false,
      response: basketErrors.badRequest("The query parameter 'siteId' is required."),
    }
  }
  if (siteId.length > 32 || !ctx.core.settings.siteIds.includes(siteId)) {
    return {
      ok: false,
      response: basketErrors.badRequest("The query parameter 'siteId' names no known site."),
    }
  }
  const session = check.session
  return {
    ok: true,
    caller: { customerId: sessionCustomerId(session), kind: session.kind, session, siteId },
  }
}

/**
 * The previous (guest) customer of a registered session: the guest customer of the usid, when a
 * guest session of that usid and guest customer existed (the guest usid was passed to `/login` and
 * `/token`). Guests and registered logins that started a fresh usid have none.
 */
export function previousCustomer(state: EmulatorState, session: SessionRecord): string | undefined {
  if (session.kind !== 'registered') return undefined
  for (const other of state.sessions.values()) {
    if (other.kind === 'guest' && other.usid === session.usid && other.gcid === session.gcid) {
      return session.gcid
    }
  }
  return undefined
}

/** The registered shopper behind a session, if any. */
export function shopperOf(state: EmulatorState, session: SessionRecord) {
  if (session.kind !== 'registered' || session.login === undefined) return undefined
  return state.shoppers.get(loginKey(session.login))
}
