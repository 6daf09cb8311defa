/**
 * getCustomerBaskets and getCustomerOrders: the open baskets of the customer on the request's site
 * (read from the Shopper Baskets state), and a page of the customer's orders (`control.seedOrders`;
 * the emulator has no checkout). Guests and registered shoppers alike.
 *
 * @module
 */
import { basketsOf, basketToWire } from '../baskets/model.ts'
import { json } from '../http.ts'
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { badRequest } from './problems.ts'

/** getCustomerBaskets. */
export function getCustomerBaskets(ctx: RequestContext, caller: ShopperCaller): Response {
  const baskets = basketsOf(ctx.core.state.baskets, caller.customerId, caller.siteId)
  return json(200, { baskets: baskets.map(basketToWire), total: baskets.length })
}

/** An integer query parameter in `[min, max]`; `fallback` when absent, `undefined` when bad. */
function integerParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number | undefined {
  const all = query.getAll(name)
  if (all.length === 0) return fallback
  const raw = all[0] ?? ''
  if (all.length > 1 || !/^\d{1,10}$/.test(raw)) return undefined
  const value = Number(raw)
  return value >= min && value <= max ? value : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** getCustomerOrders: `limit` 1–50 (default 10), `offset` ≥ 0, `from`, `until`, `status`. */
export function getCustomerOrders(ctx: RequestContext, caller: ShopperCaller): Response {
  const query = ctx.url.searchParams
  const limit = integerParam(query, 'limit', 10, 1, 50)
  if (limit === undefined) return badRequest("The query parameter 'limit' must be 1 to 50.")
  const offset = integerParam(query, 'offset', 0, 0, 2_147_483_647)
  if (offset === undefined) return badRequest("The query parameter 'offset' must be 0 or more.")
  const from = query.get('from')
  const until = query.get('until')
  const status = query.get('status')
  for (const [name, value] of [
    ['from', from],
    ['until', until],
  ] as const) {
    if (value !== null && Number.isNaN(Date.parse(value))) {
      return badRequest(`The query parameter '${name}' must be a date.`)
    }
  }
  const all = ctx.core.state.orders.get(caller.customerId) ?? []
  const matching = all.filter((order) => {
    const created = Date.parse(text(order.creationDate) ?? '')
    if (from !== null && !(created >= Date.parse(from))) return false
    if (until !== null && !(created <= Date.parse(until))) return false
    return status === null || order.status === status
  })
  const data = matching.slice(offset, offset + limit).map((order) => ({ ...order }))
  return json(200, { limit, offset, total: matching.length, data })
}
