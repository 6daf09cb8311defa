/**
 * Customer product lists: list, create (a `type` from the enum is required), get, update (only
 * `name`, `description`, `public` and `c_*` change), delete. Guests and registered shoppers alike
 * own lists.
 *
 * @module
 */
import { json } from '../http.ts'
import { randomString } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { readJsonObject } from './body.ts'
import type { ProductListRecord } from './model.ts'
import { type EntryLookup, ownEntry, readBodyAnd } from './owned.ts'
import { productListNotFound } from './problems.ts'
import { invalidNested, LIST_RULES, LIST_UPDATE_RULES, listView } from './productListModel.ts'
import { customerRecord, isoTime, touch } from './store.ts'
import { applied, changes, firstInvalid, invalidField } from './validate.ts'

/** Finds the product list the path names (`listId`). */
export const PRODUCT_LIST: EntryLookup<ProductListRecord> = {
  param: 'listId',
  find: (record, listId) => record.productLists.find((candidate) => candidate.id === listId),
  notFound: (listId) => productListNotFound(listId.slice(0, 28)),
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
  const found = ownEntry(ctx, caller, PRODUCT_LIST)
  return found.ok ? json(200, listView(found.value.entry)) : found.response
}

/** updateCustomerProductList. */
export async function updateCustomerProductList(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const input = await readBodyAnd(ctx, () => ownEntry(ctx, caller, PRODUCT_LIST))
  if (!input.ok) return input.response
  const [request, { record, entry: list }] = input.value
  const bad = firstInvalid(request, LIST_UPDATE_RULES)
  if (bad !== undefined) return invalidField(bad)
  const change = changes(request, LIST_UPDATE_RULES)
  // `public` is a flag: null means false, not "absent from the document".
  if (change.public === null) change.public = false
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
  const found = ownEntry(ctx, caller, PRODUCT_LIST)
  if (!found.ok) return found.response
  const { record, entry: list } = found.value
  record.productLists = record.productLists.filter((l) => l !== list)
  touch(ctx.core, record)
  return new Response(null, { status: 204 })
}
