/**
 * Product lists as any shopper sees them when their owner made them public.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  type CustomAttributes,
  looseModel,
  optionalString,
  PRODUCT_LIST_ITEM_TYPES,
  PRODUCT_LIST_TYPES,
} from '../../schemaKit.ts'
import {
  type Product,
  type ProductListEvent,
  ProductListEventSchema,
  type ProductListItemType,
  type ProductListShippingAddress,
  ProductListShippingAddressSchema,
  ProductSchema,
  type ProductListType,
} from './productList.ts'

/**
 * An item of a public product list.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PublicProductListItem
 */
export interface PublicProductListItem extends CustomAttributes {
  id: string
  priority: number
  /** With `expand=product`. */
  product?: Product
  type: ProductListItemType
}

/** An item of a public product list as the API returns it. */
export const PublicProductListItemSchema = looseModel<PublicProductListItem>()({
  id: z.string(),
  priority: z.number(),
  product: z.optional(ProductSchema),
  type: z.enum(PRODUCT_LIST_ITEM_TYPES),
})

/**
 * A registrant of a public list: without the email the owner's own view shows.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.ProductListRegistrant
 */
export interface ProductListRegistrant {
  firstName: string
  lastName: string
  role: string
}

const RegistrantSchema = looseModel<ProductListRegistrant>()({
  firstName: z.string(),
  lastName: z.string(),
  role: z.string(),
})

/**
 * A public product list.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PublicProductList
 */
export interface PublicProductList extends CustomAttributes {
  coRegistrant?: ProductListRegistrant
  creationDate?: string
  description?: string
  event?: ProductListEvent
  id: string
  lastModified?: string
  name?: string
  productListItems?: PublicProductListItem[]
  productListShippingAddress?: ProductListShippingAddress
  public: boolean
  registrant?: ProductListRegistrant
  type: ProductListType
}

/** A public product list as the API returns it. */
export const PublicProductListSchema = looseModel<PublicProductList>()({
  coRegistrant: z.optional(RegistrantSchema),
  creationDate: optionalString(),
  description: optionalString(),
  event: z.optional(ProductListEventSchema),
  id: z.string(),
  lastModified: optionalString(),
  name: optionalString(),
  productListItems: z.optional(z.array(PublicProductListItemSchema)),
  productListShippingAddress: z.optional(ProductListShippingAddressSchema),
  public: z.boolean(),
  registrant: z.optional(RegistrantSchema),
  type: z.enum(PRODUCT_LIST_TYPES),
})

/**
 * One hit of getPublicProductListsBySearchTerm.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PublicProductListInfo
 */
export interface PublicProductListInfo {
  description?: string
  id: string
  name?: string
  title: string
  type: ProductListType
}

/** One hit of getPublicProductListsBySearchTerm as the API returns it. */
export const PublicProductListInfoSchema = looseModel<PublicProductListInfo>()({
  description: optionalString(),
  id: z.string(),
  name: optionalString(),
  title: z.string(),
  type: z.enum(PRODUCT_LIST_TYPES),
})

/**
 * The answer of getPublicProductListsBySearchTerm.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PublicProductListResult
 */
export interface PublicProductListResult {
  data: PublicProductListInfo[]
  limit: number
  total: number
}

/** The answer of getPublicProductListsBySearchTerm as the API returns it. */
export const PublicProductListResultSchema = looseModel<PublicProductListResult>()({
  data: z.array(PublicProductListInfoSchema),
  limit: z.number(),
  total: z.number(),
})

/**
 * The answer of getPublicProductListItems.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PublicProductListItemResult
 */
export interface PublicProductListItemResult {
  limit: number
  total: number
  data?: PublicProductListItem[]
}

/** The answer of getPublicProductListItems as the API returns it. */
export const PublicProductListItemResultSchema = looseModel<PublicProductListItemResult>()({
  limit: z.number(),
  total: z.number(),
  data: z.optional(z.array(PublicProductListItemSchema)),
})
