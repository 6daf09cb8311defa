/**
 * The orders of getCustomerOrders (reference c.4): the order's own fields are typed, its nested
 * parts are shared with baskets.
 *
 * @module
 */
import * as z from 'zod/mini'
import { lineItemContainerShape } from '../../baskets/schemas/lineItems.ts'
import { optionalBoolean, optionalObjects, optionalStrings } from '../../schemaKit.ts'

/**
 * An order. Status fields are plain strings so a status the spec adds later still parses.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.Order
 */
export const OrderSchema = z.looseObject({
  ...lineItemContainerShape,
  ...optionalStrings(
    'confirmationStatus',
    'createdBy',
    'customerName',
    'exportStatus',
    'externalOrderStatus',
    'globalPartyId',
    'orderNo',
    'orderToken',
    'orderViewCode',
    'paymentStatus',
    'shippingStatus',
    'siteId',
    'status',
  ),
  guest: optionalBoolean(),
  omsData: z.optional(
    z.looseObject({ status: z.optional(z.string()), shipments: optionalObjects() }),
  ),
})

/** An order. */
export type Order = z.infer<typeof OrderSchema>

/**
 * The answer of getCustomerOrders: one page (`limit` 1 to 50, default 10).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerOrderResult
 */
export const CustomerOrderResultSchema = z.looseObject({
  data: z.optional(z.array(OrderSchema)),
  offset: z.number(),
  limit: z.number(),
  total: z.number(),
})

/** The answer of getCustomerOrders. */
export type CustomerOrderResult = z.infer<typeof CustomerOrderResultSchema>
