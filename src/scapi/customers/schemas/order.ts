/**
 * The orders of getCustomerOrders: the order's own fields are typed, its nested parts are shared
 * with baskets.
 *
 * @module
 */
import * as z from 'zod/mini'
import { type LineItemContainer, lineItemContainerShape } from '../../baskets/schemas/lineItems.ts'
import {
  looseModel,
  optionalBoolean,
  optionalObjects,
  optionalStrings,
  type UncheckedObject,
} from '../../schemaKit.ts'

/**
 * What Order Management adds to an order (`expand=oms`).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.OmsData
 */
export interface OmsData {
  status?: string
  shipments?: UncheckedObject[]
}

const OmsDataSchema = looseModel<OmsData>()({
  status: z.optional(z.string()),
  shipments: optionalObjects(),
})

/**
 * An order. Status fields are plain strings so a status the spec adds later still parses.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.Order
 */
export interface Order extends LineItemContainer {
  /** E.g. `confirmed`. */
  confirmationStatus?: string
  /** `Customer` when the shopper created the order, else the agent's login. */
  createdBy?: string
  customerName?: string
  /** E.g. `exported`. */
  exportStatus?: string
  externalOrderStatus?: string
  globalPartyId?: string
  /** Whether a guest placed the order. */
  guest?: boolean
  /** With `expand=oms`. */
  omsData?: OmsData
  orderNo?: string
  orderToken?: string
  orderViewCode?: string
  /** E.g. `paid`. */
  paymentStatus?: string
  /** E.g. `shipped`. */
  shippingStatus?: string
  siteId?: string
  /** E.g. `new`, `completed`. */
  status?: string
}

/** An order as the API returns it. */
export const OrderSchema = looseModel<Order>()({
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
  omsData: z.optional(OmsDataSchema),
})

/**
 * The answer of getCustomerOrders: one page (`limit` 1 to 50, default 10).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerOrderResult
 */
export interface CustomerOrderResult {
  data?: Order[]
  offset: number
  limit: number
  total: number
}

/** The answer of getCustomerOrders as the API returns it. */
export const CustomerOrderResultSchema = looseModel<CustomerOrderResult>()({
  data: z.optional(z.array(OrderSchema)),
  offset: z.number(),
  limit: z.number(),
  total: z.number(),
})
