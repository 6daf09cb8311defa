import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../../support/emulator.ts'
import {
  authorizeGuest,
  codeExchange,
  FIXED_CLOCK,
  loginGuest,
  loginRegistered,
  post,
  refresh,
  tokens,
} from '../helpers.ts'
import { addItems, basketOf, call, createBasket, expectProblem, quantities } from './helpers.ts'

describe('Shopper Baskets: create, get, add items, delete', () => {
  it('a guest creates an empty basket, adds items, reads it back and deletes it', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const guest = await loginGuest(emulator)
    const created = await createBasket(emulator, guest.access_token)
    expect(created).toMatchObject({
      basketId: expect.stringMatching(/^[0-9a-f]{26}$/),
      currency: 'USD',
      customerInfo: { customerId: guest.customer_id },
      productItems: [],
      shipments: [{ shipmentId: 'me' }],
      productTotal: 0,
      orderTotal: 0,
      creationDate: new Date(emulator.control.now()).toISOString(),
    })

    const withItems = await addItems(emulator, guest.access_token, created.basketId, [
      ['sku-a', 2],
      ['sku-b', 1],
    ])
    expect(quantities(withItems)).toEqual({ 'sku-a': 2, 'sku-b': 1 })
    const [a, b] = withItems.productItems
    expect(a?.price).toBe(Math.round((a?.basePrice ?? 0) * 2 * 100) / 100)
    expect(withItems.productTotal).toBe(Math.round(((a?.price ?? 0) + (b?.price ?? 0)) * 100) / 100)
    expect(withItems.orderTotal).toBe(withItems.productTotal)

    const read = await basketOf(
      await call(emulator, 'GET', `/baskets/${created.basketId}`, { token: guest.access_token }),
    )
    expect(read).toEqual(withItems)

    const deleted = await call(emulator, 'DELETE', `/baskets/${created.basketId}`, {
      token: guest.access_token,
    })
    expect(deleted.status).toBe(204)
    await expectProblem(
      await call(emulator, 'GET', `/baskets/${created.basketId}`, { token: guest.access_token }),
      404,
      'basket-not-found',
      {
        title: 'Basket Not Found',
        detail: `No basket with ID '${created.basketId}' could be found.`,
      },
    )
  })

  it('prices are deterministic per product id (and configurable)', async () => {
    const first = createTestEmulator()
    const second = createTestEmulator({ baskets: { priceOf: (id) => (id === 'cheap' ? 1.5 : 10) } })
    const price = async (emulator: typeof first) => {
      const guest = await loginGuest(emulator)
      const basket = await createBasket(emulator, guest.access_token, {
        productItems: [{ productId: 'cheap', quantity: 3 }],
      })
      return basket.productItems[0]?.basePrice
    }
    const p1 = await price(first)
    expect(p1).toBeGreaterThanOrEqual(1)
    expect(await price(createTestEmulator())).toBe(p1)
    expect(await price(second)).toBe(1.5)
    expect(() => createTestEmulator({ baskets: { currency: 'usd' } })).toThrow(TypeError)
  })

  it('the same product + shipment increments the line; options or inventory make a new line', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const { basketId } = await createBasket(emulator, guest.access_token)
    await addItems(emulator, guest.access_token, basketId, [['sku-a', 1]])
    const again = await addItems(emulator, guest.access_token, basketId, [
      ['sku-a', 2.5],
      ['sku-a', 0.5],
    ])
    expect(quantities(again)).toEqual({ 'sku-a': 4 })
    const body = [
      {
        productId: 'sku-a',
        quantity: 1,
        optionItems: [{ optionId: 'gift', optionValueId: 'box' }],
      },
      { productId: 'sku-a', quantity: 1, inventoryId: 'store-1', c_note: 'x' },
    ]
    const more = await basketOf(
      await call(emulator, 'POST', `/baskets/${basketId}/items`, {
        token: guest.access_token,
        body,
      }),
    )
    expect(quantities(more)).toEqual({ 'sku-a': [4, 1, 1] })
    expect(more.productItems[2]).toMatchObject({ inventoryId: 'store-1', c_note: 'x' })
    expect(more.productItems[1]?.optionItems).toMatchObject([
      { optionId: 'gift', optionValueId: 'box' },
    ])
  })

  it('quantities must stay within 0.01–999', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const { basketId } = await createBasket(emulator, guest.access_token)
    const token = guest.access_token
    for (const quantity of [0, 0.001, 1000, -1, 'two', true]) {
      const body = [{ productId: 'sku', quantity }]
      await expectProblem(
        await call(emulator, 'POST', `/baskets/${basketId}/items`, { token, body }),
        400,
        'bad-request',
      )
    }
    await addItems(emulator, token, basketId, [['sku', 999]])
    await expectProblem(
      await call(emulator, 'POST', `/baskets/${basketId}/items`, {
        token,
        body: [{ productId: 'sku', quantity: 1 }],
      }),
      400,
      'bad-request',
    )
    const edge = await addItems(emulator, token, basketId, [['other', 0.01]])
    expect(quantities(edge)).toEqual({ sku: 999, other: 0.01 })
  })

  it('an unknown shipment → 404 shipment-not-found, nothing added', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const { basketId } = await createBasket(emulator, guest.access_token)
    const body = [
      { productId: 'ok', quantity: 1 },
      { productId: 'sku', quantity: 1, shipmentId: 'nowhere' },
    ]
    await expectProblem(
      await call(emulator, 'POST', `/baskets/${basketId}/items`, {
        token: guest.access_token,
        body,
      }),
      404,
      'shipment-not-found',
    )
    const read = await basketOf(
      await call(emulator, 'GET', `/baskets/${basketId}`, { token: guest.access_token }),
    )
    expect(read.productItems).toEqual([])
  })

  it('one open basket per shopper: a second create → 400 quota exceeded with basketIds', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const { basketId } = await createBasket(emulator, guest.access_token)
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} }),
      400,
      'customer-baskets-quota-exceeded',
      { title: 'Customer Baskets Quota Exceeded', basketIds: basketId },
    )
    // Deleting the basket frees the quota.
    await call(emulator, 'DELETE', `/baskets/${basketId}`, { token: guest.access_token })
    await createBasket(emulator, guest.access_token)
  })

  it("another shopper's basket → 400 'The customer is invalid.', untouched", async () => {
    const emulator = createTestEmulator()
    const alice = await loginGuest(emulator)
    const bob = await loginGuest(emulator)
    const { basketId } = await createBasket(emulator, alice.access_token)
    const invalid = { title: 'Bad Request', detail: 'The customer is invalid.' }
    const token = bob.access_token
    await expectProblem(
      await call(emulator, 'GET', `/baskets/${basketId}`, { token }),
      400,
      'bad-request',
      invalid,
    )
    await expectProblem(
      await call(emulator, 'POST', `/baskets/${basketId}/items`, {
        token,
        body: [{ productId: 'x', quantity: 1 }],
      }),
      400,
      'bad-request',
      invalid,
    )
    await expectProblem(
      await call(emulator, 'DELETE', `/baskets/${basketId}`, { token }),
      400,
      'bad-request',
      invalid,
    )
    const still = await basketOf(
      await call(emulator, 'GET', `/baskets/${basketId}`, { token: alice.access_token }),
    )
    expect(still.productItems).toEqual([])
  })

  it('a registered basket carries the shopper; the guest basket survives a refresh (same usid)', async () => {
    const emulator = createTestEmulator()
    const ada = emulator.settings.shoppers[0]!
    const registered = await loginRegistered(emulator)
    const basket = await createBasket(emulator, registered.access_token)
    expect(basket.customerInfo).toEqual({
      customerId: ada.customerId,
      customerNo: ada.customerNo,
      email: ada.email,
    })

    const guest = await loginGuest(emulator)
    const guestBasket = await createBasket(emulator, guest.access_token)
    const refreshed = await tokens(await refresh(emulator, guest.refresh_token))
    const again = await loginGuest(emulator, { usid: guest.usid })
    for (const token of [refreshed.access_token, again.access_token]) {
      await basketOf(await call(emulator, 'GET', `/baskets/${guestBasket.basketId}`, { token }))
    }
  })

  it('updateCustomerForBasket sets email and name; customerId and customerNo are checked', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const { basketId } = await createBasket(emulator, guest.access_token)
    const token = guest.access_token
    const path = `/baskets/${basketId}/customer`
    const updated = await basketOf(
      await call(emulator, 'PUT', path, {
        token,
        body: { email: 'shopper@example.com', customerName: 'Sam', c_source: 'web' },
      }),
    )
    expect(updated.customerInfo).toEqual({
      customerId: guest.customer_id,
      email: 'shopper@example.com',
      customerName: 'Sam',
      c_source: 'web',
    })
    await expectProblem(await call(emulator, 'PUT', path, { token, body: {} }), 400, 'bad-request')
    await expectProblem(
      await call(emulator, 'PUT', path, { token, body: { email: 'a@b.c', customerId: 'other' } }),
      400,
      'bad-request',
      { detail: 'The customer is invalid.' },
    )
    await expectProblem(
      await call(emulator, 'PUT', path, { token, body: { email: 'a@b.c', customerNo: '123' } }),
      400,
      'bad-request',
      { detail: 'The customer is invalid.' },
    )
  })

  it('createBasket takes items, shipments, currency, customer email and c_ attributes', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const basket = await createBasket(emulator, guest.access_token, {
      currency: 'EUR',
      customerInfo: { email: 'g@example.com' },
      shipments: [{ shipmentId: 'me' }, { shipmentId: 'gift' }],
      productItems: [
        { productId: 'a', quantity: 1 },
        { productId: 'b', quantity: 2, shipmentId: 'gift' },
      ],
      c_channel: 'app',
    })
    expect(basket).toMatchObject({
      currency: 'EUR',
      c_channel: 'app',
      customerInfo: { email: 'g@example.com' },
      shipments: [{ shipmentId: 'me' }, { shipmentId: 'gift' }],
    })
    expect(quantities(basket)).toEqual({ a: 1, b: 2 })
  })

  it('v2 paths run the same handlers on the same baskets', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const created = await basketOf(
      await call(emulator, 'POST', '/baskets', {
        token: guest.access_token,
        body: {},
        version: 'v2',
      }),
    )
    const read = await basketOf(
      await call(emulator, 'GET', `/baskets/${created.basketId}`, { token: guest.access_token }),
    )
    expect(read.basketId).toBe(created.basketId)
    expect(emulator.control.requests('createBasket').map((e) => e.status)).toEqual([200])
  })
})

describe('Shopper Baskets: request checks (4xx, never 500)', () => {
  it('siteId is required and must be a known site', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const token = guest.access_token
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { token, body: {}, query: { siteId: null } }),
      400,
      'bad-request',
      { detail: "The query parameter 'siteId' is required." },
    )
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { token, body: {}, query: { siteId: 'Nope' } }),
      400,
      'bad-request',
    )
    await expectProblem(
      await call(emulator, 'GET', '/baskets/abc', { token, query: { siteId: '' } }),
      400,
      'bad-request',
    )
  })

  it('missing, malformed or revoked bearer → 401 invalid-access-token', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const fields = {
      title: 'Invalid Access Token',
      detail: 'The request is unauthorized, the access token is invalid.',
    }
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { body: {} }),
      401,
      'invalid-access-token',
      fields,
    )
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { token: 'not.a.jwt', body: {} }),
      401,
      'invalid-access-token',
      fields,
    )
    emulator.control.advanceTime(31 * 60_000)
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} }),
      401,
      'invalid-access-token',
      fields,
    )
  })

  it('a token without a basket scope → 403', async () => {
    const emulator = createTestEmulator({
      clients: {
        extra: [{ clientId: 'catalog-only', scopes: ['sfcc.shopper-products'] }],
      },
    })
    const { code, usid, verifier } = await authorizeGuest(emulator, { clientId: 'catalog-only' })
    const exchange = codeExchange(emulator, code, verifier, usid, { client_id: 'catalog-only' })
    const guest = await tokens(await post(emulator, '/token', exchange))
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { token: guest.access_token, body: {} }),
      403,
      'forbidden',
    )
  })

  it('malformed bodies and parameters → 400 (413 when too large), no basket created', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const token = guest.access_token
    for (const body of [
      '{',
      '[]',
      '"x"',
      '{"productItems": "x"}',
      '{"currency": 12}',
      '{"shipments":[{}]}',
    ]) {
      await expectProblem(
        await call(emulator, 'POST', '/baskets', { token, body }),
        400,
        'bad-request',
      )
    }
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { token, body: {}, query: { taxMode: 'none' } }),
      400,
      'bad-request',
    )
    const huge = JSON.stringify({ c_blob: 'x'.repeat(70_000) })
    await expectProblem(
      await call(emulator, 'POST', '/baskets', { token, body: huge }),
      413,
      'payload-too-large',
    )
    const { basketId } = await createBasket(emulator, token)
    const items = `/baskets/${basketId}/items`
    for (const body of [
      '{',
      {},
      [],
      [null],
      [{ quantity: 1 }],
      [{ productId: '', quantity: 1 }],
      [{ productId: 'x'.repeat(101), quantity: 1 }],
      [{ productId: 'a', quantity: 1, optionItems: 'x' }],
      [{ productId: 'a', quantity: 1, optionItems: [{ optionId: 1 }] }],
      [{ productId: 'a', quantity: 1, shipmentId: 5 }],
    ]) {
      await expectProblem(await call(emulator, 'POST', items, { token, body }), 400, 'bad-request')
    }
    for (const body of ['{', '[]', { email: 5 }]) {
      await expectProblem(
        await call(emulator, 'PUT', `/baskets/${basketId}/customer`, { token, body }),
        400,
        'bad-request',
      )
    }
    const statuses = emulator.control.requests().map((e) => e.status)
    expect(statuses.filter((s) => s >= 500)).toEqual([])
  })

  it('unknown paths, methods and organizations answer in the module shape', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const token = guest.access_token
    await expectProblem(await call(emulator, 'GET', '/nothing', { token }), 404, 'not-found')
    const wrongMethod = await call(emulator, 'PATCH', '/baskets/abc', { token })
    await expectProblem(wrongMethod, 405, 'method-not-allowed')
    expect(wrongMethod.headers.get('allow')).toBe('GET, DELETE')
    await expectProblem(
      await call(emulator, 'GET', '/baskets/abc', { token }),
      404,
      'basket-not-found',
    )
    const otherOrg = await emulator.handle(
      new Request(
        `${emulator.settings.baseUrl}/checkout/shopper-baskets/v1/organizations/f_ecom_abcd_001/baskets?siteId=RefArch`,
        { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' },
      ),
    )
    await expectProblem(otherOrg, 404, 'not-found')
  })
})
