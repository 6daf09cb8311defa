/**
 * getCustomerBaskets (the Shopper Baskets state, per site) and getCustomerOrders (seeded with
 * `control.seedOrders`; paging with limit 1–50, default 10, and offset; filters).
 */
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../../src/emulator/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import {
  call,
  expectProblem,
  guestShopper,
  ok,
  registeredShopper,
  type Shopper,
} from './helpers.ts'

function createBasket(emulator: Emulator, shopper: Shopper, siteId = 'RefArch') {
  const { baseUrl, organizationId } = emulator.settings
  const base = `${baseUrl}/checkout/shopper-baskets/v1/organizations/${organizationId}`
  const url = `${base}/baskets?siteId=${siteId}`
  return emulator.handle(
    new Request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${shopper.token}`, 'content-type': 'application/json' },
      body: '{}',
    }),
  )
}

describe('getCustomerBaskets', () => {
  it('lists the customer’s open baskets on the site (guest or registered)', async () => {
    const emulator = createTestEmulator({ siteIds: ['RefArch', 'RefArchGlobal'] })
    const guest = await guestShopper(emulator)
    const path = `/customers/${guest.customerId}/baskets`
    expect(await ok(await call(emulator, 'GET', path, { token: guest.token }))).toEqual({
      baskets: [],
      total: 0,
    })
    const basket = await ok(await createBasket(emulator, guest))
    const listed = await ok<{ total: number; baskets: { basketId: string }[] }>(
      await call(emulator, 'GET', path, { token: guest.token }),
    )
    expect(listed.total).toBe(1)
    expect(listed.baskets[0]?.basketId).toBe(basket.basketId)
    const elsewhere = await ok<{ total: number }>(
      await call(emulator, 'GET', path, { token: guest.token, siteId: 'RefArchGlobal' }),
    )
    expect(elsewhere.total).toBe(0)
  })
})

describe('getCustomerOrders', () => {
  it('pages seeded orders (limit default 10, max 50) and filters by status and dates', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const orders = Array.from({ length: 25 }, (_, i) => ({
      orderNo: String(1000 + i),
      status: i % 5 === 0 ? 'cancelled' : 'created',
      creationDate: new Date(Date.UTC(2024, 0, i + 1)).toISOString(),
    }))
    emulator.control.seedOrders(ada.customerId, orders)
    const path = `/customers/${ada.customerId}/orders`
    const first = await ok<{
      limit: number
      offset: number
      total: number
      data: { orderNo: string }[]
    }>(await call(emulator, 'GET', path, { token: ada.token }))
    expect({ limit: first.limit, offset: first.offset, total: first.total }).toEqual({
      limit: 10,
      offset: 0,
      total: 25,
    })
    expect(first.data.map((o) => o.orderNo)).toEqual(orders.slice(0, 10).map((o) => o.orderNo))
    const last = await ok<{ data: unknown[] }>(
      await call(emulator, 'GET', path, { token: ada.token, query: { limit: '50', offset: '20' } }),
    )
    expect(last.data).toHaveLength(5)
    const cancelled = await ok<{ total: number }>(
      await call(emulator, 'GET', path, { token: ada.token, query: { status: 'cancelled' } }),
    )
    expect(cancelled.total).toBe(5)
    const january = await ok<{ total: number }>(
      await call(emulator, 'GET', path, {
        token: ada.token,
        query: { from: '2024-01-10T00:00:00.000Z', until: '2024-01-12T00:00:00.000Z' },
      }),
    )
    expect(january.total).toBe(3)
    const bad: Record<string, string>[] = [
      { limit: '0' },
      { limit: '51' },
      { offset: '-1' },
      { limit: 'ten' },
      { from: 'soon' },
    ]
    for (const query of bad) {
      await expectProblem(
        await call(emulator, 'GET', path, { token: ada.token, query }),
        400,
        'bad-request',
      )
    }
  })

  it('answers an empty page by default, for guests too; reset clears seeded orders', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const path = `/customers/${guest.customerId}/orders`
    expect(await ok(await call(emulator, 'GET', path, { token: guest.token }))).toEqual({
      limit: 10,
      offset: 0,
      total: 0,
      data: [],
    })
    emulator.control.seedOrders('someone', [{ orderNo: '1' }])
    emulator.control.reset()
    expect(() => emulator.control.seedOrders('', [])).toThrow(TypeError)
  })
})
