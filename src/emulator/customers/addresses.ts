/**
 * Customer addresses (`CustomerAddress`): create, get, update (a changed `addressId` renames),
 * remove. `addressId` is unique per customer, `countryCode` matches `^[A-Z][A-Z]$`, `lastName` is
 * required, and at most one address is `preferred`.
 *
 * @module
 */
import { json } from '../http.ts'
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { readJsonObject } from './body.ts'
import type { AddressRecord, CustomerRecord, JsonObject } from './model.ts'
import { type EntryLookup, ownEntry, readBodyAnd } from './owned.ts'
import { badRequest, notFound } from './problems.ts'
import { customerRecord, isoTime, touch } from './store.ts'
import { applied, changes, type FieldRules, firstInvalid, invalidField, text } from './validate.ts'

/** `CustomerAddress` fields and limits. */
const ADDRESS_RULES: FieldRules = {
  address1: text(256),
  address2: text(256),
  addressId: { type: 'string', min: 1, max: 256 },
  city: text(256),
  companyName: text(256),
  countryCode: { type: 'string', pattern: /^[A-Z][A-Z]$/ },
  firstName: text(256),
  fullName: text(256),
  jobTitle: text(256),
  lastName: text(256),
  phone: text(32),
  postBox: text(256),
  postalCode: text(256),
  preferred: { type: 'boolean' },
  salutation: text(256),
  secondName: text(256),
  stateCode: text(256),
  suffix: text(256),
  suite: text(32),
  title: text(256),
}

const REQUIRED = ['addressId', 'countryCode', 'lastName']

function addressNotFound(addressName: string): Response {
  return notFound(`No address with ID '${addressName}' could be found.`, { addressName })
}

function taken(addressId: string): Response {
  return badRequest(`An address with ID '${addressId}' already exists.`)
}

function find(record: CustomerRecord, addressName: string): AddressRecord | undefined {
  return record.addresses.find((address) => address.addressId === addressName)
}

const ADDRESS: EntryLookup<AddressRecord> = {
  param: 'addressName',
  find,
  notFound: addressNotFound,
}

/** Only one preferred address: setting one clears the flag on the others. */
function keepOnePreferred(record: CustomerRecord, preferred: AddressRecord): void {
  if (preferred.preferred !== true) return
  for (const address of record.addresses) {
    if (address !== preferred && address.preferred === true) address.preferred = false
  }
}

/** createCustomerAddress. */
export async function createCustomerAddress(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const bad = firstInvalid(body.value, ADDRESS_RULES, REQUIRED)
  if (bad !== undefined) return invalidField(bad)
  const record = customerRecord(ctx.core, caller.customerId)
  const fields = changes(body.value, ADDRESS_RULES)
  const addressId = fields.addressId as string
  if (find(record, addressId)) return taken(addressId)
  const now = isoTime(ctx.core.clock.now())
  const address: AddressRecord = {
    ...applied({}, fields),
    addressId,
    creationDate: now,
    lastModified: now,
  }
  record.addresses.push(address)
  keepOnePreferred(record, address)
  touch(ctx.core, record)
  return json(200, { ...address })
}

/** getCustomerAddress. */
export function getCustomerAddress(ctx: RequestContext, caller: ShopperCaller): Response {
  const found = ownEntry(ctx, caller, ADDRESS)
  return found.ok ? json(200, { ...found.value.entry }) : found.response
}

/** updateCustomerAddress. */
export async function updateCustomerAddress(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const input = await readBodyAnd(ctx, () => ownEntry(ctx, caller, ADDRESS))
  if (!input.ok) return input.response
  const [request, { record, entry: address }] = input.value
  const merged: JsonObject = applied(address, changes(request, ADDRESS_RULES))
  const bad = firstInvalid(merged, ADDRESS_RULES, REQUIRED)
  if (bad !== undefined) return invalidField(bad)
  const addressId = merged.addressId as string
  if (addressId !== address.addressId && find(record, addressId)) return taken(addressId)

  // `merged` still carries the original creationDate: read-only fields are not in the rules.
  const updated: AddressRecord = {
    ...merged,
    addressId,
    lastModified: isoTime(ctx.core.clock.now()),
  }
  record.addresses[record.addresses.indexOf(address)] = updated
  keepOnePreferred(record, updated)
  touch(ctx.core, record)
  return json(200, { ...updated })
}

/** removeCustomerAddress. */
export function removeCustomerAddress(ctx: RequestContext, caller: ShopperCaller): Response {
  const found = ownEntry(ctx, caller, ADDRESS)
  if (!found.ok) return found.response
  const { record, entry: address } = found.value
  record.addresses = record.addresses.filter((candidate) => candidate !== address)
  touch(ctx.core, record)
  return new Response(null, { status: 204 })
}
