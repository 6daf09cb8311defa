/**
 * The typed Shopper Customers client (`customer/shopper-customers/v1`): every operation of its
 * OpenAPI, named after its operationId, with its parameter, body and answer types.
 *
 * @module
 */
export type { CustomAttributes, UncheckedObject } from '../schemaKit.ts'
export * from './addresses.ts'
export type {
  CustomerAddressParams,
  CustomerParams,
  PaymentInstrumentParams,
  ProductListItemParams,
  ProductListParams,
  WithBody,
} from './common.ts'
export * from './externalProfile.ts'
export * from './ordersBaskets.ts'
export * from './password.ts'
export * from './paymentInstruments.ts'
export * from './productListItems.ts'
export * from './productLists.ts'
export * from './profile.ts'
export * from './publicProductLists.ts'
export * from './schemas/address.ts'
export * from './schemas/customer.ts'
export * from './schemas/externalProfile.ts'
export * from './schemas/order.ts'
export * from './schemas/passwordReset.ts'
export * from './schemas/paymentInstrument.ts'
export * from './schemas/productList.ts'
export * from './schemas/publicProductList.ts'
