/**
 * Customer product lists (reference c.2): list, create (a `type` from the enum is required), get,
 * update (only `name`, `description`, `public` and `c_*` change), delete. Guests and registered
 * shoppers alike own lists.
 *
 * @module
 */
import { json } from '../http.ts'
import { randomString } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { readJsonObject } from './body.ts'
import type { CustomerRecord, ProductListRecord } from './model.ts'
import { productListNotFound } from './problems.ts'
import { invalidNested, LIST_RULES, LIST_UPDATE_RULES, listView } from './productListModel.ts'
import { customerRecord, isoTime, touch } from './store.ts'
import { applied, changes, firstInvalid, invalidField } from './validate.ts'

/** The caller's list named by the path, or the 404. */
export function ownList(
  ctx: RequestContext,
  caller: ShopperCaller,
): { record: CustomerRecord; list: ProductListRecord } | { response: Response } {
  const listId = ctx.params.listId ?? ''
  const record = customerRecord(ctx.core, caller.customerId)
  const list = record.productLists.find((candidate) => candidate.id === listId)
  return list ? { record, list } : { response: productListNotFound(listId.slice(0, 28)) }
}

/** getCustomerProductLists. */
export function getCustomerProductLists(ctx: RequestContext, caller: ShopperCaller): Response {
  const lists = customerRecord(ctx.core, caller.customerId).productLists
  return json(200, { limit: lists.length, total: lists.length, data: lists.map(listView) })
}

/** createCustomerProductList. */
export async function createCustomerProductList(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const bad = firstInvalid(body.value, LIST_RULES, ['type']) ?? invalidNested(body.value)
  if (bad !== undefined) return invalidField(bad)
  const record = customerRecord(ctx.core, caller.customerId)
  const now = isoTime(ctx.core.clock.now())
  const list: ProductListRecord = {
    ...applied({}, changes(body.value, LIST_RULES)),
    id: randomString(26, '0123456789abcdef'),
    type: body.value.type as string,
    public: body.value.public === true,
    creationDate: now,
    lastModified: now,
    items: [],
  }
  record.productLists.push(list)
  touch(ctx.core, record)
  return json(200, listView(list))
}

/** getCustomerProductList. */
export function getCustomerProductList(ctx: RequestContext, caller: ShopperCaller): Response {
  const found = ownList(ctx, caller)
  return 'response' in found ? found.response : json(200, listView(found.list))
}

/** updateCustomerProductList. */
export async function updateCustomerProductList(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const found = ownList(ctx, caller)
  if ('response' in found) return found.response
  const bad = firstInvalid(body.value, LIST_UPDATE_RULES)
  if (bad !== undefined) return invalidField(bad)
  const change = changes(body.value, LIST_UPDATE_RULES)
  // `public` is a flag: null means false, not "absent from the document".
  if (change.public === null) change.public = false
  const { list, record } = found
  const { items, ...fields } = list
  const updated: ProductListRecord = {
    ...applied(fields, change),
    id: list.id,
    type: list.type,
    items,
    lastModified: isoTime(ctx.core.clock.now()),
  }
  record.productLists[record.productLists.indexOf(list)] = updated
  touch(ctx.core, record)
  return json(200, listView(updated))
}

/** deleteCustomerProductList. */
export function deleteCustomerProductList(ctx: RequestContext, caller: ShopperCaller): Response {
  const found = ownList(ctx, caller)
  if ('response' in found) return found.response
  found.record.productLists = found.record.productLists.filter((l) => l !== found.list)
  touch(ctx.core, found.record)
  return new Response(null, { status: 204 })
}
