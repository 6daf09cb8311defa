/**
 * Product lists their owners made public, readable with any shopper token.
 *
 * @module
 */
import * as z from 'zod/mini'
import { jsonBody, type ScapiOperation, type TokenParams } from '../scapiOperation.ts'
import { customersOperation, LIST_LIMITS } from './common.ts'
import {
  type PublicProductList,
  type PublicProductListItem,
  type PublicProductListItemResult,
  PublicProductListItemResultSchema,
  PublicProductListItemSchema,
  type PublicProductListResult,
  PublicProductListResultSchema,
  PublicProductListSchema,
} from './schemas/publicProductList.ts'

/** Parameters of {@link getPublicProductListsBySearchTerm}: exact, case-sensitive matches. */
export interface GetPublicProductListsBySearchTermParams extends TokenParams {
  email?: string
  firstName?: string
  lastName?: string
}

/**
 * GET `/product-lists`: the public lists of the owner with this email and/or name.
 *
 * @example
 * ```ts
 * const { data } = await getPublicProductListsBySearchTerm(config, { accessToken, email })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getPublicProductListsBySearchTerm`
 */
export const getPublicProductListsBySearchTerm: ScapiOperation<
  GetPublicProductListsBySearchTermParams,
  PublicProductListResult
> = customersOperation('getPublicProductListsBySearchTerm', 'GET /product-lists', {
  query: {
    email: z.optional(z.string()),
    firstName: z.optional(z.string()),
    lastName: z.optional(z.string()),
  },
  response: jsonBody(PublicProductListResultSchema),
})

/** A call on one public list. */
export interface PublicProductListParams extends TokenParams {
  /** 1..28 characters. */
  listId: string
}

/**
 * GET `/product-lists/{listId}`.
 *
 * @example
 * ```ts
 * const list = await getPublicProductList(config, { accessToken, listId })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getPublicProductList`
 */
export const getPublicProductList: ScapiOperation<PublicProductListParams, PublicProductList> =
  customersOperation('getPublicProductList', 'GET /product-lists/{listId}', {
    pathLimits: LIST_LIMITS,
    response: jsonBody(PublicProductListSchema),
  })

/** What getPublicProductListItems embeds in each item. */
export type PublicProductListItemsExpand = 'product' | 'images' | 'availability'

/** Parameters of {@link getPublicProductListItems}. */
export interface GetPublicProductListItemsParams extends PublicProductListParams {
  expand?: PublicProductListItemsExpand[]
}

/**
 * GET `/product-lists/{listId}/items`.
 *
 * @example
 * ```ts
 * const { data } = await getPublicProductListItems(config, {
 *   accessToken, listId, expand: ['product'],
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getPublicProductListItems`
 */
export const getPublicProductListItems: ScapiOperation<
  GetPublicProductListItemsParams,
  PublicProductListItemResult
> = customersOperation('getPublicProductListItems', 'GET /product-lists/{listId}/items', {
  pathLimits: LIST_LIMITS,
  query: { expand: z.optional(z.array(z.enum(['product', 'images', 'availability']))) },
  response: jsonBody(PublicProductListItemResultSchema),
})

/** Parameters of {@link getProductListItem}. */
export interface GetProductListItemParams extends PublicProductListParams {
  itemId: string
}

/**
 * GET `/product-lists/{listId}/items/{itemId}`: one item of a public list.
 *
 * @example
 * ```ts
 * const item = await getProductListItem(config, { accessToken, listId, itemId })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getProductListItem`
 */
export const getProductListItem: ScapiOperation<GetProductListItemParams, PublicProductListItem> =
  customersOperation('getProductListItem', 'GET /product-lists/{listId}/items/{itemId}', {
    pathLimits: LIST_LIMITS,
    response: jsonBody(PublicProductListItemSchema),
  })
