/**
 * The customer's baskets and orders, as Shopper Customers lists them. Guest and registered tokens
 * both work.
 *
 * @module
 */
import * as z from 'zod/mini'
import { type BasketsResult, BasketsResultSchema } from '../baskets/schemas/basket.ts'
import { jsonBody, type ScapiOperation } from '../scapiOperation.ts'
import { type CustomerParams, customersOperation } from './common.ts'
import { type CustomerOrderResult, CustomerOrderResultSchema } from './schemas/order.ts'

/**
 * GET `/customers/{customerId}/baskets`: the customer's open baskets (at most one per shopper).
 *
 * @example
 * ```ts
 * const { baskets = [] } = await getCustomerBaskets(config, { accessToken, customerId })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getCustomerBaskets`
 */
export const getCustomerBaskets: ScapiOperation<CustomerParams, BasketsResult> =
  customersOperation('getCustomerBaskets', 'GET /customers/{customerId}/baskets', {
    response: jsonBody(BasketsResultSchema),
  })

/** Parameters of {@link getCustomerOrders}. */
export interface GetCustomerOrdersParams extends CustomerParams {
  /** Orders of every site (trusted agent tokens only). */
  crossSites?: boolean
  /** Earliest creation date (ISO 8601). */
  from?: string
  /** Latest creation date (ISO 8601). */
  until?: string
  /** Only orders with this status. */
  status?: string
  /** `oms`: add Order Management data. */
  expand?: 'oms'
  /** Page size, 1 to 50; default 10. */
  limit?: number
  /** Index of the first order; default 0. */
  offset?: number
}

/**
 * GET `/customers/{customerId}/orders`: one page of the customer's orders.
 *
 * @example
 * ```ts
 * const page = await getCustomerOrders(config, { accessToken, customerId, limit: 20 })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getCustomerOrders`
 */
export const getCustomerOrders: ScapiOperation<GetCustomerOrdersParams, CustomerOrderResult> =
  customersOperation('getCustomerOrders', 'GET /customers/{customerId}/orders', {
    query: {
      crossSites: z.optional(z.boolean()),
      from: z.optional(z.string()),
      until: z.optional(z.string()),
      status: z.optional(z.string()),
      expand: z.optional(z.literal('oms')),
      limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
      offset: z.optional(z.int().check(z.gte(0))),
    },
    response: jsonBody(CustomerOrderResultSchema),
  })
