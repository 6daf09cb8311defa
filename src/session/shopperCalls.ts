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
  baseUrl: string
  organizationId: string
  siteId: string
  fetch: typeof fetch
}

const API_PATHS = {
  customers: 'customer/shopper-customers/v1',
  baskets: 'checkout/shopper-baskets/v1',
} as const

// The registration fields the API requires (reference c.3), checked before anything is sent.
function checkRegistration(customer: Record<string, unknown>, password: string): void {
  const missing = ['login', 'email', 'lastName'].find(
    (field) => typeof customer[field] !== 'string' || customer[field] === '',
  )
  const field = missing === undefined ? (password === '' ? 'password' : undefined) : `customer.${missing}`
  if (field !== undefined) {
    throw new ShopperSessionError('bad_request', `registerCustomer: ${field}: must not be empty`, {
      operation: 'registerCustomer',
    })
  }
}

/** Binds the calls to one organization and site. */
export function createShopperCalls(origin: ShopperOrigin): ShopperCalls {
  const post = (
    operation: string,
    api: keyof typeof API_PATHS,
    path: string,
    accessToken: string,
    json: unknown,
  ) =>
    runOperation(operation, undefined, async () => {
      const base = `${origin.baseUrl.replace(/\/+$/, '')}/${API_PATHS[api]}`
      const url = new URL(`${base}/organizations/${encodeURIComponent(origin.organizationId)}/${path}`)
      url.searchParams.set('siteId', origin.siteId)
      const headers = { authorization: `Bearer ${accessToken}` }
      const transport = { fetch: origin.fetch, headers: {} }
      const response = await sendTo(transport, url, { operation, api, method: 'POST', json, headers })
      if (!isSuccess(response.status)) throw await errorFromResponse(operation, response, undefined, api)
      // Drained so the connection is released; the session does not read the answer.
      await readText(operation, response)
    })
  return {
    async registerCustomer(accessToken, customer, password) {
      checkRegistration(customer, password)
      await post('registerCustomer', 'customers', 'customers', accessToken, { customer, password })
    },
    async transferBasket(accessToken) {
      await post('transferBasket', 'baskets', 'baskets/actions/transfer?merge=true', accessToken, undefined)
    },
  }
}
