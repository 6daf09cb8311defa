/**
 * mergeBasket and transferBasket: move the previous (guest) shopper's basket to the current
 * registered shopper. Both need a registered token whose login carried the guest usid (else 403);
 * their 403/409 answers are `application/json`.
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import { booleanQuery, enumQuery } from './body.ts'
import { basketErrors } from './errors.ts'
import { MERGE_MODES, mergeInto } from './items.ts'
import { type BasketRecord, basketsOf } from './model.ts'
import { basketResponse, newBasket } from './routes.ts'
import { type BasketCaller, basketCaller, previousCustomer, shopperOf } from './shopper.ts'

interface Parties {
  caller: BasketCaller
  previous: string
  source: BasketRecord | undefined
  current: BasketRecord | undefined
}

/** The caller, its previous customer and both open baskets; 401/403/400 as answers. */
async function parties(
  ctx: RequestContext,
): Promise<{ ok: true; parties: Parties } | { ok: false; response: Response }> {
  const who = await basketCaller(ctx, 'write')
  if (!who.ok) return who
  const { caller } = who
  const state = ctx.core.state
  const previous = previousCustomer(state, caller.session)
  if (previous === undefined) return { ok: false, response: basketErrors.noPreviousCustomer() }
  return {
    ok: true,
    parties: {
      caller,
      previous,
      source: basketsOf(state.baskets, previous, caller.siteId)[0],
      current: basketsOf(state.baskets, caller.customerId, caller.siteId)[0],
    },
  }
}

/** Makes the registered caller the owner of `basket` (no other values change). */
function transferOwner(
  ctx: RequestContext,
  basket: BasketRecord,
  caller: BasketCaller,
  now: number,
) {
  const shopper = shopperOf(ctx.core.state, caller.session)
  basket.customerId = caller.customerId
  basket.customerInfo = {
    ...basket.customerInfo,
    email: basket.customerInfo.email ?? shopper?.email,
    customerNo: shopper?.customerNo ?? basket.customerInfo.customerNo,
  }
  basket.lastModified = now
}

/**
 * POST /baskets/actions/merge: copies the previous shopper's lines, shipments and custom
 * attributes (no customer information) into the current basket and deletes the previous basket.
 */
export async function mergeBasket(ctx: RequestContext): Promise<Response> {
  const create = booleanQuery(ctx.url, 'createDestinationBasket', false)
  if (!create.ok) return create.response
  const mode = enumQuery(ctx.url, 'productItemMergeMode', MERGE_MODES, 'higher_quantity')
  if (!mode.ok) return mode.response
  const found = await parties(ctx)
  if (!found.ok) return found.response
  const { caller, previous, source } = found.parties
  const { state, clock } = ctx.core
  if (!source) return basketErrors.noSourceBasket(previous)
  const now = clock.now()
  let current = found.parties.current
  if (!current) {
    if (!create.value) return basketErrors.noCurrentBasket(caller.customerId)
    current = newBasket(state, ctx, caller, now)
    current.currency = source.currency
  }
  const refused = mergeInto(current, source, mode.value, now)
  if (refused) return refused
  state.baskets.set(current.basketId, current)
  state.baskets.delete(source.basketId)
  return basketResponse(current)
}

/**
 * POST /baskets/actions/transfer. `merge=true`: the guest basket becomes the current one and an
 * existing registered basket is merged into it (the default `dw.order.mergeBasket`, quantities
 * `higher_quantity`) and deleted; never 409. `merge=false`: 409 when the previous shopper has no
 * basket, or when the current one has a basket and `overrideExisting=false`; `overrideExisting=true`
 * deletes the current basket first. Neither has a basket → 204.
 */
export async function transferBasket(ctx: RequestContext): Promise<Response> {
  const override = booleanQuery(ctx.url, 'overrideExisting', false)
  if (!override.ok) return override.response
  const merge = booleanQuery(ctx.url, 'merge', false)
  if (!merge.ok) return merge.response
  const found = await parties(ctx)
  if (!found.ok) return found.response
  const { caller, previous, source, current } = found.parties
  const { state, clock } = ctx.core
  const now = clock.now()
  if (!source && !current) {
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
  }
  if (merge.value) {
    if (!source) return current ? basketResponse(current) : basketErrors.noSourceBasket(previous)
    if (current) {
      const refused = mergeInto(source, current, 'higher_quantity', now)
      if (refused) return refused
      state.baskets.delete(current.basketId)
    }
    transferOwner(ctx, source, caller, now)
    return basketResponse(source)
  }
  if (!source) return basketErrors.noSourceBasket(previous)
  if (current) {
    if (!override.value) return basketErrors.basketAlreadyExists(caller.customerId)
    state.baskets.delete(current.basketId)
  }
  transferOwner(ctx, source, caller, now)
  return basketResponse(source)
}
