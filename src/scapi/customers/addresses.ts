/**
 * The registered shopper's address book: create, read, update, remove.
 *
 * @module
 */
import { jsonBody, noContent, type ScapiOperation } from '../scapiOperation.ts'
import {
  ADDRESS_LIMITS,
  type CustomerAddressParams,
  type CustomerParams,
  customersOperation,
  type WithBody,
} from './common.ts'
import {
  type CustomerAddress,
  CustomerAddressRequestSchema,
  CustomerAddressSchema,
} from './schemas/address.ts'

const ADDRESS_ROUTE = '/customers/{customerId}/addresses/{addressName}'

/**
 * POST `/customers/{customerId}/addresses`: saves a new address (`addressId`, `countryCode`,
 * `lastName` required).
 *
 * @example
 * ```ts
 * await createCustomerAddress(config, {
 *   accessToken, customerId, body: { addressId: 'home', countryCode: 'US', lastName: 'Doe' },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `createCustomerAddress`
 */
export const createCustomerAddress: ScapiOperation<
  WithBody<CustomerParams, CustomerAddress>,
  CustomerAddress
> = customersOperation('createCustomerAddress', 'POST /customers/{customerId}/addresses', {
  body: CustomerAddressRequestSchema,
  response: jsonBody(CustomerAddressSchema),
})

/**
 * GET `/customers/{customerId}/addresses/{addressName}`.
 *
 * @example
 * ```ts
 * const home = await getCustomerAddress(config, { accessToken, customerId, addressName: 'home' })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getCustomerAddress`
 */
export const getCustomerAddress: ScapiOperation<CustomerAddressParams, CustomerAddress> =
  customersOperation('getCustomerAddress', `GET ${ADDRESS_ROUTE}`, {
    pathLimits: ADDRESS_LIMITS,
    response: jsonBody(CustomerAddressSchema),
  })

/**
 * PATCH `/customers/{customerId}/addresses/{addressName}`: the body is a whole address, as the
 * spec requires `addressId`, `countryCode` and `lastName` here too.
 *
 * @example
 * ```ts
 * await updateCustomerAddress(config, { accessToken, customerId, addressName: 'home', body })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `updateCustomerAddress`
 */
export const updateCustomerAddress: ScapiOperation<
  WithBody<CustomerAddressParams, CustomerAddress>,
  CustomerAddress
> = customersOperation('updateCustomerAddress', `PATCH ${ADDRESS_ROUTE}`, {
  pathLimits: ADDRESS_LIMITS,
  body: CustomerAddressRequestSchema,
  response: jsonBody(CustomerAddressSchema),
})

/**
 * DELETE `/customers/{customerId}/addresses/{addressName}` → 204.
 *
 * @example
 * ```ts
 * await removeCustomerAddress(config, { accessToken, customerId, addressName: 'home' })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `removeCustomerAddress`
 */
export const removeCustomerAddress: ScapiOperation<CustomerAddressParams, void> =
  customersOperation('removeCustomerAddress', `DELETE ${ADDRESS_ROUTE}`, {
    pathLimits: ADDRESS_LIMITS,
    response: noContent,
  })
