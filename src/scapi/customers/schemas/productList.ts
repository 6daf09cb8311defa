/**
 * A customer's product lists (wish lists, gift registries, ...) and their items (reference c.4).
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  optionalBoolean,
  optionalNumber,
  optionalString,
  PRODUCT_LIST_ITEM_TYPES,
  PRODUCT_LIST_TYPES,
  REQUEST,
  RESPONSE,
  type SchemaKit,
} from '../../schemaKit.ts'

/** The product behind a list item (`expand=product`); the rest of the product is kept unchecked. */
export const ProductSchema = z.looseObject({
  id: z.string(),
  name: optionalString(),
  currency: optionalString(),
  price: optionalNumber(),
})

/** The event of a gift registry. */
export const ProductListEventSchema = z.looseObject({
  city: optionalString(),
  country: optionalString(),
  date: optionalString(),
  state: optionalString(),
  type: z.string(),
})

/** Where a product list ships. */
export const ProductListShippingAddressSchema = z.looseObject({
  addressId: z.string(),
  city: optionalString(),
  firstName: optionalString(),
  lastName: optionalString(),
})

const itemShape = (k: SchemaKit) => ({
  id: optionalString(),
  priority: z.number(),
  product: z.optional(ProductSchema),
  productId: z.optional(k.text(100)),
  public: z.boolean(),
  purchasedQuantity: optionalNumber(),
  quantity: k.nonNegative(),
  type: z.optional(z.enum(PRODUCT_LIST_ITEM_TYPES)),
})

/**
 * A product list item as the API returns it.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerProductListItem
 */
export const CustomerProductListItemSchema = z.looseObject(itemShape(RESPONSE))

/** A product list item. */
export type CustomerProductListItem = z.infer<typeof CustomerProductListItemSchema>

/**
 * The body of updateCustomerProductListItem (`priority`, `public`, `quantity` and `c_*` change).
 *
 * @see `shopper-customers-oas-v1-public.yaml` operation updateCustomerProductListItem
 */
export const CustomerProductListItemUpdateSchema = z.looseObject(itemShape(REQUEST))

/** The body of updateCustomerProductListItem. */
export type CustomerProductListItemUpdate = z.input<typeof CustomerProductListItemUpdateSchema>

/**
 * The body of createCustomerProductListItem: `type` is required, and a `product` item needs its
 * `productId` (else the server answers ProductListProductIdMissingException).
 *
 * @see `shopper-customers-oas-v1-public.yaml` operation createCustomerProductListItem
 */
export const CustomerProductListItemRequestSchema = z
  .looseObject({ ...itemShape(REQUEST), type: z.enum(PRODUCT_LIST_ITEM_TYPES) })
  .check(
    z.refine((item) => item.type !== 'product' || item.productId !== undefined, {
      message: 'is required for product items',
      path: ['productId'],
    }),
  )

/** The body of createCustomerProductListItem. */
export type CustomerProductListItemRequest = z.input<typeof CustomerProductListItemRequestSchema>

const registrant = (k: SchemaKit) =>
  z.looseObject({ email: k.id(256), firstName: k.id(256), lastName: k.id(256), role: k.id(256) })

const addressInfo = (k: SchemaKit) => z.looseObject({ addressId: k.id(256), title: k.id(256) })

const listShape = (k: SchemaKit) => ({
  coRegistrant: z.optional(registrant(k)),
  creationDate: optionalString(),
  currentShippingAddressInfo: z.optional(addressInfo(k)),
  customerProductListItems: z.optional(z.array(CustomerProductListItemSchema)),
  description: optionalString(),
  event: z.optional(ProductListEventSchema),
  id: optionalString(),
  lastModified: optionalString(),
  name: optionalString(),
  postEventShippingAddressInfo: z.optional(addressInfo(k)),
  productListShippingAddress: z.optional(ProductListShippingAddressSchema),
  public: optionalBoolean(),
  registrant: z.optional(registrant(k)),
  shippingAddressInfo: z.optional(addressInfo(k)),
  type: z.optional(z.enum(PRODUCT_LIST_TYPES)),
})

/**
 * A customer's product list as the API returns it.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerProductList
 */
export const CustomerProductListSchema = z.looseObject(listShape(RESPONSE))

/** A customer's product list. */
export type CustomerProductList = z.infer<typeof CustomerProductListSchema>

/** The body of createCustomerProductList and updateCustomerProductList. */
export const CustomerProductListRequestSchema = z.looseObject(listShape(REQUEST))

/** The body of createCustomerProductList and updateCustomerProductList. */
export type CustomerProductListRequest = z.input<typeof CustomerProductListRequestSchema>

/**
 * The answer of getCustomerProductLists.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerProductListResult
 */
export const CustomerProductListResultSchema = z.looseObject({
  data: z.array(CustomerProductListSchema),
  limit: z.number(),
  total: z.number(),
})

/** The answer of getCustomerProductLists. */
export type CustomerProductListResult = z.infer<typeof CustomerProductListResultSchema>
