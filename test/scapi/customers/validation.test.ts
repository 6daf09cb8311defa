/**
 * Bad input never reaches the wire: a bad body is `bad_request`, bad parameters or a bad token are
 * `invalid_config`; both name the field and never its value.
 */
import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../../src/errors.ts'
import {
  createCustomerAddress,
  createCustomerProductListItem,
  getCustomer,
  getCustomerAddress,
  getCustomerOrders,
  getCustomerProductList,
  registerCustomer,
  resetPassword,
  updateCustomerPaymentInstrument,
} from '../../../src/scapi/index.ts'
import { expectCode } from '../../support/expectError.ts'
import { registerSecret } from '../../support/secrets.ts'
import { json, recordingFetch, scapiConfig } from '../fakeFetch.ts'
import { ACCESS_TOKEN, ADDRESS, CUSTOMER, CUSTOMER_ID } from '../scapiFixtures.ts'

const customer = { accessToken: ACCESS_TOKEN, customerId: CUSTOMER_ID }
const PASSWORD = 'Ada-Lovelace-1815'
registerSecret(PASSWORD)

type Call = (config: ReturnType<typeof scapiConfig>) => Promise<unknown>

async function expectRefused(call: Call, code: ErrorCode, message: string) {
  const { fetch, calls } = recordingFetch(() => json(200, CUSTOMER))
  const error = await expectCode(call(scapiConfig(fetch)), code)
  expect(error.message).toBe(message)
  expect(calls).toHaveLength(0)
}

describe('request bodies are checked before sending (bad_request)', () => {
  it.each<[string, Call, string]>([
    [
      'a registration without lastName',
      (c) =>
        registerCustomer(c, {
          accessToken: ACCESS_TOKEN,
          body: { customer: { login: 'ada', email: 'ada@example.com' }, password: PASSWORD },
        } as Parameters<typeof registerCustomer>[1]),
      'registerCustomer: body.customer.lastName: is required',
    ],
    [
      'a registration with an empty password',
      (c) =>
        registerCustomer(c, {
          accessToken: ACCESS_TOKEN,
          body: { customer: { login: 'a', email: 'a@b.c', lastName: 'L' }, password: '' },
        }),
      'registerCustomer: body.password: must not be empty',
    ],
    [
      'an address with a three-letter country',
      (c) => createCustomerAddress(c, { ...customer, body: { ...ADDRESS, countryCode: 'USA' } }),
      'createCustomerAddress: body.countryCode: must be two capital letters',
    ],
    [
      'an address with a phone number over 32 characters',
      (c) => createCustomerAddress(c, { ...customer, body: { ...ADDRESS, phone: '1'.repeat(33) } }),
      'createCustomerAddress: body.phone: must be at most 32 characters',
    ],
    [
      'a payment instrument update with an unsupported field',
      (c) =>
        updateCustomerPaymentInstrument(c, {
          ...customer,
          paymentInstrumentId: 'pi-1',
          body: { paymentCard: { holder: 'Ada' } } as never,
        }),
      'updateCustomerPaymentInstrument: body.paymentCard: has unknown keys holder',
    ],
    [
      'a payment instrument update with month 13',
      (c) =>
        updateCustomerPaymentInstrument(c, {
          ...customer,
          paymentInstrumentId: 'pi-1',
          body: { paymentCard: { expirationMonth: 13 } },
        }),
      'updateCustomerPaymentInstrument: body.paymentCard.expirationMonth: must be at most 12',
    ],
    [
      'a product item without productId',
      (c) =>
        createCustomerProductListItem(c, {
          ...customer,
          listId: 'list-1',
          body: { type: 'product', priority: 1, public: false, quantity: 1 },
        }),
      'createCustomerProductListItem: body.productId: is required for product items',
    ],
    [
      'a product list item with a negative quantity',
      (c) =>
        createCustomerProductListItem(c, {
          ...customer,
          listId: 'list-1',
          body: { type: 'gift_certificate', priority: 1, public: false, quantity: -1 },
        }),
      'createCustomerProductListItem: body.quantity: must be at least 0',
    ],
    [
      'a missing body',
      (c) => resetPassword(c, { accessToken: 'am' } as Parameters<typeof resetPassword>[1]),
      'resetPassword: body: is required',
    ],
  ])('refuses %s', async (_name, call, message) => {
    await expectRefused(call, 'bad_request', message)
  })

  it('never echoes the refused value', async () => {
    const { fetch } = recordingFetch(() => json(200, CUSTOMER))
    const error = await expectCode(
      registerCustomer(scapiConfig(fetch), {
        accessToken: ACCESS_TOKEN,
        body: {
          customer: { login: 'a', email: 'a@b.c', lastName: 'L' },
          password: 'x'.repeat(4097),
        },
      }),
      'bad_request',
    )
    expect(error.message).toBe('registerCustomer: body.password: must be at most 4096 characters')
  })
})

describe('parameters and the token are checked before sending (invalid_config)', () => {
  it.each<[string, Call, string]>([
    [
      'a missing token',
      (c) => getCustomer(c, { customerId: CUSTOMER_ID } as Parameters<typeof getCustomer>[1]),
      'getCustomer: accessToken: is required',
    ],
    [
      'a token with a line break',
      (c) => getCustomer(c, { accessToken: `${ACCESS_TOKEN}\n`, customerId: CUSTOMER_ID }),
      'getCustomer: accessToken: must not contain control characters',
    ],
    [
      'an empty customer id',
      (c) => getCustomer(c, { accessToken: ACCESS_TOKEN, customerId: '' }),
      'getCustomer: customerId: must not be empty',
    ],
    [
      'a customer id that would climb the path',
      (c) => getCustomer(c, { accessToken: ACCESS_TOKEN, customerId: '..' }),
      'getCustomer: customerId: must not be "." or ".."',
    ],
    [
      'an unknown expand value',
      (c) => getCustomer(c, { ...customer, expand: ['everything'] as never }),
      'getCustomer: expand[0]: must be one of "none", "addresses", "paymentinstruments", "paymentmethodreferences"',
    ],
    [
      'an address name over 256 characters',
      (c) => getCustomerAddress(c, { ...customer, addressName: 'a'.repeat(257) }),
      'getCustomerAddress: addressName: must be at most 256 characters',
    ],
    [
      'a list id over 28 characters',
      (c) => getCustomerProductList(c, { ...customer, listId: 'l'.repeat(29) }),
      'getCustomerProductList: listId: must be at most 28 characters',
    ],
    [
      'a page size over 50',
      (c) => getCustomerOrders(c, { ...customer, limit: 51 }),
      'getCustomerOrders: limit: must be at most 50',
    ],
  ])('refuses %s', async (_name, call, message) => {
    await expectRefused(call, 'invalid_config', message)
  })
})

describe('calls', () => {
  it('percent-encodes path parameters, `.` inside a name included', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, ADDRESS))
    await getCustomerAddress(scapiConfig(fetch), { ...customer, addressName: '../x?y#z' })
    expect(calls[0]?.url.pathname.endsWith('/addresses/..%2Fx%3Fy%23z')).toBe(true)
  })

  it('passes the caller signal, and an aborted one sends nothing', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, CUSTOMER))
    const controller = new AbortController()
    await getCustomer(scapiConfig(fetch), customer, { signal: controller.signal })
    expect(calls[0]?.signal?.aborted).toBe(false)
    controller.abort()
    expect(calls[0]?.signal?.aborted).toBe(true)
    await expectCode(
      getCustomer(scapiConfig(fetch), customer, { signal: controller.signal }),
      'aborted',
    )
    expect(calls).toHaveLength(1)
  })

  it('maps a thrown fetch to network', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('fetch failed'))
    await expectCode(getCustomer(scapiConfig(failing), customer), 'network')
  })
})
