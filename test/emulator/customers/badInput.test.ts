/**
 * Bad input on the Shopper Customers routes: wrong content type (415), malformed or non-object
 * JSON and invalid UTF-8 (400), oversized bodies (413), all in problem+json, never a 500, and no
 * change applied. A property test throws arbitrary JSON at every route that takes a body.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CUSTOMER_ROUTES } from '../../../src/emulator/customers/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import {
  amToken,
  call,
  customersBase,
  expectProblem,
  guestShopper,
  ok,
  registeredShopper,
} from './helpers.ts'

/** Field names the routes read, so random bodies reach the field checks, not just the top. */
const FIELDS = [
  ...['login', 'email', 'firstName', 'lastName', 'password', 'currentPassword', 'customer'],
  ...['addressId', 'countryCode', 'preferred', 'paymentCard', 'paymentBankAccount', 'default'],
  ...['type', 'priority', 'public', 'quantity', 'productId', 'name', 'registrant', 'event'],
  ...['resetToken', 'newPassword', 'gatewayProperties', 'externalId', 'authenticationProviderId'],
  ...['c_custom', '__proto__', 'constructor'],
]

const BODIES = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.string(), fc.jsonValue()),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue()),
)

describe('bad input on Shopper Customers routes', () => {
  it('answers 4xx problem+json for unreadable bodies and changes nothing', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const path = `/customers/${ada.customerId}`
    const attempts: [string, RequestInit, number, string][] = [
      [
        'form body',
        { body: 'firstName=X', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        415,
        'unsupported-media-type',
      ],
      ['no content type', { body: new Blob(['{"firstName":"X"}']) }, 415, 'unsupported-media-type'],
      [
        'malformed JSON',
        { body: '{"firstName":', headers: { 'content-type': 'application/json' } },
        400,
        'bad-request',
      ],
      [
        'array',
        { body: '[{"firstName":"X"}]', headers: { 'content-type': 'application/json' } },
        400,
        'bad-request',
      ],
      [
        'null',
        { body: 'null', headers: { 'content-type': 'application/json' } },
        400,
        'bad-request',
      ],
      ['empty', { body: '', headers: { 'content-type': 'application/json' } }, 400, 'bad-request'],
      [
        'invalid UTF-8',
        {
          body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
          headers: { 'content-type': 'application/json' },
        },
        400,
        'bad-request',
      ],
      [
        'oversized',
        {
          body: JSON.stringify({ firstName: 'X', note: 'n'.repeat(70_000) }),
          headers: { 'content-type': 'application/json' },
        },
        413,
        'payload-too-large',
      ],
    ]
    for (const [name, init, status, slug] of attempts) {
      const headers = {
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${ada.token}`,
      }
      const response = await emulator.handle(
        new Request(`${customersBase(emulator)}${path}?siteId=RefArch`, {
          ...init,
          method: 'PATCH',
          headers,
        }),
      )
      expect(`${name}: ${response.status}`).toBe(`${name}: ${status}`)
      await expectProblem(response, status, slug)
    }
    const profile = await ok(await call(emulator, 'GET', path, { token: ada.token }))
    expect(profile.firstName).toBe('Ada')
    expect(profile).not.toHaveProperty('note')
  })

  it('tolerates unknown fields and keeps custom attributes', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const updated = await ok(
      await call(emulator, 'PATCH', `/customers/${ada.customerId}`, {
        token: ada.token,
        body: '{"unknownField":{"deep":true},"c_loyalty":3,"__proto__":{"polluted":true}}',
      }),
    )
    expect(updated.c_loyalty).toBe(3)
    expect(updated).not.toHaveProperty('unknownField')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('never answers 500, whatever JSON a route gets', async () => {
    const emulator = createTestEmulator()
    const ada = await registeredShopper(emulator)
    const guest = await guestShopper(emulator)
    const am = await amToken(emulator)
    const withBody = CUSTOMER_ROUTES.filter(
      (r) => r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT',
    )
    expect(withBody.length).toBeGreaterThan(10)
    for (const route of withBody) {
      const token = route.path.includes('/password/actions/')
        ? am
        : route.operation.startsWith('register')
          ? guest.token
          : ada.token
      const path = (route.path.split('/organizations/:organizationId')[1] ?? '').replace(
        /:([A-Za-z]+)/g,
        (_, name: string) => (name === 'customerId' ? ada.customerId : 'x'),
      )
      await fc.assert(
        fc.asyncProperty(BODIES, async (body) => {
          const response = await call(emulator, route.method, path, {
            token,
            body: JSON.stringify(body),
            query: { zoneId: 'z' },
          })
          expect(response.status).toBeLessThan(500)
          await response.body?.cancel()
        }),
        { numRuns: 40 },
      )
    }
  })
})
