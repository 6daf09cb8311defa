/**
 * A password change, a password reset or a loginId change ends older logins: their access tokens
 * answer 401 "Customer credentials changed after token was issued." and their refresh tokens stop
 * working, while tokens issued after the change work, even within the same millisecond.
 */
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../../src/emulator/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import { FIXED_CLOCK, loginRequest, refresh, userinfo } from '../helpers.ts'
import {
  amToken,
  call,
  expectProblem,
  OTHER_PASSWORD,
  ok,
  otherShopper,
  registeredShopper,
  type Shopper,
} from './helpers.ts'

const ADA_PASSWORD = 'Ada-Lovelace-1815'
const CHANGED = 'Customer credentials changed after token was issued.'

/** A frozen clock and no 1-second login conflict: every step happens in the same millisecond. */
function frozenEmulator(): Emulator {
  return createTestEmulator({ ...FIXED_CLOCK, loginConflictWindowMs: 0 })
}

async function expectEnded(emulator: Emulator, shopper: Shopper): Promise<void> {
  const profile = await call(emulator, 'GET', `/customers/${shopper.customerId}`, {
    token: shopper.token,
  })
  await expectProblem(profile, 401, 'invalid-access-token', CHANGED)
  const lists = await call(emulator, 'GET', `/customers/${shopper.customerId}/product-lists`, {
    token: shopper.token,
  })
  await expectProblem(lists, 401, 'invalid-access-token', CHANGED)
  expect((await userinfo(emulator, shopper.token)).status).toBe(401)
  expect((await refresh(emulator, shopper.refreshToken)).status).toBe(400)
}

async function expectWorks(emulator: Emulator, shopper: Shopper): Promise<void> {
  await ok(
    await call(emulator, 'GET', `/customers/${shopper.customerId}`, { token: shopper.token }),
  )
}

describe('credential changes end older logins', () => {
  it('updateCustomerPassword: older tokens fail, a login with the new password works', async () => {
    const emulator = frozenEmulator()
    const first = await registeredShopper(emulator)
    const second = await registeredShopper(emulator)
    const grace = await otherShopper(emulator)
    const response = await call(emulator, 'PUT', `/customers/${first.customerId}/password`, {
      token: first.token,
      body: { currentPassword: ADA_PASSWORD, password: OTHER_PASSWORD },
    })
    expect(response.status).toBe(204)
    await expectEnded(emulator, first)
    await expectEnded(emulator, second)
    await expectWorks(emulator, grace)
    const old = await loginRequest(emulator, { password: ADA_PASSWORD })
    expect(old.response.status).toBe(401)
    const fresh = await registeredShopper(emulator, { password: OTHER_PASSWORD })
    await expectWorks(emulator, fresh)
    await expectWorks(emulator, await registeredShopper(emulator, { password: OTHER_PASSWORD }))
  })

  it('updateCustomerPassword: a wrong current or weak new password changes nothing', async () => {
    const emulator = frozenEmulator()
    const ada = await registeredShopper(emulator)
    const path = `/customers/${ada.customerId}/password`
    for (const currentPassword of ['wrong-password', undefined]) {
      const response = await call(emulator, 'PUT', path, {
        token: ada.token,
        body: { currentPassword, password: OTHER_PASSWORD },
      })
      await expectProblem(response, 400, 'invalid-current-password')
    }
    const weak = await call(emulator, 'PUT', path, {
      token: ada.token,
      body: { currentPassword: ADA_PASSWORD, password: 'weak' },
    })
    await expectProblem(weak, 400, 'invalid-password')
    const missing = await call(emulator, 'PUT', path, {
      token: ada.token,
      body: { currentPassword: ADA_PASSWORD },
    })
    await expectProblem(missing, 400, 'bad-request')
    await expectWorks(emulator, ada)
    await expectWorks(emulator, await registeredShopper(emulator))
  })

  it('a loginId change ends older logins too', async () => {
    const emulator = frozenEmulator()
    const ada = await registeredShopper(emulator)
    await ok(
      await call(emulator, 'PATCH', `/customers/${ada.customerId}`, {
        token: ada.token,
        body: { login: 'countess@example.com', currentPassword: ADA_PASSWORD },
      }),
    )
    await expectEnded(emulator, ada)
    const fresh = await registeredShopper(emulator, {
      login: 'countess@example.com',
      password: ADA_PASSWORD,
    })
    await expectWorks(emulator, fresh)
  })

  it('a password reset ends older logins too', async () => {
    const emulator = frozenEmulator()
    const ada = await registeredShopper(emulator)
    const am = await amToken(emulator)
    const issued = await ok<{ resetToken: string }>(
      await call(emulator, 'POST', '/customers/password/actions/create-reset-token', {
        token: am,
        body: { login: 'ada@example.com' },
      }),
    )
    const reset = await call(emulator, 'POST', '/customers/password/actions/reset', {
      token: am,
      body: {
        resetToken: issued.resetToken,
        login: 'ada@example.com',
        newPassword: OTHER_PASSWORD,
      },
    })
    expect(reset.status).toBe(204)
    await expectEnded(emulator, ada)
    await expectWorks(emulator, await registeredShopper(emulator, { password: OTHER_PASSWORD }))
  })

  it('a token revoked by logout keeps the generic invalid-access-token detail', async () => {
    const emulator = frozenEmulator()
    const ada = await registeredShopper(emulator)
    emulator.control.revokeSessions({ login: 'ada@example.com' })
    const response = await call(emulator, 'GET', `/customers/${ada.customerId}`, {
      token: ada.token,
    })
    await expectProblem(
      response,
      401,
      'invalid-access-token',
      'The request is unauthorized, the access token is invalid.',
    )
  })
})
