/**
 * Handing the session's tokens to commerce-sdk-isomorphic: its clients take a `fetch`, and the
 * session's authorized fetch puts the current token on every call and retries once after a 401.
 */
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import type { ShopperSession } from '../../src/session.ts'
import { createSessionHarness } from '../session/harness.ts'

const csi = createRequire(import.meta.url)(
  'commerce-sdk-isomorphic',
) as typeof import('commerce-sdk-isomorphic')

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

/** commerce-sdk-isomorphic's ShopperCustomers on `session.fetch`, sending to `proxy`. */
function customersOn(session: ShopperSession, proxy: string) {
  return new csi.ShopperCustomers({
    proxy,
    parameters: {
      organizationId: session.scapi.organizationId,
      shortCode: harness.emulator.settings.shortCode,
      siteId: session.scapi.siteId,
    },
    fetch: session.fetch as ConstructorParameters<typeof csi.ShopperCustomers>[0]['fetch'],
    throwOnBadResponse: true,
  })
}

describe('commerce-sdk-isomorphic clients on a shopper session', () => {
  it('ShopperCustomers with fetch: session.fetch reads the profile and survives a 401', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    const ada = harness.emulator.settings.shoppers[0]
    if (!ada) throw new Error('no seeded shopper')
    await session.login(ada.login, ada.password)
    const customers = customersOn(session, session.scapi.baseUrl)
    const customerId = session.getTokens()?.customerId ?? ''
    const profile = await customers.getCustomer({ parameters: { customerId } })
    expect(profile.login).toBe(ada.login)
    harness.emulator.control.failNext('getCustomer', { status: 401 })
    const again = await customers.getCustomer({ parameters: { customerId } })
    expect(again.customerId).toBe(customerId)
  })

  it('a client pointed at another origin gets no token: refused before anything is sent', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const requests = harness.emulator.control.requests().length
    const customers = customersOn(session, 'https://proxy.elsewhere.example.com')
    await expect(
      customers.getCustomer({ parameters: { customerId: session.getTokens()?.customerId ?? '' } }),
    ).rejects.toMatchObject({ code: 'invalid_config' })
    expect(harness.emulator.control.requests()).toHaveLength(requests)
  })
})
