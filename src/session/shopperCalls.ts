/**
 * The two Shopper API calls the session makes itself: registerCustomer (then it logs in) and
 * transferBasket (merge). Declared here with lean schemas, checking only what the session needs:
 * the full Shopper Customers and Baskets schemas would triple the browser entry for answers the
 * session never reads. Apps that read profiles use the full client (`shopper-session/customers`).
 *
 * @module
 */
import * as z from 'zod/mini'
import type { ShopperCalls } from '../actors.ts'
import type { ScapiClientConfig } from '../scapi/scapiConfig.ts'
import {
  jsonBody,
  noContent,
  type ScapiOperation,
  shopperApi,
  type TokenParams,
} from '../scapi/scapiOperation.ts'

const text = (max: number) => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max))

const Registration = z.looseObject({
  customer: z.looseObject({ login: text(256), email: text(256), lastName: text(256) }),
  password: text(4096),
})

const registerCustomer: ScapiOperation<
  TokenParams & { body: z.input<typeof Registration> },
  unknown
> = shopperApi('customers')('registerCustomer', 'POST /customers', {
  body: Registration,
  response: jsonBody(z.looseObject({ customerId: text(28) })),
})

// The answer (the merged basket, or 204) is drained, not read: the session only needs success.
const transferBasket: ScapiOperation<TokenParams & { merge?: boolean }, unknown> = shopperApi(
  'baskets',
)('transferBasket', 'POST /baskets/actions/transfer', {
  query: { merge: z.optional(z.boolean()) },
  response: noContent,
})

/** Binds the calls to one organization and site. */
export function createShopperCalls(config: ScapiClientConfig): ShopperCalls {
  return {
    async registerCustomer(accessToken, customer, password) {
      await registerCustomer(config, { accessToken, body: { customer, password } })
    },
    async transferBasket(accessToken) {
      await transferBasket(config, { accessToken, merge: true })
    },
  }
}
