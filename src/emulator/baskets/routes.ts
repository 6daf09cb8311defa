/**
 * createBasket, getBasket, deleteBasket, addItemToBasket, updateCustomerForBasket. Each route does
 * its async work first (token, body), then checks and commits synchronously, so no other request
 * slips in between a check and its change.
 *
 * @module
 */
import { json } from '../http.ts'
import type { RequestContext } from '../router.ts'
import type { EmulatorState } from '../state.ts'
import {
  customAttributes,
  enumQuery,
  isObject,
  type ItemInput,
  readCustomerInfo,
  readItems,
  readJson,
} from './body.ts'
import { basketErrors } from './errors.ts'
import { linesWithItems } from './items.ts'
import {
  basketObjectId,
  type BasketRecord,
  basketsOf,
  basketToWire,
  DEFAULT_SHIPMENT_ID,
} from './model.ts'
import { type BasketCaller, basketCaller, shopperOf } from './shopper.ts'

/** 200 with the basket. */
export function basketResponse(basket: BasketRecord): Response {
  return json(200, basketToWire(basket))
}

/** The path's basket, if the caller may use it: unknown (or other site) → 404, other owner → 400. */
function ownBasket(
  state: EmulatorState,
  ctx: RequestContext,
  caller: BasketCaller,
): { ok: true; basket: BasketRecord } | { ok: false; response: Response } {
  const basketId = ctx.params.basketId ?? ''
  const basket = state.baskets.get(basketId)
  if (!basket || basket.siteId !== caller.siteId) {
    return { ok: false, response: basketErrors.basketNotFound(basketId.slice(0, 100)) }
  }
  if (basket.customerId !== caller.customerId) {
    return { ok: false, response: basketErrors.invalidCustomer() }
  }
  return { ok: true, basket }
}

/** A new empty basket of `caller` (not stored). */
export function newBasket(
  state: EmulatorState,
  ctx: RequestContext,
  caller: BasketCaller,
  now: number,
): BasketRecord {
  const shopper = shopperOf(state, caller.session)
  return {
    basketId: basketObjectId(),
    customerId: caller.customerId,
    siteId: caller.siteId,
    currency: ctx.core.settings.baskets.currency,
    taxMode: 'internal',
    customerInfo: {
      email: shopper?.email,
      customerName: undefined,
      customerNo: shopper?.customerNo,
      custom: {},
    },
    productItems: [],
    shipments: [{ shipmentId: DEFAULT_SHIPMENT_ID }],
    custom: {},
    creationDate: now,
    lastModified: now,
  }
}

interface CreateInput {
  currency: string | undefined
  email: string | undefined
  items: ItemInput[]
  shipmentIds: string[]
  custom: Record<string, unknown>
}

function readCreateBody(
  value: unknown,
): { ok: true; input: CreateInput } | { ok: false; response: Response } {
  const body = value ?? {}
  const fail = (detail: string) => ({
    ok: false as const,
    response: basketErrors.badRequest(detail),
  })
  if (!isObject(body)) return fail('The request body must be a Basket object.')
  const currency = body.currency
  if (currency !== undefined && (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))) {
    return fail("The property 'currency' must be an ISO 4217 currency code.")
  }
  let email: string | undefined
  if (body.customerInfo !== undefined) {
    const info = body.customerInfo
    if (!isObject(info)) return fail("The property 'customerInfo' must be an object.")
    if (info.email !== undefined && (typeof info.email !== 'string' || info.email.length > 256)) {
      return fail("The property 'customerInfo.email' must be a string.")
    }
    email = info.email === '' ? undefined : info.email
  }
  const shipmentIds = [DEFAULT_SHIPMENT_ID]
  if (body.shipments !== undefined) {
    if (!Array.isArray(body.shipments)) return fail("The property 'shipments' must be an array.")
    for (const shipment of body.shipments as unknown[]) {
      const id = isObject(shipment) ? shipment.shipmentId : undefined
      if (typeof id !== 'string' || id === '' || id.length > 100) {
        return fail('Each shipment needs a shipmentId of 1 to 100 characters.')
      }
      if (shipmentIds.includes(id) && id !== DEFAULT_SHIPMENT_ID) {
        return fail(`The shipment ID '${id}' appears twice.`)
      }
      if (!shipmentIds.includes(id)) shipmentIds.push(id)
    }
  }
  let items: ItemInput[] = []
  if (
    body.productItems !== undefined &&
    !(Array.isArray(body.productItems) && body.productItems.length === 0)
  ) {
    const read = readItems(body.productItems)
    if (!read.ok) return read
    items = read.value
  }
  return {
    ok: true,
    input: {
      currency: currency as string | undefined,
      email,
      items,
      shipmentIds,
      custom: customAttributes(body),
    },
  }
}

/** POST /baskets: a new basket for the caller; a second open basket → 400 quota exceeded. */
export async function createBasket(ctx: RequestContext): Promise<Response> {
  const who = await basketCaller(ctx, 'write')
  if (!who.ok) return who.response
  const taxMode = enumQuery(ctx.url, 'taxMode', ['internal', 'external'] as const, 'internal')
  if (!taxMode.ok) return taxMode.response
  const body = await readJson(ctx)
  if (!body.ok) return body.response
  const read = readCreateBody(body.value)
  if (!read.ok) return read.response
  const { caller } = who
  const { state, clock, settings } = ctx.core
  const open = basketsOf(state.baskets, caller.customerId, caller.siteId)
  if (open.length > 0) return basketErrors.quotaExceeded(open.map((b) => b.basketId))
  const now = clock.now()
  const basket = newBasket(state, ctx, caller, now)
  basket.taxMode = taxMode.value
  basket.currency = read.input.currency ?? basket.currency
  basket.customerInfo.email = read.input.email ?? basket.customerInfo.email
  basket.shipments = read.input.shipmentIds.map((shipmentId) => ({ shipmentId }))
  basket.custom = read.input.custom
  const lines = linesWithItems(basket, read.input.items, settings.baskets)
  if (!lines.ok) return lines.response
  basket.productItems = lines.lines
  state.baskets.set(basket.basketId, basket)
  return basketResponse(basket)
}

/** GET /baskets/{basketId}. */
export async function getBasket(ctx: RequestContext): Promise<Response> {
  const who = await basketCaller(ctx, 'read')
  if (!who.ok) return who.response
  const found = ownBasket(ctx.core.state, ctx, who.caller)
  return found.ok ? basketResponse(found.basket) : found.response
}

/** DELETE /baskets/{basketId}: 204. */
export async function deleteBasket(ctx: RequestContext): Promise<Response> {
  const who = await basketCaller(ctx, 'write')
  if (!who.ok) return who.response
  const state = ctx.core.state
  const found = ownBasket(state, ctx, who.caller)
  if (!found.ok) return found.response
  state.baskets.delete(found.basket.basketId)
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
}

/** POST /baskets/{basketId}/items: `ProductItem[]`; the same product line is incremented. */
export async function addItemToBasket(ctx: RequestContext): Promise<Response> {
  const who = await basketCaller(ctx, 'write')
  if (!who.ok) return who.response
  const body = await readJson(ctx)
  if (!body.ok) return body.response
  const items = readItems(body.value)
  if (!items.ok) return items.response
  const { state, clock, settings } = ctx.core
  const found = ownBasket(state, ctx, who.caller)
  if (!found.ok) return found.response
  const { basket } = found
  const lines = linesWithItems(basket, items.value, settings.baskets)
  if (!lines.ok) return lines.response
  basket.productItems = lines.lines
  basket.lastModified = clock.now()
  return basketResponse(basket)
}

/** PUT /baskets/{basketId}/customer: `CustomerInfo` (email required; customerId read-only). */
export async function updateCustomerForBasket(ctx: RequestContext): Promise<Response> {
  const who = await basketCaller(ctx, 'write')
  if (!who.ok) return who.response
  const body = await readJson(ctx)
  if (!body.ok) return body.response
  const info = readCustomerInfo(body.value)
  if (!info.ok) return info.response
  const { state, clock } = ctx.core
  const found = ownBasket(state, ctx, who.caller)
  if (!found.ok) return found.response
  const { basket } = found
  const input = info.value
  if (input.customerId !== undefined && input.customerId !== basket.customerId) {
    return basketErrors.invalidCustomer()
  }
  if (input.customerNo !== undefined && input.customerNo !== basket.customerInfo.customerNo) {
    return basketErrors.invalidCustomer()
  }
  basket.customerInfo = {
    ...basket.customerInfo,
    email: input.email,
    customerName: input.customerName ?? basket.customerInfo.customerName,
    custom: { ...basket.customerInfo.custom, ...input.custom },
  }
  basket.lastModified = clock.now()
  return basketResponse(basket)
}
