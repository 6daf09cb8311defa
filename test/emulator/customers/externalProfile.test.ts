/**
 * External profiles: a guest registers one, an Account Manager token reads it back.
 */
import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../../support/emulator.ts'
import { amToken, call, expectProblem, guestShopper, ok, registeredShopper } from './helpers.ts'

const PROFILE = {
  authenticationProviderId: 'Google',
  externalId: 'jsmith@gmail.com',
  email: 'jsmith@gmail.com',
  firstName: 'John',
  lastName: 'Smith',
}

describe('external profiles', () => {
  it('registers with a guest token and reads back with an Account Manager token', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    const created = await ok(
      await call(emulator, 'POST', '/customers/external-profile', {
        token: guest.token,
        body: PROFILE,
      }),
    )
    expect(created).toMatchObject(PROFILE)
    expect(String(created.customerId)).toMatch(/^[A-Za-z0-9]{26}$/)
    const am = await amToken(emulator)
    const query = { externalId: PROFILE.externalId, authenticationProviderId: 'Google' }
    const read = await ok(
      await call(emulator, 'GET', '/customers/external-profile', { token: am, query }),
    )
    expect(read).toEqual(created)
    const again = await call(emulator, 'POST', '/customers/external-profile', {
      token: guest.token,
      body: PROFILE,
    })
    await expectProblem(again, 400, 'invalid-customer-external-profile')
  })

  it('answers 400 and 404 in the reference shapes; only guests register', async () => {
    const emulator = createTestEmulator()
    const guest = await guestShopper(emulator)
    for (const body of [{}, { ...PROFILE, externalId: '' }, { ...PROFILE, email: '' }]) {
      const response = await call(emulator, 'POST', '/customers/external-profile', {
        token: guest.token,
        body,
      })
      await expectProblem(response, 400, 'invalid-customer-external-profile')
    }
    const ada = await registeredShopper(emulator)
    await expectProblem(
      await call(emulator, 'POST', '/customers/external-profile', {
        token: ada.token,
        body: PROFILE,
      }),
      400,
      'invalid-customer',
    )
    const am = await amToken(emulator)
    const unknown = await call(emulator, 'GET', '/customers/external-profile', {
      token: am,
      query: { externalId: 'nobody', authenticationProviderId: 'Google' },
    })
    const body = await expectProblem(unknown, 404, 'not-found')
    expect(body.externalId).toBe('nobody')
    await expectProblem(
      await call(emulator, 'GET', '/customers/external-profile', {
        token: am,
        query: { externalId: 'x' },
      }),
      400,
      'invalid-customer-external-profile',
    )
    await expectProblem(
      await call(emulator, 'GET', '/customers/external-profile', {
        token: guest.token,
        query: { externalId: 'x' },
      }),
      401,
      'invalid-access-token',
    )
  })
})
