/**
 * Product list rules and views shared by the customer and public product list routes: field limits
 * (Shopper Customers OpenAPI), lookups across customers (list ids are unique emulator-wide, so the
 * public routes find a list by id alone), and the customer and public JSON documents.
 *
 * @module
 */
import type { EmulatorState } from '../state.ts'
import { isObject } from './body.ts'
import type {
  CustomerRecord,
  JsonObject,
  ProductListItemRecord,
  ProductListRecord,
} from './model.ts'
import { type FieldRules, firstInvalid, text } from './validate.ts'

/** The `type` enum of product lists. */
export const LIST_TYPES = [
  'wish_list',
  'gift_registry',
  'shopping_list',
  'custom_1',
  'custom_2',
  'custom_3',
] as const

/** Writable `CustomerProductList` fields at creation. */
export const LIST_RULES: FieldRules = {
  coRegistrant: { type: 'object' },
  currentShippingAddressInfo: { type: 'object' },
  description: text(4000),
  event: { type: 'object' },
  name: text(256),
  postEventShippingAddressInfo: { type: 'object' },
  productListShippingAddress: { type: 'object' },
  public: { type: 'boolean' },
  registrant: { type: 'object' },
  shippingAddressInfo: { type: 'object' },
  type: { type: 'string', values: LIST_TYPES },
}

/** Fields an update may change (updateCustomerProductList: name, description, public). */
export const LIST_UPDATE_RULES: FieldRules = {
  description: text(4000),
  name: text(256),
  public: { type: 'boolean' },
}

/** Required members of the nested documents (Shopper Customers OpenAPI). */
const NESTED: Readonly<Record<string, { rules: FieldRules; required: readonly string[] }>> = {
  registrant: {
    rules: { email: text(256), firstName: text(256), lastName: text(256), role: text(256) },
    required: ['email', 'firstName', 'lastName', 'role'],
  },
  event: {
    rules: { type: text(256), city: text(256), country: text(256), state: text(256) },
    required: ['type'],
  },
  productListShippingAddress: {
    rules: { addressId: text(256), city: text(256), firstName: text(256), lastName: text(256) },
    required: ['addressId'],
  },
  addressInfo: {
    rules: { addressId: text(256), title: text(256) },
    required: ['addressId', 'title'],
  },
}

const NESTED_OF: Readonly<Record<string, string>> = {
  registrant: 'registrant',
  coRegistrant: 'registrant',
  event: 'event',
  productListShippingAddress: 'productListShippingAddress',
  shippingAddressInfo: 'addressInfo',
  currentShippingAddressInfo: 'addressInfo',
  postEventShippingAddressInfo: 'addressInfo',
}

/** The first bad nested field, as `field.member`. */
export function invalidNested(list: JsonObject): string | undefined {
  for (const [field, kind] of Object.entries(NESTED_OF)) {
    const value = list[field]
    const spec = NESTED[kind]
    if (!isObject(value) || !spec) continue
    const bad = firstInvalid(value, spec.rules, spec.required)
    if (bad !== undefined) return `${field}.${bad}`
  }
  return undefined
}

const PRIORITY = { type: 'integer', min: -2147483648, max: 2147483647 } as const

/** `CustomerProductListItem` fields. */
export const ITEM_RULES: FieldRules = {
  priority: PRIORITY,
  productId: { type: 'string', min: 1, max: 100 },
  public: { type: 'boolean' },
  purchasedQuantity: { type: 'number', min: 0 },
  quantity: { type: 'number', min: 0 },
  type: { type: 'string', values: ['product', 'gift_certificate'] },
}

/** Fields an item update may change (updateCustomerProductListItem). */
export const ITEM_UPDATE_RULES: FieldRules = {
  priority: PRIORITY,
  public: { type: 'boolean' },
  quantity: { type: 'number', min: 0 },
}

/** A list with its owner. */
export interface OwnedList {
  owner: CustomerRecord
  list: ProductListRecord
}

/** Finds a list by id among every customer's lists. */
export function findList(state: EmulatorState, listId: string): OwnedList | undefined {
  for (const owner of state.customers.values()) {
    const list = owner.productLists.find((candidate) => candidate.id === listId)
    if (list) return { owner, list }
  }
  return undefined
}

/** The `CustomerProductListItem` document. */
export function itemView(item: ProductListItemRecord): JsonObject {
  return { ...item }
}

/** The `CustomerProductList` document (items included). */
export function listView(list: ProductListRecord): JsonObject {
  const { items, ...fields } = list
  return { ...fields, customerProductListItems: items.map(itemView) }
}

/** The `PublicProductListItem` document: no quantities, a minimal `product` (no catalog). */
export function publicItemView(item: ProductListItemRecord): JsonObject {
  return {
    id: item.id,
    priority: item.priority,
    type: item.type,
    ...(typeof item.productId === 'string' ? { product: { id: item.productId } } : {}),
  }
}

function publicRegistrant(value: unknown): JsonObject | undefined {
  if (!isObject(value)) return undefined
  // The public document omits the registrants' e-mail addresses.
  return { firstName: value.firstName, lastName: value.lastName, role: value.role }
}

/** The `PublicProductList` document: public items only, no e-mail addresses. */
export function publicListView(list: ProductListRecord): JsonObject {
  const registrant = publicRegistrant(list.registrant)
  const coRegistrant = publicRegistrant(list.coRegistrant)
  const optional = (name: string) => (list[name] === undefined ? {} : { [name]: list[name] })
  return {
    id: list.id,
    public: true,
    type: list.type,
    ...optional('name'),
    ...optional('description'),
    ...optional('creationDate'),
    ...optional('lastModified'),
    ...optional('event'),
    ...optional('productListShippingAddress'),
    ...(registrant ? { registrant } : {}),
    ...(coRegistrant ? { coRegistrant } : {}),
    productListItems: list.items.filter((item) => item.public).map(publicItemView),
  }
}
