import { describe, expect, it } from 'vitest'
import { createEmulator } from '../../src/emulator/index.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { knownSecrets } from '../support/secrets.ts'
import {
  FIXED_CLOCK,
  loginGuest,
  loginRegistered,
  pkce,
  refresh,
  T0,
  tokens,
  userinfo,
} from './helpers.ts'

describe('settings', () => {
  it('documented defaults', () => {
    const { settings } = createTestEmulator()
    expect(settings).toMatchObject({
      organizationId: 'f_ecom_zzte_001',
      tenantId: 'zzte_001',
      shortCode: 'emulator',
      siteIds: ['RefArch'],
      redirectURI: 'http://emulator.local/callback',
      codeTtlSeconds: 60,
      refreshTokenReuse: 'reject',
      lockout: { maxAttempts: 5, lockSeconds: 1800 },
      loginConflictWindowMs: 1000,
      lifetimes: {
        accessTokenSeconds: 1800,
        guestRefreshTokenSeconds: 2592000,
        registeredRefreshTokenSeconds: 7776000,
        slidingRefresh: false,
      },
    })
    expect(settings.clients.public).toMatchObject({
      clientId: 'emulator-public-client',
      type: 'public',
    })
    expect(settings.clients.public.redirectURIs).toEqual([
      'http://localhost:*/callback',
      'http://127.0.0.1:*/callback',
      'http://[::1]:*/callback',
      'http://emulator.local/callback',
    ])
    expect(settings.clients.private).toMatchObject({
      clientId: 'emulator-private-client',
      secret: 'emulator-private-client-secret',
      type: 'private',
    })
    expect(settings.clients.private.scopes).toContain('sfcc.ts_ext_on_behalf_of')
    expect(settings.shoppers.map((s) => [s.login, s.firstName, s.lastName])).toEqual([
      ['ada@example.com', 'Ada', 'Lovelace'],
      ['grace@example.com', 'Grace', 'Hopper'],
    ])
    for (const shopper of settings.shoppers) expect(shopper.customerId).toMatch(/^[A-Za-z0-9]{26}$/)
  })

  it('rejects options that cannot work', () => {
    expect(() => createEmulator({ codeTtlSeconds: -1 })).toThrow(TypeError)
    expect(() => createEmulator({ siteIds: [] })).toThrow(TypeError)
    expect(() =>
      createEmulator({ clients: { extra: [{ clientId: 'emulator-public-client' }] } }),
    ).toThrow(TypeError)
    expect(() => createEmulator({ clients: { private: { secret: '' } } })).toThrow(TypeError)
  })

  it('the base clock is read lazily', async () => {
    let base = T0
    const emulator = createTestEmulator({ now: () => base })
    expect(emulator.control.now()).toBe(T0)
    base += 5000
    emulator.control.advanceTime(1000)
    expect(emulator.control.now()).toBe(T0 + 6000)
    expect(() => emulator.control.advanceTime(Number.NaN)).toThrow(TypeError)
  })
})

describe('control', () => {
  it('reset: seeded state, no sessions, offset 0, log cleared', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const guest = await loginGuest(emulator)
    emulator.control.advanceTime(1000)
    emulator.control.reset()
    expect(emulator.control.now()).toBe(T0)
    expect(emulator.control.requests()).toEqual([])
    expect((await userinfo(emulator, guest.access_token)).status).toBe(401)
    expect((await refresh(emulator, guest.refresh_token)).status).toBe(400)
    await loginRegistered(emulator)
  })

  it('revokeSessions by login, by usid, or all', async () => {
    const emulator = createTestEmulator({ loginConflictWindowMs: 0 })
    const grace = emulator.settings.shoppers[1]!
    const ada = await loginRegistered(emulator)
    const graceTokens = await loginRegistered(emulator, {
      login: grace.login,
      password: grace.password,
    })
    const guest = await loginGuest(emulator)
    expect(emulator.control.revokeSessions({ login: 'ADA@example.com' })).toBe(1)
    expect((await refresh(emulator, ada.refresh_token)).status).toBe(400)
    expect((await userinfo(emulator, ada.access_token)).status).toBe(401)
    expect(emulator.control.revokeSessions({ usid: guest.usid })).toBe(1)
    expect((await refresh(emulator, guest.refresh_token)).status).toBe(400)
    const graceNext = await tokens(await refresh(emulator, graceTokens.refresh_token))
    expect(emulator.control.revokeSessions()).toBe(1)
    expect((await refresh(emulator, graceNext.refresh_token)).status).toBe(400)
  })

  it('secrets: every token, refresh token, code, password and client secret; registered with the guard', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const secrets = emulator.control.secrets()
    for (const value of [
      guest.access_token,
      guest.refresh_token,
      'emulator-private-client-secret',
      'Ada-Lovelace-1815',
      'Grace-Hopper-1906',
    ]) {
      expect(secrets).toContain(value)
      expect(knownSecrets().has(value)).toBe(true)
    }
    expect(secrets.filter((s) => s.length === 43)).toHaveLength(1) // the authorization code
  })

  it('requests: operation, method, status and time; no secrets in the log', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const guest = await loginGuest(emulator)
    await refresh(emulator, guest.refresh_token)
    expect(emulator.control.requests('getAccessToken')).toEqual([
      { operation: 'getAccessToken', method: 'POST', status: 200, at: T0 },
      { operation: 'getAccessToken', method: 'POST', status: 200, at: T0 },
    ])
    expect(emulator.control.requests().map((r) => r.operation)).toEqual([
      'authorizeCustomer',
      'getAccessToken',
      'getAccessToken',
    ])
    const log = JSON.stringify(emulator.control.requests())
    for (const secret of emulator.control.secrets()) expect(log.includes(secret)).toBe(false)
  })
})

describe('emulator.fetch', () => {
  it('resolves relative URLs, honours redirect: manual, and follows by default', async () => {
    const emulator = createTestEmulator()
    const { organizationId } = emulator.settings
    const jwks = await emulator.fetch(
      `/shopper/auth/v1/organizations/${organizationId}/oauth2/jwks`,
    )
    expect(jwks.status).toBe(200)
    expect(jwks.url).toBe(
      `http://emulator.local/shopper/auth/v1/organizations/${organizationId}/oauth2/jwks`,
    )
    const query = new URLSearchParams({
      client_id: emulator.settings.clients.public.clientId,
      code_challenge: (await pkce()).challenge,
      hint: 'guest',
      redirect_uri: emulator.settings.redirectURI,
      response_type: 'code',
    })
    const url = `/shopper/auth/v1/organizations/${organizationId}/oauth2/authorize?${query}`
    const manual = await emulator.fetch(url, { redirect: 'manual' })
    expect(manual.status).toBe(303)
    expect(manual.headers.get('location')).toMatch(/^http:\/\/emulator\.local\/callback\?code=/)
    const followed = await emulator.fetch(url)
    expect(followed.status).toBe(200)
    expect(followed.url).toMatch(/^http:\/\/emulator\.local\/callback\?code=/)
  })

  it('creating an emulator is synchronous and cheap; the key appears on first use', async () => {
    const emulator = createTestEmulator()
    expect(emulator.control.requests()).toEqual([])
    const guest = await loginGuest(emulator)
    expect(guest.access_token.split('.')).toHaveLength(3)
  })
})
