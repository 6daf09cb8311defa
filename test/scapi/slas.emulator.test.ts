/**
 * The SLAS client against the emulator, in-process: every operation's happy path and the errors it
 * documents, with the emulator's real handler on the other side of `fetch` (no fakes).
 */
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/index.ts'
import {
  authenticateCustomer,
  authorizeCustomer,
  createCodeVerifier,
  createState,
  decodeJwtClaims,
  generateCodeChallenge,
  getAccessToken,
  getJwksUri,
  getTrustedSystemAccessToken,
  getUserInfo,
  getWellknownOpenidConfiguration,
  introspectToken,
  loginGuestUser,
  loginRegisteredUser,
  logoutCustomer,
  refreshAccessToken,
  revokeToken,
  type SlasClientConfig,
} from '../../src/scapi/index.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { expectCode } from '../support/expectError.ts'
import { publicSlasConfig } from '../support/slasConfig.ts'

function publicConfig(emulator: Emulator, redirect?: 'manual' | 'follow'): SlasClientConfig {
  return { ...publicSlasConfig(emulator), ...(redirect ? { redirect } : {}) }
}

function privateConfig(emulator: Emulator): SlasClientConfig {
  const { clientId, secret } = emulator.settings.clients.private
  return { ...publicConfig(emulator), clientId, clientSecret: secret ?? '' }
}

function shopper(emulator: Emulator, index = 0) {
  const found = emulator.settings.shoppers[index]
  if (!found) throw new Error('the emulator has no seeded shopper')
  return found
}

describe('SLAS client against the emulator (in-process)', () => {
  it('authorizeCustomer + getAccessToken: a guest, with both redirect modes', async () => {
    for (const redirect of ['manual', 'follow'] as const) {
      const emulator = createTestEmulator()
      const config = publicConfig(emulator, redirect)
      const verifier = createCodeVerifier()
      const state = createState()
      const codeChallenge = await generateCodeChallenge(verifier)
      const { code, usid } = await authorizeCustomer(config, { hint: 'guest', codeChallenge, state })
      const tokens = await getAccessToken(config, {
        grantType: 'authorization_code_pkce',
        code,
        codeVerifier: verifier,
        usid,
      })
      expect(tokens.usid).toBe(usid)
      expect(decodeJwtClaims(tokens.access_token).customerType).toBe('guest')
    }
  })

  it('authenticateCustomer: a registered shopper keeps the guest usid', async () => {
    const emulator = createTestEmulator()
    const config = publicConfig(emulator)
    const guest = await loginGuestUser(config)
    const { login, password } = shopper(emulator)
    const verifier = createCodeVerifier()
    const redirect = await authenticateCustomer(config, {
      username: login,
      password,
      usid: guest.usid,
      codeChallenge: await generateCodeChallenge(verifier),
    })
    expect(redirect.usid).toBe(guest.usid)
    const tokens = await getAccessToken(config, {
      grantType: 'authorization_code_pkce',
      code: redirect.code,
      codeVerifier: verifier,
      usid: redirect.usid,
    })
    expect(tokens.customer_id).toBe(shopper(emulator).customerId)
    expect(tokens.usid).toBe(guest.usid)
  })

  it('authenticateCustomer: a wrong password is invalid_credentials, then account_locked', async () => {
    const emulator = createTestEmulator()
    const config = publicConfig(emulator)
    const { login } = shopper(emulator)
    // The fifth wrong password in a row is the one that locks (README: emulator defaults).
    for (let attempt = 1; attempt < 5; attempt += 1) {
      await expectCode(
        loginRegisteredUser(config, { username: login, password: 'not-the-password' }),
        'invalid_credentials',
      )
    }
    await expectCode(
      loginRegisteredUser(config, { username: login, password: 'not-the-password' }),
      'account_locked',
    )
    await expectCode(
      loginRegisteredUser(config, { username: login, password: shopper(emulator).password }),
      'account_locked',
    )
  })

  it('getAccessToken refresh_token: rotates, and a reused refresh token is invalid_grant', async () => {
    const emulator = createTestEmulator()
    const config = publicConfig(emulator)
    const guest = await loginGuestUser(config)
    const next = await refreshAccessToken(config, { refreshToken: guest.refresh_token })
    expect(next.refresh_token).not.toBe(guest.refresh_token)
    expect(next.usid).toBe(guest.usid)
    await expectCode(refreshAccessToken(config, { refreshToken: guest.refresh_token }), 'invalid_grant')
    // The newest token of the chain still works under the default `reject` policy.
    await refreshAccessToken(config, { refreshToken: next.refresh_token })
  })

  it('getAccessToken: an expired authorization code is invalid_grant', async () => {
    const emulator = createTestEmulator()
    const config = publicConfig(emulator)
    const verifier = createCodeVerifier()
    const codeChallenge = await generateCodeChallenge(verifier)
    const { code, usid } = await authorizeCustomer(config, { hint: 'guest', codeChallenge })
    emulator.control.advanceTime(emulator.settings.codeTtlSeconds * 1000 + 1)
    await expectCode(
      getAccessToken(config, {
        grantType: 'authorization_code_pkce',
        code,
        codeVerifier: verifier,
        usid,
      }),
      'invalid_grant',
    )
  })

  it('getAccessToken client_credentials: a private client; a wrong secret is invalid_client', async () => {
    const emulator = createTestEmulator()
    const tokens = await getAccessToken(privateConfig(emulator), { grantType: 'client_credentials' })
    const again = await refreshAccessToken(privateConfig(emulator), {
      refreshToken: tokens.refresh_token,
    })
    expect(again.refresh_token).toBe(tokens.refresh_token) // private clients do not rotate
    const wrong = { ...privateConfig(emulator), clientSecret: 'not-the-secret' }
    await expectCode(getAccessToken(wrong, { grantType: 'client_credentials' }), 'invalid_client')
  })

  it('logoutCustomer ends the refresh token; an unknown access token is invalid_token', async () => {
    const emulator = createTestEmulator()
    const config = publicConfig(emulator)
    const { login, password } = shopper(emulator)
    const tokens = await loginRegisteredUser(config, { username: login, password })
    await expectCode(
      logoutCustomer(config, { accessToken: 'not.a.token', refreshToken: tokens.refresh_token }),
      'invalid_token',
    )
    await logoutCustomer(config, {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
    })
    await expectCode(refreshAccessToken(config, { refreshToken: tokens.refresh_token }), 'invalid_grant')
  })

  it('revokeToken and introspectToken (private client)', async () => {
    const emulator = createTestEmulator()
    const config = privateConfig(emulator)
    const tokens = await getAccessToken(config, { grantType: 'client_credentials' })
    const before = await introspectToken(config, { token: tokens.access_token })
    expect(before.active).toBe(true)
    await revokeToken(config, { token: tokens.refresh_token, tokenTypeHint: 'refresh_token' })
    await expectCode(refreshAccessToken(config, { refreshToken: tokens.refresh_token }), 'invalid_grant')
    // Without a secret nothing is sent: the operations are private-client only.
    const sent = emulator.control.requests().length
    await expectCode(revokeToken(publicConfig(emulator), { token: tokens.refresh_token }), 'invalid_config')
    expect(emulator.control.requests()).toHaveLength(sent)
  })

  it('getUserInfo: the registered shopper; an expired access token is invalid_token', async () => {
    const emulator = createTestEmulator()
    const config = publicConfig(emulator)
    const { login, password } = shopper(emulator)
    const tokens = await loginRegisteredUser(config, { username: login, password })
    const info = await getUserInfo(config, { accessToken: tokens.access_token })
    expect(info).toMatchObject({ email: shopper(emulator).email })
    emulator.control.advanceTime(emulator.settings.lifetimes.accessTokenSeconds * 1000)
    await expectCode(getUserInfo(config, { accessToken: tokens.access_token }), 'invalid_token')
  })

  it('getJwksUri and getWellknownOpenidConfiguration', async () => {
    const emulator = createTestEmulator()
    const config = publicConfig(emulator)
    const jwks = await getJwksUri(config)
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256' })
    const discovery = await getWellknownOpenidConfiguration(config)
    expect(discovery.jwks_uri).toContain('/oauth2/jwks')
  })

  it('getTrustedSystemAccessToken: a shopper token on behalf, private client only', async () => {
    const emulator = createTestEmulator()
    const { login, customerId } = shopper(emulator, 1)
    const tokens = await getTrustedSystemAccessToken(privateConfig(emulator), { loginId: login })
    expect(tokens.customer_id).toBe(customerId)
    await expectCode(
      getTrustedSystemAccessToken(publicConfig(emulator), { loginId: login }),
      'invalid_config',
    )
  })

  it('gateway faults reach the client as typed errors', async () => {
    const emulator = createTestEmulator()
    const config = publicConfig(emulator)
    emulator.control.failNext('authorizeCustomer', { status: 503 })
    await expectCode(loginGuestUser(config), 'server_error')
    emulator.control.failNext('getAccessToken', { drop: true })
    await expectCode(loginGuestUser(config), 'network')
    emulator.control.failNext('getAccessToken', { status: 429, headers: { 'retry-after': '7' } })
    const limited = await expectCode(loginGuestUser(config), 'rate_limited')
    expect(limited.retryAfterMs).toBe(7000)
    await loginGuestUser(config) // faults are one-shot: the next call works
  })
})
