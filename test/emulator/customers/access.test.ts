/**
 * Access rules of every Shopper Customers route: bearer token (401), scopes (403), `siteId` (400),
 * the path's customerId (400 invalid-customer for anyone else's), guest vs registered, and the
 * module-level answers (404/405/organization, injected faults, request log names).
 */
import { describe, expect, it } from 'vitest'
import { CUSTOMER_ROUTES } from '../../../src/emulator/customers/index.ts'
import type { Emulator } from '../../../src/emulator/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import { codeExchange, fromLocation, loginRequest, post, tokens } from '../helpers.ts'
import {
  amToken,
  call,
  customersBase,
  expectProblem,
  guestShopper,
  ok,
  otherShopper,
  registeredShopper,
} from './helpers.ts'

const OTHER_CUSTOMER =
  'CustomerId URL parameter does not match the verified customer represented by the JWT token.'

/** The route's path after `/organizations/:organizationId`, params filled in. */
function concretePath(path: string, params: Record<string, string>): string {
  const after = path.split('/organizations/:organizationId')[1] ?? ''
  return after.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? 'x')
}

const CUSTOMER_SCOPED = CUSTOMER_ROUTES.filter((route) => route.path.includes('/:customerId'))

async function narrowLogin(emulator: Emulator, clientId: string) {
  const { response, verifier } = await loginRequest(emulator, { clientId })
  const { code, usid } = fromLocation(response)
  return tokens(
    await post(
      emulator,
      '/token',
      codeExchange(emulator, code, verifier, usid, { client_id: clientId }),
    ),
  )
}

describe('Shopper Customers access rules', () => {
  it('refuses every customer endpoint called with another shopper’s customerId', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const grace = await otherShopper(emulator)
    const address = { addressId: 'home', countryCode: 'US', lastName: 'Hopper' }
    await ok(
      await call(emulator, 'POST', `/customers/${grace.customerId}/addresses`, {
        token: grace.token,
        body: address,
      }),
    )
    expect(CUSTOMER_SCOPED.length).toBe(24)
    expect(CUSTOMER_ROUTES.length).toBe(33)
    for (const route of CUSTOMER_SCOPED) {
      const path = concretePath(route.path, { customerId: grace.customerId, addressName: 'home' })
      const response = await call(emulator, route.method, path, {
        token: ada.token,
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : { login: 'x@y.z' },
        query: { accountId: 'acct', zoneId: 'zone' },
      })
      expect(`${route.operation} ${response.status}`).toBe(`${route.operation} 400`)
      await expectProblem(response, 400, 'invalid-customer', OTHER_CUSTOMER)
    }
    // Grace's data is untouched.
    const mine = await call(emulator, 'GET', `/customers/${grace.customerId}/addresses/home`, {
      token: grace.token,
    })
    expect((await ok(mine)).lastName).toBe('Hopper')
  })

  it('refuses a guest using another guest’s customerId on guest-capable endpoints', async () => {
    const emulator = createTestEmulator()
    const one = await guestShopper(emulator)
    const two = await guestShopper(emulator)
    for (const path of ['/product-lists', '/baskets', '/orders']) {
      const response = await call(emulator, 'GET', `/customers/${two.customerId}${path}`, {
        token: one.token,
      })
      await expectProblem(response, 400, 'invalid-customer', OTHER_CUSTOMER)
    }
  })

  it('answers 404 to a guest on registered-only endpoints (a guest has no profile)', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const response = await call(emulator, 'GET', `/customers/${guest.customerId}`, {
      token: guest.token,
    })
    const body = await expectProblem(response, 404, 'not-found')
    expect(body.customerId).toBe(guest.customerId)
  })

  it('needs a valid bearer token (401 invalid-access-token)', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const path = `/customers/${ada.customerId}`
    for (const token of [undefined, 'garbage', `${ada.token}x`]) {
      await expectProblem(await call(emulator, 'GET', path, { token }), 401, 'invalid-access-token')
    }
    emulator.control.advanceTime(31 * 60_000)
    await expectProblem(
      await call(emulator, 'GET', path, { token: ada.token }),
      401,
      'invalid-access-token',
      'The request is unauthorized, the access token is invalid.',
    )
  })

  it('refuses an AM token on shopper routes and a shopper token on AM routes', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const am = await amToken(emulator)
    await expectProblem(
      await call(emulator, 'GET', `/customers/${ada.customerId}`, { token: am }),
      401,
      'invalid-access-token',
    )
    const reset = await call(emulator, 'POST', '/customers/password/actions/create-reset-token', {
      token: ada.token,
      body: { login: 'ada@example.com' },
    })
    await expectProblem(reset, 401, 'invalid-access-token')
  })

  it('requires siteId, and a configured one (400)', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const path = `/customers/${ada.customerId}`
    await expectProblem(
      await call(emulator, 'GET', path, { token: ada.token, siteId: null }),
      400,
      'bad-request',
    )
    await expectProblem(
      await call(emulator, 'GET', path, { token: ada.token, siteId: 'NoSuchSite' }),
      400,
      'bad-request',
    )
    const am = await amToken(emulator)
    const reset = await call(emulator, 'POST', '/customers/password/actions/create-reset-token', {
      token: am,
      siteId: null,
      body: { login: 'ada@example.com' },
    })
    await expectProblem(reset, 400, 'bad-request')
  })

  it('needs one of the operation’s scopes (403 forbidden)', async () => {
    const readOnly = { clientId: 'read-only-client', scopes: ['sfcc.shopper-myaccount'] }
    const emulator = createTestEmulator({ clients: { extra: [readOnly] } })
    const shopper = await narrowLogin(emulator, readOnly.clientId)
    const path = `/customers/${shopper.customer_id}`
    await ok(await call(emulator, 'GET', path, { token: shopper.access_token }))
    const refused = [
      ['PATCH', path, { firstName: 'A' }],
      ['POST', `${path}/addresses`, { addressId: 'a', countryCode: 'US', lastName: 'L' }],
      ['GET', `${path}/product-lists`, undefined],
      ['PUT', `${path}/password`, { currentPassword: 'a', password: 'b' }],
    ] as const
    for (const [method, target, body] of refused) {
      const response = await call(emulator, method, target, { token: shopper.access_token, body })
      await expectProblem(response, 403, 'forbidden')
    }
    // Nothing changed.
    const profile = await ok(await call(emulator, 'GET', path, { token: shopper.access_token }))
    expect(profile.firstName).toBe('Ada')
  })

  it('answers 404/405 in problem+json under the prefix, checks the organization', async () => {
    const emulator = createTestEmulator()
    const base = customersBase(emulator)
    const unknown = await emulator.handle(new Request(`${base}/no/such/thing?siteId=RefArch`))
    await expectProblem(unknown, 404, 'not-found')
    const wrongMethod = await emulator.handle(
      new Request(`${base}/customers/password/actions/reset?siteId=RefArch`),
    )
    await expectProblem(wrongMethod, 405, 'method-not-allowed')
    expect(wrongMethod.headers.get('allow')).toBe('POST')
    const otherOrg = base.replace(emulator.settings.organizationId, 'f_ecom_abcd_prd')
    const guest = await guestShopper(emulator)
    const response = await emulator.handle(
      new Request(`${otherOrg}/customers/${guest.customerId}/product-lists?siteId=RefArch`, {
        headers: { authorization: `Bearer ${guest.token}` },
      }),
    )
    await expectProblem(response, 404, 'not-found')
    const malformed = await emulator.handle(
      new Request(`${base.replace(emulator.settings.organizationId, 'nope')}/product-lists`),
    )
    await expectProblem(malformed, 400, 'bad-request')
  })

  it('knows every route in the fault queue, and logs it under its operationId', async () => {
    const emulator = createTestEmulator()
    const routes = [
      ...CUSTOMER_ROUTES,
      { method: 'POST', path: '/dwsso/oauth2/access_token', operation: 'getAccountManagerToken' },
    ]
    expect(new Set(routes.map((r) => r.operation)).size).toBe(routes.length)
    for (const route of routes) {
      emulator.control.failNext(route.operation, { status: 503 })
      const url = route.path.startsWith('/dwsso')
        ? `${emulator.settings.baseUrl}${route.path}`
        : `${customersBase(emulator)}${concretePath(route.path, {})}?siteId=RefArch`
      const response = await emulator.handle(new Request(url, { method: route.method }))
      expect(`${route.operation} ${response.status}`).toBe(`${route.operation} 503`)
      const statuses = emulator.control.requests(route.operation).map((e) => e.status)
      expect(statuses).toEqual([503])
    }
  })
})
