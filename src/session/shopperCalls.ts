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
import { runOperation, sendUnread } from '../scapi/http.ts'
import { scapiUrl, type ShopperApi } from '../scapi/scapiUrl.ts'

/** Where the Shopper APIs are (validated by the session config). */
export interface ShopperApiLocation {
  /** The resolved API base URL: without a trailing slash. */
  baseUrl: string
  organizationId: string
  siteId: string
  fetch: typeof fetch
}

// The fields registerCustomer requires, checked before anything is sent.
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
export function createShopperCalls(api: ShopperApiLocation): ShopperCalls {
  const location = api
  const transport = { fetch: api.fetch, headers: {} }
  // POST to a Shopper API with the shopper's token; the answer is not read.
  const post = (
    operation: string,
    api: ShopperApi,
    path: string[],
    accessToken: string,
    json?: unknown,
    query?: Record<string, string>,
  ) =>
    runOperation(operation, undefined, () =>
      sendUnread(transport, scapiUrl(location, api, path, query), {
        operation,
        api,
        method: 'POST',
        json,
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    )
  return {
    async registerCustomer(accessToken, customer, password) {
      checkRegistration(customer, password)
      const body = { customer, password }
      await post('registerCustomer', 'customers', ['customers'], accessToken, body)
    },
    async transferBasket(accessToken) {
      const path = ['baskets', 'actions', 'transfer']
      await post('transferBasket', 'baskets', path, accessToken, undefined, { merge: 'true' })
    },
  }
}
