/**
 * What a handler acts on, found from the request: the registered shopper behind the token, or one
 * entry of the caller's customer record that the path names (address, payment instrument, product
 * list); each with the 404 the API answers when it is missing. Handlers that change it read the
 * body first, so a malformed body is refused before a missing entry is reported.
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import type { ShopperRecord } from '../state.ts'
import type { Outcome, ShopperCaller } from './auth.ts'
import { readJsonObject } from './body.ts'
import type { CustomerRecord, JsonObject } from './model.ts'
import { customerNotFound } from './problems.ts'
import { customerRecord, shopperById } from './store.ts'

/** The registered shopper behind the caller's token, or the 404. */
export function callerShopper(ctx: RequestContext, caller: ShopperCaller): Outcome<ShopperRecord> {
  const shopper = shopperById(ctx.core.state, caller.customerId)
  return shopper
    ? { ok: true, value: shopper }
    : { ok: false, response: customerNotFound(caller.customerId) }
}

/** How one kind of entry of the customer record is found from the request path. */
export interface EntryLookup<T> {
  /** The path parameter that names the entry. */
  param: string
  find(record: CustomerRecord, id: string): T | undefined
  notFound(id: string): Response
}

/** A found entry and the customer record that holds it. */
export interface OwnedEntry<T> {
  record: CustomerRecord
  entry: T
}

/** The caller's entry named by the path, or the 404. */
export function ownEntry<T>(
  ctx: RequestContext,
  caller: ShopperCaller,
  lookup: EntryLookup<T>,
): Outcome<OwnedEntry<T>> {
  const id = ctx.params[lookup.param] ?? ''
  const record = customerRecord(ctx.core, caller.customerId)
  const entry = lookup.find(record, id)
  return entry === undefined
    ? { ok: false, response: lookup.notFound(id) }
    : { ok: true, value: { record, entry } }
}

/** The request's JSON object, then what `locate` finds (only once the body is good). */
export async function readBodyAnd<T>(
  ctx: RequestContext,
  locate: () => Outcome<T>,
): Promise<Outcome<[JsonObject, T]>> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body
  const found = locate()
  return found.ok ? { ok: true, value: [body.value, found.value] } : found
}
