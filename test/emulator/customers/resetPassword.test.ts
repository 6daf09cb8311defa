/**
 * The Shopper Customers password reset with an Account Manager token: the outbox, expiry, single
 * use, a newer token replacing older ones, 404 for an unknown login, the policy, and the secrets
 * read-out.
 */
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../../src/emulator/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import { FIXED_CLOCK, loginRequest, T0 } from '../helpers.ts'
import {
  amToken,
  call,
  expectProblem,
  GOOD_PASSWORD,
  OTHER_PASSWORD,
  ok,
  registeredShopper,
} from './helpers.ts'

const CREATE = '/customers/password/actions/create-reset-token'
const RESET = '/customers/password/actions/reset'

async function issue(emulator: Emulator, token: string, login = 'ada@example.com') {
  return ok<{ login: string; email: string; resetToken: string; expiresInMinutes: number }>(
    await call(emulator, 'POST', CREATE, { token, body: { login } }),
  )
}

function reset(emulator: Emulator, token: string, body: object) {
  return call(emulator, 'POST', RESET, { token, body })
}

describe('password reset (Shopper Customers)', () => {
  it('issues a token into the outbox; the reset sets the new password', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const am = await amToken(emulator)
    const issued = await issue(emulator, am, 'ADA@example.com')
    expect(issued).toMatchObject({
      login: 'ada@example.com',
      email: 'ada@example.com',
      expiresInMinutes: 30,
    })
    expect(emulator.control.outbox()).toEqual([
      {
        login: 'ada@example.com',
        email: 'ada@example.com',
        resetToken: issued.resetToken,
        issuedAt: T0,
        expiresAt: T0 + 30 * 60_000,
      },
    ])
    expect(emulator.control.secrets()).toContain(issued.resetToken)
    const done = await reset(emulator, am, {
      resetToken: issued.resetToken,
      login: 'ada@example.com',
      newPassword: GOOD_PASSWORD,
    })
    expect(done.status).toBe(204)
    expect(await done.text()).toBe('')
    await registeredShopper(emulator, { password: GOOD_PASSWORD })
    emulator.control.reset()
    expect(emulator.control.outbox()).toEqual([])
  })

  it('tokens are single use, expire, and a newer one replaces older ones', async () => {
    const emulator = createTestEmulator({ ...FIXED_CLOCK, resetTokenMinutes: 5 })
    const am = await amToken(emulator)
    const login = 'ada@example.com'
    const used = await issue(emulator, am)
    expect(used.expiresInMinutes).toBe(5)
    const first = { resetToken: used.resetToken, login, newPassword: GOOD_PASSWORD }
    expect((await reset(emulator, am, first)).status).toBe(204)
    const again = await reset(emulator, am, {
      resetToken: used.resetToken,
      login,
      newPassword: OTHER_PASSWORD,
    })
    await expectProblem(
      again,
      400,
      'invalid-reset-token',
      'The password reset token is invalid, used or expired.',
    )

    const expiring = await issue(emulator, am)
    emulator.control.advanceTime(5 * 60_000)
    const late = await reset(emulator, am, {
      resetToken: expiring.resetToken,
      login,
      newPassword: OTHER_PASSWORD,
    })
    await expectProblem(late, 400, 'invalid-reset-token')

    const older = await issue(emulator, am)
    const newer = await issue(emulator, am)
    const replaced = await reset(emulator, am, {
      resetToken: older.resetToken,
      login,
      newPassword: OTHER_PASSWORD,
    })
    await expectProblem(replaced, 400, 'invalid-reset-token')
    for (const wrong of [
      { resetToken: 'no-such-token', login, newPassword: OTHER_PASSWORD },
      { resetToken: newer.resetToken, login: 'grace@example.com', newPassword: OTHER_PASSWORD },
    ]) {
      await expectProblem(await reset(emulator, am, wrong), 400, 'invalid-reset-token')
    }
    // A weak password does not spend the token.
    const weak = await reset(emulator, am, {
      resetToken: newer.resetToken,
      login,
      newPassword: 'weak',
    })
    await expectProblem(weak, 400, 'invalid-password')
    const last = { resetToken: newer.resetToken, login, newPassword: OTHER_PASSWORD }
    expect((await reset(emulator, am, last)).status).toBe(204)
    expect(emulator.control.outbox()).toHaveLength(4)
  })

  it('answers 404 for an unknown login and 400 for a bad body', async () => {
    const emulator = createTestEmulator()
    const am = await amToken(emulator)
    const unknown = await call(emulator, 'POST', CREATE, {
      token: am,
      body: { login: 'nobody@example.com' },
    })
    await expectProblem(unknown, 404, 'not-found')
    expect(emulator.control.outbox()).toEqual([])
    for (const body of [{}, { login: '' }, { login: 7 }, { login: 'x'.repeat(257) }]) {
      await expectProblem(
        await call(emulator, 'POST', CREATE, { token: am, body }),
        400,
        'bad-request',
      )
    }
    for (const body of [{}, { resetToken: 'a', login: 'ada@example.com' }]) {
      await expectProblem(
        await call(emulator, 'POST', RESET, { token: am, body }),
        400,
        'bad-request',
      )
    }
  })

  it('a reset lifts a SLAS lockout', async () => {
    const emulator = createTestEmulator()
    for (let i = 0; i < 5; i += 1) await loginRequest(emulator, { password: 'wrong-password' })
    const locked = await loginRequest(emulator)
    expect(locked.response.status).toBe(401)
    const am = await amToken(emulator)
    const issued = await issue(emulator, am)
    const done = await reset(emulator, am, {
      resetToken: issued.resetToken,
      login: 'ada@example.com',
      newPassword: GOOD_PASSWORD,
    })
    expect(done.status).toBe(204)
    await registeredShopper(emulator, { password: GOOD_PASSWORD })
  })
})
