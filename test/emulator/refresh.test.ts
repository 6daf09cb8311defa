import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../support/emulator.ts'
import {
  expectSlasError,
  FIXED_CLOCK,
  loginGuest,
  loginGuestPrivate,
  loginRegistered,
  post,
  privateAuth,
  refresh,
  tokens,
  userinfo,
} from './helpers.ts'

const REUSED = {
  error: 'invalid_request',
  error_description: 'Bad or missing refresh token.',
  status_code: '400 BAD_REQUEST',
  message: 'invalid refresh_token',
}

describe('refresh_token grant, public client', () => {
  it('rotates on every refresh; the reused token fails with message "invalid refresh_token"', async () => {
    const emulator = createTestEmulator()
    const first = await loginGuest(emulator)
    const second = await tokens(await refresh(emulator, first.refresh_token))
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(second.usid).toBe(first.usid)
    expect(second.customer_id).toBe(first.customer_id)
    expect(second.access_token).not.toBe(first.access_token)
    await expectSlasError(await refresh(emulator, first.refresh_token), 400, REUSED)
    // 'reject' (default): the newer token of the chain still works.
    const third = await tokens(await refresh(emulator, second.refresh_token))
    expect(third.refresh_token).not.toBe(second.refresh_token)
  })

  it("'revokeFamily': reusing an old token also kills the newer one", async () => {
    const emulator = createTestEmulator({ refreshTokenReuse: 'revokeFamily' })
    const first = await loginGuest(emulator)
    const second = await tokens(await refresh(emulator, first.refresh_token))
    await expectSlasError(await refresh(emulator, first.refresh_token), 400, REUSED)
    await expectSlasError(await refresh(emulator, second.refresh_token), 400, REUSED)
  })

  it('an unknown refresh token fails the same way', async () => {
    const emulator = createTestEmulator()
    await expectSlasError(await refresh(emulator, 'abc.def'), 400, REUSED)
  })

  it('a refresh token of another client is refused', async () => {
    const emulator = createTestEmulator({ clients: { extra: [{ clientId: 'second-public' }] } })
    const guest = await loginGuest(emulator)
    await expectSlasError(
      await refresh(emulator, guest.refresh_token, { client_id: 'second-public' }),
      400,
      REUSED,
    )
    await tokens(await refresh(emulator, guest.refresh_token))
  })

  it('a session stays on its site', async () => {
    const emulator = createTestEmulator({ siteIds: ['RefArch', 'Other'] })
    const guest = await loginGuest(emulator)
    await expectSlasError(
      await refresh(emulator, guest.refresh_token, { channel_id: 'Other' }),
      400,
    )
    await tokens(await refresh(emulator, guest.refresh_token))
  })

  it('a rotated token keeps the chain’s absolute expiry by default; slidingRefresh renews it', async () => {
    const fixed = createTestEmulator(FIXED_CLOCK)
    const guest = await loginGuest(fixed)
    fixed.control.advanceTime(10 * 86400_000)
    const later = await tokens(await refresh(fixed, guest.refresh_token))
    expect(later.refresh_token_expires_in).toBe(20 * 86400)
    const sliding = createTestEmulator({ ...FIXED_CLOCK, lifetimes: { slidingRefresh: true } })
    const first = await loginGuest(sliding)
    sliding.control.advanceTime(10 * 86400_000)
    expect(
      (await tokens(await refresh(sliding, first.refresh_token))).refresh_token_expires_in,
    ).toBe(30 * 86400)
  })

  it('dnt sent on refresh is echoed and lands in the JWT', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const next = await tokens(await refresh(emulator, guest.refresh_token, { dnt: 'true' }))
    expect(next.dnt).toBe('true')
  })
})

describe('refresh_token grant, private client', () => {
  it('does not rotate: the same refresh token keeps working', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuestPrivate(emulator)
    const body = {
      grant_type: 'refresh_token',
      refresh_token: guest.refresh_token,
      channel_id: 'RefArch',
    }
    const auth = { authorization: privateAuth(emulator) }
    for (let i = 0; i < 3; i += 1) {
      const next = await tokens(await post(emulator, '/token', body, auth))
      expect(next.refresh_token).toBe(guest.refresh_token)
      expect(next.usid).toBe(guest.usid)
    }
    // Without its credentials the private client's token is useless.
    const client_id = emulator.settings.clients.private.clientId
    await expectSlasError(await post(emulator, '/token', { ...body, client_id }), 401)
  })
})

describe('expiry in emulator time', () => {
  it('access tokens last 1800 s', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const guest = await loginGuest(emulator)
    emulator.control.advanceTime(1799_999)
    expect((await userinfo(emulator, guest.access_token)).status).toBe(200)
    emulator.control.advanceTime(1)
    await expectSlasError(await userinfo(emulator, guest.access_token), 401, {
      error: 'invalid_token',
    })
  })

  it('guest refresh tokens last 30 days, registered ones 90 days', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const guest = await loginGuest(emulator)
    const registered = await loginRegistered(emulator)
    emulator.control.advanceTime(30 * 86400_000 - 1)
    const stillGuest = await tokens(await refresh(emulator, guest.refresh_token))
    emulator.control.advanceTime(1)
    await expectSlasError(await refresh(emulator, stillGuest.refresh_token), 400, REUSED)
    emulator.control.advanceTime(60 * 86400_000 - 1)
    const stillRegistered = await tokens(await refresh(emulator, registered.refresh_token))
    emulator.control.advanceTime(1)
    await expectSlasError(await refresh(emulator, stillRegistered.refresh_token), 400, REUSED)
  })

  it('lifetimes are configurable', async () => {
    const emulator = createTestEmulator({
      ...FIXED_CLOCK,
      lifetimes: { accessTokenSeconds: 60, guestRefreshTokenSeconds: 120 },
    })
    const guest = await loginGuest(emulator)
    expect(guest.expires_in).toBe(60)
    expect(guest.refresh_token_expires_in).toBe(120)
    emulator.control.advanceTime(120_000)
    await expectSlasError(await refresh(emulator, guest.refresh_token), 400, REUSED)
  })
})
