/**
 * Conformance: commerce-sdk-isomorphic's ShopperCustomers client, unmodified, against the
 * emulator over real HTTP: registration with a guest token, then login, profile, addresses and
 * product lists as the registered shopper.
 */
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveEmulator } from '../../src/emulator/node.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { registerSecret } from '../support/secrets.ts'

// Its ESM build (5.6.0) calls `require` at load time, which fails in an ES module: load the
// CommonJS build.
const csi = createRequire(import.meta.url)(
  'commerce-sdk-isomorphic',
) as typeof import('commerce-sdk-isomorphic')
const { helpers, ShopperCustomers, ShopperLogin } = csi

const emulator = createTestEmulator()
let server: Awaited<ReturnType<typeof serveEmulator>>

const NEW_SHOPPER = {
  login: 'katherine@example.com',
  password: 'Katherine-Johnson-1918',
  firstName: 'Katherine',
  lastName: 'Johnson',
}
registerSecret(NEW_SHOPPER.password)

function parameters() {
  return {
    organizationId: emulator.settings.organizationId,
    shortCode: emulator.settings.shortCode,
    siteId: emulator.settings.siteIds[0] ?? 'RefArch',
  }
}

function slasClient() {
  return new ShopperLogin({
    proxy: server.url,
    parameters: { ...parameters(), clientId: emulator.settings.clients.public.clientId },
    throwOnBadResponse: true,
  })
}

function customersClient(accessToken: string) {
  return new ShopperCustomers({
    proxy: server.url,
    parameters: parameters(),
    headers: { authorization: `Bearer ${accessToken}` },
    throwOnBadResponse: true,
  })
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise
  } catch (error) {
    const response = (error as { response?: Response }).response
    if (!response) throw error
    return response.status
  }
  throw new Error('expected the SDK call to fail')
}

beforeAll(async () => {
  server = await serveEmulator(emulator, { port: 0 })
})

afterAll(async () => {
  await server.close()
})

describe('commerce-sdk-isomorphic ShopperCustomers against the emulator over HTTP', () => {
  let customers: InstanceType<typeof ShopperCustomers>
  let customerId: string

  it('registerCustomer with a guest token, then loginRegisteredUserB2C', async () => {
    const redirectURI = `${server.url}/callback`
    const guest = await helpers.loginGuestUser({ slasClient: slasClient(), parameters: { redirectURI } })
    const registered = await customersClient(guest.access_token).registerCustomer({
      body: {
        customer: {
          login: NEW_SHOPPER.login,
          email: NEW_SHOPPER.login,
          firstName: NEW_SHOPPER.firstName,
          lastName: NEW_SHOPPER.lastName,
        },
        password: NEW_SHOPPER.password,
      },
    })
    expect(registered).toMatchObject({ authType: 'registered', login: NEW_SHOPPER.login })
    const tokens = await helpers.loginRegisteredUserB2C({
      slasClient: slasClient(),
      credentials: { username: NEW_SHOPPER.login, password: NEW_SHOPPER.password },
      parameters: { redirectURI, usid: guest.usid },
    })
    expect(tokens.customer_id).toBe(registered.customerId)
    customerId = tokens.customer_id
    customers = customersClient(tokens.access_token)
  })

  it('getCustomer and updateCustomer', async () => {
    const profile = await customers.getCustomer({ parameters: { customerId } })
    expect(profile).toMatchObject({ customerId, email: NEW_SHOPPER.login })
    const updated = await customers.updateCustomer({
      parameters: { customerId },
      body: { firstName: 'Kathy', phoneMobile: '+1 555 0100' },
    })
    expect(updated).toMatchObject({ firstName: 'Kathy', phoneMobile: '+1 555 0100' })
  })

  it('address calls: create, get, update, remove', async () => {
    const address = { addressId: 'home', countryCode: 'US', lastName: 'Johnson', city: 'Hampton' }
    const created = await customers.createCustomerAddress({ parameters: { customerId }, body: address })
    expect(created).toMatchObject(address)
    const read = await customers.getCustomerAddress({
      parameters: { customerId, addressName: 'home' },
    })
    expect(read.city).toBe('Hampton')
    const updated = await customers.updateCustomerAddress({
      parameters: { customerId, addressName: 'home' },
      body: { ...address, city: 'Newport News' },
    })
    expect(updated.city).toBe('Newport News')
    await customers.removeCustomerAddress({ parameters: { customerId, addressName: 'home' } })
    expect(
      await status(customers.getCustomerAddress({ parameters: { customerId, addressName: 'home' } })),
    ).toBe(404)
  })

  it('product-list calls: lists and items', async () => {
    const list = await customers.createCustomerProductList({
      parameters: { customerId },
      body: { type: 'wish_list', name: 'Launch day', public: false },
    })
    const listId = list.id ?? ''
    expect(listId).not.toBe('')
    const item = await customers.createCustomerProductListItem({
      parameters: { customerId, listId },
      body: { type: 'product', productId: 'apollo-11', quantity: 1, priority: 1, public: false },
    })
    const itemId = item.id ?? ''
    const lists = await customers.getCustomerProductLists({ parameters: { customerId } })
    expect(lists.data?.map((l) => l.id)).toContain(listId)
    const updatedItem = await customers.updateCustomerProductListItem({
      parameters: { customerId, listId, itemId },
      body: { quantity: 3, priority: 2, public: false },
    })
    expect(updatedItem.quantity).toBe(3)
    const fetched = await customers.getCustomerProductList({ parameters: { customerId, listId } })
    expect(fetched.customerProductListItems?.[0]).toMatchObject({ productId: 'apollo-11' })
    await customers.deleteCustomerProductListItem({ parameters: { customerId, listId, itemId } })
    await customers.deleteCustomerProductList({ parameters: { customerId, listId } })
    expect(await status(customers.getCustomerProductList({ parameters: { customerId, listId } }))).toBe(
      404,
    )
  })

  it("another shopper's customer id is refused", async () => {
    const other = emulator.settings.shoppers[0]?.customerId ?? ''
    expect(await status(customers.getCustomer({ parameters: { customerId: other } }))).toBe(400)
  })
})
