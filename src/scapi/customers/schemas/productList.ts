/**
 * A customer's product lists (wish lists, gift registries, ...) and their items.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  type CustomAttributes,
  looseModel,
  optionalBoolean,
  optionalNumber,
  optionalNumbers,
  optionalObject,
  optionalObjects,
  optionalString,
  optionalStrings,
  PRODUCT_LIST_ITEM_TYPES,
  PRODUCT_LIST_TYPES,
  REQUEST,
  RESPONSE,
  type SchemaKit,
  type UncheckedObject,
} from '../../schemaKit.ts'

/** The kinds of product list: `wish_list`, `gift_registry`, `shopping_list`, `custom_1..3`. */
export type ProductListType = (typeof PRODUCT_LIST_TYPES)[number]

/** The kinds of product list item: `product` or `gift_certificate`. */
export type ProductListItemType = (typeof PRODUCT_LIST_ITEM_TYPES)[number]

/**
 * The product behind a list item (`expand=product`). Its own fields are typed; its nested parts
 * (images, variants, promotions, ...) are passed through unchecked.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.Product
 */
export interface Product extends CustomAttributes {
  /** The product id (SKU). */
  id: string
  brand?: string
  bundledProducts?: UncheckedObject[]
  /** ISO 4217, e.g. `USD`. */
  currency?: string
  ean?: string
  fetchDate?: number
  imageGroups?: UncheckedObject[]
  inventories?: UncheckedObject[]
  inventory?: UncheckedObject
  longDescription?: string
  manufacturerName?: string
  manufacturerSku?: string
  master?: UncheckedObject
  minOrderQuantity?: number
  name?: string
  options?: UncheckedObject[]
  pageDescription?: string
  pageKeywords?: string
  pageMetaTags?: UncheckedObject[]
  pageTitle?: string
  price?: number
  priceMax?: number
  pricePerUnit?: number
  pricePerUnitMax?: number
  priceRanges?: UncheckedObject[]
  /** Pricebook id → price. */
  prices?: UncheckedObject
  primaryCategoryId?: string
  productLinks?: UncheckedObject[]
  productPromotions?: UncheckedObject[]
  recommendations?: UncheckedObject[]
  setProducts?: UncheckedObject[]
  shippingMethods?: UncheckedObject[]
  shortDescription?: string
  slugUrl?: string
  stepQuantity?: number
  tieredPrices?: UncheckedObject[]
  /** Which kind of product (`master`, `variant`, `set`, ...): flags. */
  type?: UncheckedObject
  unit?: string
  upc?: string
  validFrom?: string
  validTo?: string
  variants?: UncheckedObject[]
  variationAttributes?: UncheckedObject[]
  variationGroups?: UncheckedObject[]
  /** Variation attribute id → value. */
  variationValues?: UncheckedObject
}

/** The product behind a list item as the API returns it. */
export const ProductSchema = looseModel<Product>()({
  id: z.string(),
  ...optionalStrings(
    'brand',
    'currency',
    'ean',
    'longDescription',
    'manufacturerName',
    'manufacturerSku',
    'name',
    'pageDescription',
    'pageKeywords',
    'pageTitle',
    'primaryCategoryId',
    'shortDescription',
    'slugUrl',
    'unit',
    'upc',
    'validFrom',
    'validTo',
  ),
  ...optionalNumbers(
    'fetchDate',
    'minOrderQuantity',
    'price',
    'priceMax',
    'pricePerUnit',
    'pricePerUnitMax',
    'stepQuantity',
  ),
  bundledProducts: optionalObjects(),
  imageGroups: optionalObjects(),
  inventories: optionalObjects(),
  inventory: optionalObject(),
  master: optionalObject(),
  options: optionalObjects(),
  pageMetaTags: optionalObjects(),
  priceRanges: optionalObjects(),
  prices: optionalObject(),
  productLinks: optionalObjects(),
  productPromotions: optionalObjects(),
  recommendations: optionalObjects(),
  setProducts: optionalObjects(),
  shippingMethods: optionalObjects(),
  tieredPrices: optionalObjects(),
  type: optionalObject(),
  variants: optionalObjects(),
  variationAttributes: optionalObjects(),
  variationGroups: optionalObjects(),
  variationValues: optionalObject(),
})

/**
 * The event of a gift registry.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ProductListEvent
 */
export interface ProductListEvent {
  city?: string
  country?: string
  /** A date, e.g. `2026-06-20`. */
  date?: string
  state?: string
  /** E.g. `wedding`. */
  type: string
}

/** The event of a gift registry as the API returns it. */
export const ProductListEventSchema = looseModel<ProductListEvent>()({
  city: optionalString(),
  country: optionalString(),
  date: optionalString(),
  state: optionalString(),
  type: z.string(),
})

/**
 * Where a product list ships, as much of it as any shopper may see.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ProductListShippingAddress
 */
export interface ProductListShippingAddress {
  addressId: string
  city?: string
  firstName?: string
  lastName?: string
}

/** Where a product list ships, as the API returns it. */
export const ProductListShippingAddressSchema = looseModel<ProductListShippingAddress>()({
  addressId: z.string(),
  city: optionalString(),
  firstName: optionalString(),
  lastName: optionalString(),
})

/**
 * An item of a customer's product list.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerProductListItem
 */
export interface CustomerProductListItem extends CustomAttributes {
  id?: string
  /** An integer; higher comes first. */
  priority: number
  /** With `expand=product`. */
  product?: Product
  /** Required for `product` items; at most 100 characters. */
  productId?: string
  /** Visible to other shoppers. */
  public: boolean
  purchasedQuantity?: number
  /** At least 0. */
  quantity: number
  type?: ProductListItemType
}

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

/** A product list item as the API returns it. */
export const CustomerProductListItemSchema = looseModel<CustomerProductListItem>()(
  itemShape(RESPONSE),
)

/**
 * The body of updateCustomerProductListItem: `priority`, `public`, `quantity` and `c_*` change.
 *
 * @see `shopper-customers-oas-v1-public.yaml` operation updateCustomerProductListItem
 */
export interface CustomerProductListItemUpdate extends CustomerProductListItem {}

/** The body of updateCustomerProductListItem, with the spec's limits. */
export const CustomerProductListItemUpdateSchema = looseModel<CustomerProductListItemUpdate>()(
  itemShape(REQUEST),
)

/**
 * The body of createCustomerProductListItem: `type` is required, and a `product` item needs its
 * `productId` (else the server answers ProductListProductIdMissingException).
 *
 * @see `shopper-customers-oas-v1-public.yaml` operation createCustomerProductListItem
 */
export interface CustomerProductListItemRequest extends CustomerProductListItem {
  type: ProductListItemType
}

/** The body of createCustomerProductListItem, with the spec's limits. */
export const CustomerProductListItemRequestSchema = looseModel<CustomerProductListItemRequest>()({
  ...itemShape(REQUEST),
  type: z.enum(PRODUCT_LIST_ITEM_TYPES),
}).check(
  z.refine((item) => item.type !== 'product' || item.productId !== undefined, {
    message: 'is required for product items',
    path: ['productId'],
  }),
)

/**
 * A registrant or co-registrant of a customer's gift registry (each text 1..256 characters in a
 * body).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerProductListRegistrant
 */
export interface CustomerProductListRegistrant {
  email: string
  firstName: string
  lastName: string
  /** E.g. `bride`. */
  role: string
}

const registrant = (k: SchemaKit) =>
  looseModel<CustomerProductListRegistrant>()({
    email: k.id(256),
    firstName: k.id(256),
    lastName: k.id(256),
    role: k.id(256),
  })

/**
 * A link to one of the customer's saved addresses.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerAddressInfo
 */
export interface CustomerAddressInfo {
  /** The saved address's `addressId`. */
  addressId: string
  title: string
}

const addressInfo = (k: SchemaKit) =>
  looseModel<CustomerAddressInfo>()({ addressId: k.id(256), title: k.id(256) })

/**
 * A customer's product list.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerProductList
 */
export interface CustomerProductList extends CustomAttributes {
  coRegistrant?: CustomerProductListRegistrant
  creationDate?: string
  currentShippingAddressInfo?: CustomerAddressInfo
  customerProductListItems?: CustomerProductListItem[]
  description?: string
  event?: ProductListEvent
  id?: string
  lastModified?: string
  name?: string
  postEventShippingAddressInfo?: CustomerAddressInfo
  /** What other shoppers see of the shipping address. */
  productListShippingAddress?: ProductListShippingAddress
  /** Visible to other shoppers. */
  public?: boolean
  registrant?: CustomerProductListRegistrant
  shippingAddressInfo?: CustomerAddressInfo
  type?: ProductListType
}

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

/** A customer's product list as the API returns it. */
export const CustomerProductListSchema = looseModel<CustomerProductList>()(listShape(RESPONSE))

/**
 * The body of createCustomerProductList and updateCustomerProductList (update: `name`,
 * `description`, `public` and `c_*` change).
 *
 * @see `shopper-customers-oas-v1-public.yaml` operations createCustomerProductList,
 *   updateCustomerProductList
 */
export interface CustomerProductListRequest extends CustomerProductList {}

/** The body of createCustomerProductList and updateCustomerProductList, with the spec's limits. */
export const CustomerProductListRequestSchema = looseModel<CustomerProductListRequest>()(
  listShape(REQUEST),
)

/**
 * The answer of getCustomerProductLists.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerProductListResult
 */
export interface CustomerProductListResult {
  data: CustomerProductList[]
  limit: number
  total: number
}

/** The answer of getCustomerProductLists as the API returns it. */
export const CustomerProductListResultSchema = looseModel<CustomerProductListResult>()({
  data: z.array(CustomerProductListSchema),
  limit: z.number(),
  total: z.number(),
})
