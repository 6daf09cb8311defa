/**
 * Product lists as any shopper sees them when their owner made them public (reference c.4).
 *
 * @module
 */
import * as z from 'zod/mini'
import { optionalString, PRODUCT_LIST_ITEM_TYPES, PRODUCT_LIST_TYPES } from '../../schemaKit.ts'
import {
  ProductListEventSchema,
  ProductListShippingAddressSchema,
  ProductSchema,
} from './productList.ts'

/**
 * An item of a public product list.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PublicProductListItem
 */
export const PublicProductListItemSchema = z.looseObject({
  id: z.string(),
  priority: z.number(),
  product: z.optional(ProductSchema),
  type: z.enum(PRODUCT_LIST_ITEM_TYPES),
})

/** An item of a public product list. */
export type PublicProductListItem = z.infer<typeof PublicProductListItemSchema>

// Public lists show the registrants without their email.
const RegistrantSchema = z.looseObject({
  firstName: z.string(),
  lastName: z.string(),
  role: z.string(),
})

/**
 * A public product list.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PublicProductList
 */
export const PublicProductListSchema = z.looseObject({
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

/** A public product list. */
export type PublicProductList = z.infer<typeof PublicProductListSchema>

/**
 * One hit of getPublicProductListsBySearchTerm.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PublicProductListInfo
 */
export const PublicProductListInfoSchema = z.looseObject({
  description: optionalString(),
  id: z.string(),
  name: optionalString(),
  title: z.string(),
  type: z.enum(PRODUCT_LIST_TYPES),
})

/** One hit of getPublicProductListsBySearchTerm. */
export type PublicProductListInfo = z.infer<typeof PublicProductListInfoSchema>

/** The answer of getPublicProductListsBySearchTerm. */
export const PublicProductListResultSchema = z.looseObject({
  data: z.array(PublicProductListInfoSchema),
  limit: z.number(),
  total: z.number(),
})

/** The answer of getPublicProductListsBySearchTerm. */
export type PublicProductListResult = z.infer<typeof PublicProductListResultSchema>

/** The answer of getPublicProductListItems. */
export const PublicProductListItemResultSchema = z.looseObject({
  limit: z.number(),
  total: z.number(),
  data: z.optional(z.array(PublicProductListItemSchema)),
})

/** The answer of getPublicProductListItems. */
export type PublicProductListItemResult = z.infer<typeof PublicProductListItemResultSchema>
