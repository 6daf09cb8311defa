/**
 * The benchmarked requests: the SLAS token endpoint (a private client's `client_credentials`
 * grant, the cheapest full token issue: JWT signing included) and Shopper Customers `getCustomer`
 * with a registered shopper's token. Each is built for one `fetch`, in-process or over HTTP.
 */
import type { Emulator } from '../../src/emulator/index.ts'
import { loginRegisteredUser } from '../../src/scapi/index.ts'

/** A named request that resolves true on the expected answer. */
export interface Scenario {
  name: string
  request: () => Promise<boolean>
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

/** POST `/oauth2/token` with `grant_type=client_credentials` (answers 200 with fresh tokens). */
export function tokenScenario(emulator: Emulator, baseUrl: string, fetchFn: typeof fetch): Scenario {
  const { organizationId, siteIds, clients } = emulator.settings
  const url = `${baseUrl}/shopper/auth/v1/organizations/${organizationId}/oauth2/token`
  const authorization = basic(clients.private.clientId, clients.private.secret ?? '')
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    channel_id: siteIds[0] ?? 'RefArch',
  }).toString()
  return {
    name: 'SLAS getAccessToken (client_credentials)',
    async request() {
      const response = await fetchFn(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      })
      await response.arrayBuffer()
      return response.status === 200
    },
  }
}

/** GET `/customers/{customerId}` for the first seeded shopper, logged in once beforehand. */
export async function getCustomerScenario(
  emulator: Emulator,
  baseUrl: string,
  fetchFn: typeof fetch,
): Promise<Scenario> {
  const { organizationId, siteIds, clients, redirectURI, shoppers } = emulator.settings
  const shopper = shoppers[0]
  if (!shopper) throw new Error('bench: the emulator has no seeded shopper')
  const siteId = siteIds[0] ?? 'RefArch'
  const tokens = await loginRegisteredUser(
    {
      baseUrl,
      organizationId,
      siteId,
      clientId: clients.public.clientId,
      redirectURI: redirectURI,
      fetch: fetchFn,
    },
    { username: shopper.login, password: shopper.password },
  )
  const url =
    `${baseUrl}/customer/shopper-customers/v1/organizations/${organizationId}` +
    `/customers/${tokens.customer_id}?siteId=${siteId}`
  const headers = { authorization: `Bearer ${tokens.access_token}` }
  return {
    name: 'Shopper Customers getCustomer',
    async request() {
      const response = await fetchFn(url, { headers })
      await response.arrayBuffer()
      return response.status === 200
    },
  }
}
