/**
 * The Shopper Customers client against the emulator, in-process: every operation's happy path
 * (each answer parsed by the client's own schema, so a schema/emulator disagreement fails) and the
 * documented errors mapped to their codes. Logins go through the client's SLAS flows.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/index.ts'
import * as customers from '../../src/scapi/customers/index.ts'
import {
  createBasket,
  createCustomerAddress,
  createCustomerPaymentInstrument,
  createCustomerProductList,
  createCustomerProductListItem,
  type CustomerPaymentInstrumentUpdateRequest,
  decodeJwtClaims,
  deleteCustomerPaymentInstrument,
  deleteCustomerPaymentMethodReference,
  deleteCustomerProductList,
  deleteCustomerProductListItem,
  getCustomer,
  getCustomerAddress,
  getCustomerBaskets,
  getCustomerOrders,
  getCustomerPaymentInstrument,
  getCustomerProductList,
  getCustomerProductListItem,
  getCustomerProductLists,
  getExternalProfile,
  getProductListItem,
  getPublicProductList,
  getPublicProductListItems,
  getPublicProductListsBySearchTerm,
  getResetPasswordToken,
  refreshAccessToken,
  registerCustomer,
  registerExternalProfile,
  removeCustomerAddress,
  resetPassword,
  setupCustomerPaymentMethodReference,
  updateCustomer,
  updateCustomerAddress,
  updateCustomerPassword,
  updateCustomerPaymentInstrument,
  updateCustomerProductList,
  updateCustomerProductListItem,
} from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import {
  amAccessToken,
  guest,
  operationNames,
  operationTracker,
  registered,
  scapiConfig,
  seeded,
  slasConfig,
} from './emulatorClients.ts'

const tracker = operationTracker()

// A password the emulator's default policy accepts (upper, lower, digit, special, ≥ 8).
const STRONG = 'Str0ng-Passw0rd!'

/** Ada, logged in: token, refresh token and customer id. */
async function ada(emulator: Emulator) {
  const tokens = await registered(emulator)
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    customerId: tokens.customer_id,
  }
}

describe('Shopper Customers client against the emulator (in-process)', () => {
  afterAll(() => {
    tracker.expectAllCalled(operationNames(customers))
  })

  describe('registerCustomer', () => {
    it('registers with a guest token; the new shopper can log in', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { access_token } = await guest(emulator)
      const customer = await registerCustomer(config, {
        accessToken: access_token,
        body: {
          customer: { login: 'lin@example.com', email: 'lin@example.com', lastName: 'Lin' },
          password: STRONG,
        },
      })
      expect(customer).toMatchObject({
        authType: 'registered',
        login: 'lin@example.com',
        email: 'lin@example.com',
        lastName: 'Lin',
        enabled: true,
        hasPassword: true,
      })
      expect(customer.customerId).toEqual(expect.any(String))
      expect(customer.addresses).toBeUndefined()
      const tokens = await registered(emulator, { username: 'lin@example.com', password: STRONG })
      expect(tokens.customer_id).toBe(customer.customerId)
    })

    it('a taken login is login_taken, a weak password weak_password', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { access_token } = await guest(emulator)
      const ada = seeded(emulator)
      await expectCode(
        registerCustomer(config, {
          accessToken: access_token,
          body: {
            customer: { login: ada.login, email: 'other@example.com', lastName: 'Other' },
            password: STRONG,
          },
        }),
        'login_taken',
      )
      await expectCode(
        registerCustomer(config, {
          accessToken: access_token,
          body: {
            customer: { login: 'weak@example.com', email: 'weak@example.com', lastName: 'Weak' },
            password: 'weak',
          },
        }),
        'weak_password',
      )
    })
  })

  describe('profile', () => {
    it('getCustomer (default and expand) and updateCustomer', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken, customerId } = await ada(emulator)
      const customer = await getCustomer(config, { accessToken, customerId })
      expect(customer).toMatchObject({
        customerId,
        login: seeded(emulator).login,
        firstName: 'Ada',
        authType: 'registered',
        addresses: [],
        paymentInstruments: [],
      })
      const bare = await getCustomer(config, { accessToken, customerId, expand: ['none'] })
      expect(bare.addresses).toBeUndefined()
      expect(bare.paymentInstruments).toBeUndefined()
      const updated = await updateCustomer(config, {
        accessToken,
        customerId,
        body: { firstName: 'Augusta', phoneHome: '555-0100', c_loyalty: 'gold' },
      })
      expect(updated).toMatchObject({ firstName: 'Augusta', phoneHome: '555-0100' })
      expect(updated.c_loyalty).toBe('gold')
      expect(await getCustomer(config, { accessToken, customerId })).toMatchObject({
        firstName: 'Augusta',
      })
    })

    it("another shopper's customerId is forbidden", async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken } = await ada(emulator)
      const grace = seeded(emulator, 1)
      await expectCode(
        getCustomer(config, { accessToken, customerId: grace.customerId }),
        'forbidden',
      )
    })

    it('a login change needs currentPassword, then old tokens are refused', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken, refreshToken, customerId } = await ada(emulator)
      const { password } = seeded(emulator)
      await expectCode(
        updateCustomer(config, { accessToken, customerId, body: { login: 'ada@lovelace.dev' } }),
        'invalid_current_password',
      )
      await expectCode(
        updateCustomer(config, {
          accessToken,
          customerId,
          body: { login: 'ada@lovelace.dev', currentPassword: 'Wrong-Passw0rd!' },
        }),
        'invalid_current_password',
      )
      const changed = await updateCustomer(config, {
        accessToken,
        customerId,
        body: { login: 'ada@lovelace.dev', currentPassword: password },
      })
      expect(changed.login).toBe('ada@lovelace.dev')
      expect(changed).not.toHaveProperty('currentPassword')
      await expectCode(getCustomer(config, { accessToken, customerId }), 'credentials_changed')
      await expectCode(
        refreshAccessToken(slasConfig(emulator), { refreshToken }),
        'invalid_grant',
      )
      const again = await registered(emulator, { username: 'ada@lovelace.dev' })
      const customer = await getCustomer(config, { accessToken: again.access_token, customerId })
      expect(customer.login).toBe('ada@lovelace.dev')
    })
  })

  describe('passwords', () => {
    it('updateCustomerPassword: a wrong current password, then a change ends tokens', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken, refreshToken, customerId } = await ada(emulator)
      const { password } = seeded(emulator)
      await expectCode(
        updateCustomerPassword(config, {
          accessToken,
          customerId,
          body: { currentPassword: 'Wrong-Passw0rd!', password: STRONG },
        }),
        'invalid_current_password',
      )
      await expectCode(
        updateCustomerPassword(config, {
          accessToken,
          customerId,
          body: { currentPassword: password, password: 'weak' },
        }),
        'weak_password',
      )
      const result = await updateCustomerPassword(config, {
        accessToken,
        customerId,
        body: { currentPassword: password, password: STRONG },
      })
      expect(result).toBeUndefined()
      await expectCode(getCustomer(config, { accessToken, customerId }), 'credentials_changed')
      await expectCode(refreshAccessToken(slasConfig(emulator), { refreshToken }), 'invalid_grant')
      await registered(emulator, { password: STRONG })
    })

    it('getResetPasswordToken + resetPassword with an Account Manager token', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { login, email } = seeded(emulator)
      const old = await ada(emulator)
      const am = await amAccessToken(emulator)
      const issued = await getResetPasswordToken(config, { accessToken: am, body: { login } })
      expect(issued).toMatchObject({ login, email, expiresInMinutes: 30 })
      const mail = emulator.control.outbox().at(-1)
      expect(mail).toMatchObject({ login, email })
      const resetToken = mail?.resetToken ?? ''
      expect(issued.resetToken).toBe(resetToken)
      const body = { resetToken, login, newPassword: STRONG }
      expect(await resetPassword(config, { accessToken: am, body })).toBeUndefined()
      await registered(emulator, { password: STRONG })
      await expectCode(
        getCustomer(config, { accessToken: old.accessToken, customerId: old.customerId }),
        'credentials_changed',
      )
      // Reset tokens are single use.
      await expectCode(
        resetPassword(config, { accessToken: am, body: { ...body, newPassword: 'An0ther-Pass!' } }),
        'invalid_reset_token',
      )
      await expectCode(
        getResetPasswordToken(config, { accessToken: am, body: { login: 'nobody@example.com' } }),
        'not_found',
      )
    })

    it('resetPassword: a bare 401 is invalid_token (not the SLAS resetPassword)', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const am = await amAccessToken(emulator)
      const { login } = seeded(emulator)
      const body = { resetToken: 'some-reset-token', login, newPassword: STRONG }
      emulator.control.failNext('resetPassword', { status: 401, body: {} })
      const error = await expectCode(
        resetPassword(config, { accessToken: am, body }),
        'invalid_token',
      )
      expect(error.operation).toBe('resetPassword')
      // And the emulator's own 401 for a token it does not know.
      await expectCode(
        resetPassword(config, { accessToken: 'not.an.am-token', body }),
        'invalid_token',
      )
    })
  })

  describe('external profiles', () => {
    it('registerExternalProfile (guest) and getExternalProfile (Account Manager)', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { access_token } = await guest(emulator)
      const body = {
        authenticationProviderId: 'google',
        externalId: 'g-123',
        email: 'ext@example.com',
        lastName: 'External',
      }
      const created = await registerExternalProfile(config, { accessToken: access_token, body })
      expect(created).toMatchObject(body)
      const am = await amAccessToken(emulator)
      const read = await getExternalProfile(config, {
        accessToken: am,
        externalId: 'g-123',
        authenticationProviderId: 'google',
      })
      expect(read).toEqual(created)
      await expectCode(
        getExternalProfile(config, {
          accessToken: am,
          externalId: 'unknown',
          authenticationProviderId: 'google',
        }),
        'not_found',
      )
    })
  })

  describe('addresses', () => {
    it('create, get, update, remove; a removed address is not_found', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken, customerId } = await ada(emulator)
      const home = { addressId: 'home', countryCode: 'GB', lastName: 'Lovelace', city: 'London' }
      const created = await createCustomerAddress(config, { accessToken, customerId, body: home })
      expect(created).toMatchObject(home)
      const addressName = 'home'
      const read = await getCustomerAddress(config, { accessToken, customerId, addressName })
      expect(read).toEqual(created)
      const updated = await updateCustomerAddress(config, {
        accessToken,
        customerId,
        addressName: 'home',
        body: { ...home, city: 'Marylebone', preferred: true },
      })
      expect(updated).toMatchObject({ city: 'Marylebone', preferred: true })
      const customer = await getCustomer(config, { accessToken, customerId })
      expect(customer.addresses).toHaveLength(1)
      await removeCustomerAddress(config, { accessToken, customerId, addressName: 'home' })
      await expectCode(
        getCustomerAddress(config, { accessToken, customerId, addressName: 'home' }),
        'not_found',
      )
    })
  })

  describe('payment instruments', () => {
    it('create, get, update, delete; unsupported update fields are never sent', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken, customerId } = await ada(emulator)
      const created = await createCustomerPaymentInstrument(config, {
        accessToken,
        customerId,
        body: {
          paymentMethodId: 'CREDIT_CARD',
          paymentCard: {
            cardType: 'Visa',
            expirationMonth: 12,
            expirationYear: 2040,
            holder: 'Ada Lovelace',
            // Regression: required but may be empty (the client used to refuse '' before sending).
            issueNumber: '',
            number: '4111111111111111',
            validFromMonth: 1,
            validFromYear: 2020,
          },
        },
      })
      expect(created.paymentCard).toMatchObject({
        cardType: 'Visa',
        numberLastDigits: '1111',
        creditCardExpired: false,
      })
      expect(JSON.stringify(created)).not.toContain('4111111111111111')
      const paymentInstrumentId = created.paymentInstrumentId ?? ''
      expect(paymentInstrumentId).not.toBe('')
      const read = await getCustomerPaymentInstrument(config, {
        accessToken,
        customerId,
        paymentInstrumentId,
      })
      expect(read).toEqual(created)
      const updated = await updateCustomerPaymentInstrument(config, {
        accessToken,
        customerId,
        paymentInstrumentId,
        body: { default: true, paymentCard: { expirationMonth: 6, expirationYear: 2041 } },
      })
      expect(updated).toMatchObject({
        default: true,
        paymentCard: { expirationMonth: 6, expirationYear: 2041 },
      })

      const sent = emulator.control.requests('updateCustomerPaymentInstrument').length
      type Update = CustomerPaymentInstrumentUpdateRequest
      const unsupported = { paymentMethodId: 'GIFT_CERTIFICATE' } as Update
      await expectCode(
        updateCustomerPaymentInstrument(config, {
          accessToken,
          customerId,
          paymentInstrumentId,
          body: unsupported,
        }),
        'bad_request',
      )
      const holder = { paymentCard: { holder: 'Someone Else' } } as Update
      await expectCode(
        updateCustomerPaymentInstrument(config, {
          accessToken,
          customerId,
          paymentInstrumentId,
          body: holder,
        }),
        'bad_request',
      )
      expect(emulator.control.requests('updateCustomerPaymentInstrument')).toHaveLength(sent)

      const instrument = { accessToken, customerId, paymentInstrumentId }
      await deleteCustomerPaymentInstrument(config, instrument)
      await expectCode(
        getCustomerPaymentInstrument(config, { accessToken, customerId, paymentInstrumentId }),
        'not_found',
      )
    })

    it('setupCustomerPaymentMethodReference and deleteCustomerPaymentMethodReference', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken, customerId } = await ada(emulator)
      const setup = await setupCustomerPaymentMethodReference(config, {
        accessToken,
        customerId,
        zoneId: 'default',
        body: { paymentMethodType: 'card', gatewayProperties: { stripe: {} } },
      })
      expect(setup.paymentMethodReferenceSetupId).toEqual(expect.any(String))
      const customer = await getCustomer(config, {
        accessToken,
        customerId,
        expand: ['paymentmethodreferences'],
      })
      const reference = customer.paymentMethodReferences?.[0]
      expect(reference).toMatchObject({ type: 'card', last4: '4242' })
      const paymentMethodReferenceId = reference?.id ?? ''
      const accountId = reference?.accountId ?? ''
      await deleteCustomerPaymentMethodReference(config, {
        accessToken,
        customerId,
        paymentMethodReferenceId,
        accountId,
      })
      await expectCode(
        deleteCustomerPaymentMethodReference(config, {
          accessToken,
          customerId,
          paymentMethodReferenceId,
          accountId,
        }),
        'not_found',
      )
    })
  })

  describe('product lists', () => {
    it('lists and items: create, read, update, delete', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken, customerId } = await ada(emulator)
      const list = await createCustomerProductList(config, {
        accessToken,
        customerId,
        body: { type: 'wish_list', name: 'Engines' },
      })
      expect(list).toMatchObject({ type: 'wish_list', name: 'Engines', public: false })
      const listId = list.id ?? ''
      const all = await getCustomerProductLists(config, { accessToken, customerId })
      expect(all.data.map((l) => l.id)).toEqual([listId])
      const renamed = await updateCustomerProductList(config, {
        accessToken,
        customerId,
        listId,
        body: { name: 'Analytical Engines', description: 'Wants' },
      })
      expect(renamed).toMatchObject({ name: 'Analytical Engines', description: 'Wants' })

      const item = await createCustomerProductListItem(config, {
        accessToken,
        customerId,
        listId,
        body: { type: 'product', productId: 'engine-1', quantity: 1, priority: 1, public: true },
      })
      expect(item).toMatchObject({ productId: 'engine-1', quantity: 1, public: true })
      const itemId = item.id ?? ''
      const readItem = await getCustomerProductListItem(config, {
        accessToken,
        customerId,
        listId,
        itemId,
      })
      expect(readItem).toEqual(item)
      const changed = await updateCustomerProductListItem(config, {
        accessToken,
        customerId,
        listId,
        itemId,
        body: { priority: 2, public: false, quantity: 3 },
      })
      expect(changed).toMatchObject({ priority: 2, public: false, quantity: 3 })
      const read = await getCustomerProductList(config, { accessToken, customerId, listId })
      expect(read.customerProductListItems).toHaveLength(1)
      await deleteCustomerProductListItem(config, { accessToken, customerId, listId, itemId })
      await expectCode(
        getCustomerProductListItem(config, { accessToken, customerId, listId, itemId }),
        'not_found',
      )
      await deleteCustomerProductList(config, { accessToken, customerId, listId })
      await expectCode(
        getCustomerProductList(config, { accessToken, customerId, listId }),
        'not_found',
      )
    })

    it('guests own product lists too', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { access_token: accessToken, customer_id: customerId } = await guest(emulator)
      const list = await createCustomerProductList(config, {
        accessToken,
        customerId,
        body: { type: 'shopping_list' },
      })
      const lists = await getCustomerProductLists(config, { accessToken, customerId })
      expect(lists.total).toBe(1)
      expect(lists.data[0]?.id).toBe(list.id)
    })

    it('public product lists: search, read, items; a private list is not_found', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const owner = await ada(emulator)
      const { email, firstName, lastName } = seeded(emulator)
      const list = await createCustomerProductList(config, {
        ...owner,
        body: { type: 'wish_list', name: 'Public wishes', public: true },
      })
      const listId = list.id ?? ''
      const visible = await createCustomerProductListItem(config, {
        ...owner,
        listId,
        body: { type: 'product', productId: 'engine-2', quantity: 1, priority: 1, public: true },
      })
      await createCustomerProductListItem(config, {
        ...owner,
        listId,
        body: { type: 'product', productId: 'engine-3', quantity: 1, priority: 2, public: false },
      })
      const hidden = await createCustomerProductList(config, {
        ...owner,
        body: { type: 'wish_list', name: 'Private' },
      })

      // Any shopper may read them, a guest included.
      const { access_token: accessToken } = await guest(emulator)
      const byEmail = await getPublicProductListsBySearchTerm(config, { accessToken, email })
      expect(byEmail.data.map((l) => l.id)).toEqual([listId])
      expect(byEmail.data[0]).toMatchObject({ name: 'Public wishes', type: 'wish_list' })
      const byName = await getPublicProductListsBySearchTerm(config, {
        accessToken,
        firstName,
        lastName,
      })
      expect(byName.total).toBe(1)
      const publicList = await getPublicProductList(config, { accessToken, listId })
      expect(publicList).toMatchObject({ id: listId, public: true, type: 'wish_list' })
      expect(publicList.productListItems?.map((i) => i.id)).toEqual([visible.id])
      const items = await getPublicProductListItems(config, {
        accessToken,
        listId,
        expand: ['product'],
      })
      expect(items.data?.map((i) => i.id)).toEqual([visible.id])
      const itemId = visible.id ?? ''
      const one = await getProductListItem(config, { accessToken, listId, itemId })
      expect(one).toMatchObject({ id: visible.id, type: 'product', product: { id: 'engine-2' } })
      await expectCode(
        getPublicProductList(config, { accessToken, listId: hidden.id ?? '' }),
        'not_found',
      )
    })
  })

  describe('baskets and orders', () => {
    it('getCustomerBaskets shows the open basket', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { access_token: accessToken, customer_id: customerId } = await guest(emulator)
      expect(await getCustomerBaskets(config, { accessToken, customerId })).toMatchObject({
        total: 0,
      })
      const basket = await createBasket(config, { accessToken, body: {} })
      const result = await getCustomerBaskets(config, { accessToken, customerId })
      expect(result.total).toBe(1)
      expect(result.baskets?.[0]?.basketId).toBe(basket.basketId)
    })

    it('getCustomerOrders pages the seeded orders', async () => {
      const emulator = tracker.emulator()
      const config = scapiConfig(emulator)
      const { accessToken, customerId } = await ada(emulator)
      const orders = Array.from({ length: 3 }, (_, index) => ({
        orderNo: `0000010${index}`,
        status: index === 2 ? 'completed' : 'new',
        currency: 'USD',
        orderTotal: 10 + index,
        creationDate: `2024-01-0${index + 1}T10:00:00.000Z`,
        customerInfo: { customerId, email: seeded(emulator).email },
        productItems: [{ productId: 'engine-1', quantity: 1, price: 10 + index }],
      }))
      emulator.control.seedOrders(customerId, orders)
      const page = await getCustomerOrders(config, { accessToken, customerId })
      expect(page).toMatchObject({ total: 3, offset: 0, limit: 10 })
      expect(page.data?.map((o) => o.orderNo)).toEqual(['00000100', '00000101', '00000102'])
      const page2 = { accessToken, customerId, limit: 1, offset: 1 }
      const second = await getCustomerOrders(config, page2)
      expect(second).toMatchObject({ total: 3, offset: 1, limit: 1 })
      expect(second.data?.map((o) => o.orderNo)).toEqual(['00000101'])
      const completed = await getCustomerOrders(config, {
        accessToken,
        customerId,
        status: 'completed',
      })
      expect(completed.data?.map((o) => o.orderNo)).toEqual(['00000102'])
      expect(decodeJwtClaims(accessToken).customerType).toBe('registered')
    })
  })
})
