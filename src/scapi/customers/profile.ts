/**
 * The customer profile: registerCustomer, getCustomer, updateCustomer.
 *
 * @module
 */
import * as z from 'zod/mini'
import { jsonBody, type ScapiOperation, type TokenParams } from '../scapiOperation.ts'
import { type CustomerParams, customersOperation, type WithBody } from './common.ts'
import {
  type Customer,
  type CustomerRegistration,
  CustomerRegistrationSchema,
  CustomerSchema,
  type CustomerUpdateBody,
  CustomerUpdateSchema,
} from './schemas/customer.ts'

/**
 * POST `/customers`: registers a shopper. Needs a **guest** SLAS token; `customer.login`,
 * `customer.lastName`, `customer.email` and `password` are required. Addresses are not returned.
 * A taken login maps to `login_taken`, a password the policy refuses to `weak_password`.
 *
 * @example
 * ```ts
 * const customer = await registerCustomer(config, {
 *   accessToken: guestToken,
 *   body: {
 *     customer: { login: 'jane@example.com', email: 'jane@example.com', lastName: 'Doe' },
 *     password,
 *   },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `registerCustomer`
 */
export const registerCustomer: ScapiOperation<
  WithBody<TokenParams, CustomerRegistration>,
  Customer
> = customersOperation('registerCustomer', 'POST /customers', {
  body: CustomerRegistrationSchema,
  response: jsonBody(CustomerSchema),
})

/** What getCustomer embeds; `none` strips addresses and payment instruments. */
export type CustomerExpand = 'none' | 'addresses' | 'paymentinstruments' | 'paymentmethodreferences'

/** Parameters of {@link getCustomer}. */
export interface GetCustomerParams extends CustomerParams {
  /** Default (server side): addresses and payment instruments. */
  expand?: CustomerExpand[]
}

/**
 * GET `/customers/{customerId}`: the registered shopper's profile.
 *
 * @example
 * ```ts
 * const customer = await getCustomer(config, { accessToken, customerId, expand: ['addresses'] })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getCustomer`
 */
export const getCustomer: ScapiOperation<GetCustomerParams, Customer> = customersOperation(
  'getCustomer',
  'GET /customers/{customerId}',
  {
    query: {
      expand: z.optional(
        z.array(z.enum(['none', 'addresses', 'paymentinstruments', 'paymentmethodreferences'])),
      ),
    },
    response: jsonBody(CustomerSchema),
  },
)

/**
 * PATCH `/customers/{customerId}`: changes some profile fields. Changing `login` needs
 * `currentPassword`; a missing or wrong one maps to `invalid_current_password`.
 *
 * @example
 * ```ts
 * await updateCustomer(config, { accessToken, customerId, body: { firstName: 'Jane' } })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `updateCustomer`
 */
export const updateCustomer: ScapiOperation<
  WithBody<CustomerParams, CustomerUpdateBody>,
  Customer
> = customersOperation('updateCustomer', 'PATCH /customers/{customerId}', {
    body: CustomerUpdateSchema,
    response: jsonBody(CustomerSchema),
  })
