/**
 * Reading and checking basket request bodies: JSON (bounded, malformed → 400), `ProductItem[]`,
 * `CustomerInfo`, boolean and enum query parameters. Every check runs before any state change.
 *
 * @module
 */
import type { RequestContext } from '../router.ts'
import { basketErrors } from './errors.ts'
import { MAX_QUANTITY, MIN_QUANTITY, type OptionItemRecord } from './model.ts'

/** A checked value or the error answer. */
export type Checked<T> = { ok: true; value: T } | { ok: false; response: Response }

function bad<T>(detail: string): Checked<T> {
  return { ok: false, response: basketErrors.badRequest(detail) }
}

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The JSON body; an empty body is `undefined`. */
export async function readJson(ctx: RequestContext): Promise<Checked<unknown>> {
  const body = await ctx.body()
  if (!body.ok) {
    return body.reason === 'tooLarge'
      ? { ok: false, response: basketErrors.payloadTooLarge() }
      : bad('The request body could not be read.')
  }
  if (body.text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(body.text) as unknown }
  } catch {
    return bad('The request body is not valid JSON.')
  }
}

/** The `c_*` attributes of a JSON object. */
export function customAttributes(object: JsonObject): Record<string, unknown> {
  const custom: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(object)) {
    if (/^c_[A-Za-z0-9_]+$/.test(key)) custom[key] = value
  }
  return custom
}

function optionalString(object: JsonObject, key: string, max: number): Checked<string | undefined> {
  const value = object[key]
  if (value === undefined || value === null) return { ok: true, value: undefined }
  if (typeof value !== 'string' || value === '' || value.length > max) {
    return bad(`The property '${key}' must be a string of 1 to ${max} characters.`)
  }
  return { ok: true, value }
}

/** Optional string properties of 1 to `limits[key]` characters; the first bad one answers 400. */
function optionalStrings<K extends string>(
  object: JsonObject,
  limits: Readonly<Record<K, number>>,
): Checked<Record<K, string | undefined>> {
  const strings = {} as Record<K, string | undefined>
  for (const key of Object.keys(limits) as K[]) {
    const checked = optionalString(object, key, limits[key])
    if (!checked.ok) return checked
    strings[key] = checked.value
  }
  return { ok: true, value: strings }
}

/** A `ProductItem` of an add-item or create-basket request. */
export interface ItemInput {
  productId: string
  quantity: number
  shipmentId: string | undefined
  inventoryId: string | undefined
  bonusDiscountLineItemId: string | undefined
  optionItems: OptionItemRecord[]
  custom: Record<string, unknown>
}

/** Whether `quantity` is within 0.01–999. */
export function quantityOk(quantity: number): boolean {
  return Number.isFinite(quantity) && quantity >= MIN_QUANTITY && quantity <= MAX_QUANTITY
}

/** Checks one `ProductItem` (read-only fields such as `price` or `itemId` are ignored). */
function readItem(value: unknown, index: number): Checked<ItemInput> {
  if (!isObject(value)) return bad(`The product item at index ${index} must be an object.`)
  const productId = value.productId
  if (typeof productId !== 'string' || productId === '' || productId.length > 100) {
    return bad(`The product item at index ${index} needs a 'productId' of 1 to 100 characters.`)
  }
  const quantity = value.quantity ?? 1
  if (typeof quantity !== 'number' || !quantityOk(quantity)) {
    return bad(`The quantity of the product item at index ${index} must be between 0.01 and 999.`)
  }
  const strings = optionalStrings(value, {
    shipmentId: 100,
    inventoryId: 256,
    bonusDiscountLineItemId: 256,
  })
  if (!strings.ok) return strings
  const options = value.optionItems ?? []
  if (!Array.isArray(options)) return bad(`The 'optionItems' at index ${index} must be an array.`)
  const optionItems: OptionItemRecord[] = []
  for (const option of options as unknown[]) {
    if (
      !isObject(option) ||
      typeof option.optionId !== 'string' ||
      typeof option.optionValueId !== 'string' ||
      option.optionId === '' ||
      option.optionId.length > 256 ||
      option.optionValueId.length > 256
    ) {
      return bad(`Each option item at index ${index} needs 'optionId' and 'optionValueId' strings.`)
    }
    optionItems.push({ optionId: option.optionId, optionValueId: option.optionValueId })
  }
  return {
    ok: true,
    value: {
      productId,
      quantity,
      ...strings.value,
      optionItems,
      custom: customAttributes(value),
    },
  }
}

/** Largest number of product items one request may carry. */
export const MAX_ITEMS_PER_REQUEST = 100

/** Checks a `ProductItem[]` (1–100 items). */
export function readItems(value: unknown): Checked<ItemInput[]> {
  if (!Array.isArray(value)) return bad('The request body must be an array of product items.')
  if (value.length === 0 || value.length > MAX_ITEMS_PER_REQUEST) {
    return bad(`The request must carry 1 to ${MAX_ITEMS_PER_REQUEST} product items.`)
  }
  const items: ItemInput[] = []
  for (const [index, entry] of (value as unknown[]).entries()) {
    const item = readItem(entry, index)
    if (!item.ok) return item
    items.push(item.value)
  }
  return { ok: true, value: items }
}

/** A `CustomerInfo` of an update-customer request. */
export interface CustomerInfoInput {
  email: string
  customerName: string | undefined
  customerNo: string | undefined
  customerId: string | undefined
  custom: Record<string, unknown>
}

/** Checks a `CustomerInfo` (`email` required). */
export function readCustomerInfo(value: unknown): Checked<CustomerInfoInput> {
  if (!isObject(value)) return bad('The request body must be a CustomerInfo object.')
  const email = value.email
  if (typeof email !== 'string' || email === '' || email.length > 256) {
    return bad("The property 'email' is required (a string of at most 256 characters).")
  }
  const strings = optionalStrings(value, { customerName: 256, customerNo: 100, customerId: 100 })
  if (!strings.ok) return strings
  return { ok: true, value: { email, ...strings.value, custom: customAttributes(value) } }
}

/** A boolean query parameter (`true`/`false`, absent = `fallback`). */
export function booleanQuery(url: URL, name: string, fallback: boolean): Checked<boolean> {
  const value = url.searchParams.get(name)
  if (value === null) return { ok: true, value: fallback }
  if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' }
  return bad(`The query parameter '${name}' must be 'true' or 'false'.`)
}

/** An enum query parameter (absent = `fallback`). */
export function enumQuery<T extends string>(
  url: URL,
  name: string,
  allowed: readonly T[],
  fallback: T,
): Checked<T> {
  const value = url.searchParams.get(name)
  if (value === null) return { ok: true, value: fallback }
  const found = allowed.find((a) => a === value)
  if (found === undefined)
    return bad(`The query parameter '${name}' must be one of ${allowed.join(', ')}.`)
  return { ok: true, value: found }
}
