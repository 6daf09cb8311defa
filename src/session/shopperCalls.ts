/**
 * The two Shopper API calls the session makes itself: registerCustomer (then it logs in) and
 * transferBasket (merge). Sent through the clients' transport and error mapping, but without the
 * full Shopper schemas: the session reads neither answer, and those schemas would double the
 * browser entry. Apps that read profiles use `shopper-session/customers`.
 *
 * @module
 */
import type { ShopperCalls } from '../actors.ts'
import { ShopperSessionError } from '../errors.ts'
import { errorFromResponse, isSuccess, readText, runOperation, sendTo } from '../scapi/http.ts'

/** Where the Shopper APIs are (validated by the session config). */
export interface ShopperOrigin {
  /** The resolved API origin: without a trailing slash. */
  baseUrl: string
  /** Validated as `f_ecom_...`: nothing in it needs encoding. */
  organizationId: string
  siteId: string
  fetch: typeof fetch
}

// The registration fields the API requires (reference c.3), checked before anything is sent.
function checkRegistration(customer: Record<string, unknown>, password: string): void {
  const missing = ['login', 'email', 'lastName'].find(
    (field) => typeof customer[field] !== 'string' || customer[field] === '',
  )
  const field = missing ? `customer.${missing}` : password === '' ? 'password' : undefined
  if (field) {
    throw new ShopperSessionError('bad_request', `registerCustomer: ${field}: must not be empty`, {
      operation: 'registerCustomer',
    })
  }
}

/** Binds the calls to one organization and site. */
export function createShopperCalls(origin: ShopperOrigin): ShopperCalls {
  // POST `{baseUrl}/{base}/organizations/{organizationId}/{path}?siteId=...` to Shopper `api`.
  const post = (
    operation: string,
    api: 'customers' | 'baskets',
    base: string,
    path: string,
    accessToken: string,
    json?: unknown,
  ) =>
    runOperation(operation, undefined, async () => {
      const { baseUrl, organizationId } = origin
      const url = new URL(`${baseUrl}/${base}/organizations/${organizationId}/${path}`)
      url.searchParams.set('siteId', origin.siteId)
      const response = await sendTo({ fetch: origin.fetch, headers: {} }, url, {
        operation,
        api,
        method: 'POST',
        json,
        headers: { authorization: `Bearer ${accessToken}` },
      })
      if (!isSuccess(response.status)) {
        throw await errorFromResponse(operation, response, undefined, api)
      }
      // Drained so the connection is released; the session does not read the answer.
      await readText(operation, response)
    })
  return {
    async registerCustomer(accessToken, customer, password) {
      checkRegistration(customer, password)
      const customers = 'customer/shopper-customers/v1'
      await post('registerCustomer', 'customers', customers, 'customers', accessToken, {
        customer,
        password,
      })
    },
    async transferBasket(accessToken) {
      const baskets = 'checkout/shopper-baskets/v1'
      const transfer = 'baskets/actions/transfer?merge=true'
      await post('transferBasket', 'baskets', baskets, transfer, accessToken)
    },
  }
}
