/**
 * `createSessionEndpoint` against the in-process emulator: every action, the token answer (the
 * access token, never the refresh token), the CSRF, Origin and content-type rules it shares with
 * the password reset endpoint, typed problems, the login rate limit, and its config checks.
 */
import { describe, expect, it } from 'vitest'
import { createSessionEndpoint } from '../../src/server/index.ts'
import { expectCode } from '../support/expectError.ts'
import { endpointRequest, endpointSetup } from './sessionEndpointHelpers.ts'

const attempt = (fn: () => unknown) => Promise.resolve().then(fn)
const NEW_SHOPPER = {
  customer: { login: 'lin@example.com', email: 'lin@example.com', lastName: 'Lin' },
  password: 'Lin-Password-2024!',
}

describe('actions', () => {
  it('GET starts a guest and answers its state, no token; the next GET costs no SLAS call', async () => {
    const { call, count, record } = endpointSetup()
    const first = await call()
    expect(first.response.status).toBe(200)
    expect(first.response.headers.get('cache-control')).toBe('no-store')
    expect(first.response.headers.getSetCookie()[0]).toMatch(/HttpOnly; Secure; SameSite=Lax/)
    const saved = await record()
    expect(first.json).toEqual({
      shopper: { kind: 'guest', customerId: saved?.customerId, usid: saved?.usid },
      tags: ['guest', 'tokenValid'],
    })
    expect(first.text).not.toContain(String(saved?.accessToken))
    expect(first.text).not.toContain(String(saved?.refreshToken))

    const before = count()
    const second = await call()
    expect(second.json).toEqual(first.json)
    expect(count()).toBe(before)
  })

  it('token: the access token and its life with the state, never the refresh token; force refreshes', async () => {
    const { call, count, record, emulator } = endpointSetup()
    const answer = await call({ action: 'token' })
    expect(answer.response.status).toBe(200)
    expect(answer.response.headers.get('cache-control')).toBe('no-store')
    const saved = await record()
    expect(Object.keys(answer.json ?? {}).sort()).toEqual(['accessToken', 'expiresInMs', 'state'])
    expect(answer.json?.accessToken).toBe(saved?.accessToken)
    expect(answer.json?.expiresInMs).toBeGreaterThan(25 * 60_000)
    const refreshTokens = emulator.control.secrets(['refreshToken'])
    expect(refreshTokens).toContain(saved?.refreshToken)
    for (const secret of refreshTokens) expect(answer.text).not.toContain(secret)

    const refreshes = count('getAccessToken')
    const cached = await call({ action: 'token' })
    expect(cached.json?.accessToken).toBe(saved?.accessToken)
    expect(count('getAccessToken')).toBe(refreshes)
    const forced = await call({ action: 'token', force: true })
    expect(forced.json?.accessToken).not.toBe(saved?.accessToken)
    expect(count('getAccessToken')).toBe(refreshes + 1)
    expect(forced.json?.accessToken).toBe((await record())?.accessToken)
  })

  it('login: a wrong password is 401 with the guest state; the right one answers registered', async () => {
    const { call, shopper } = endpointSetup()
    const ada = shopper()
    const wrong = await call({ action: 'login', username: ada.login, password: 'not-it-1234' })
    expect(wrong.response.status).toBe(401)
    expect(wrong.json).toMatchObject({
      code: 'invalid_credentials',
      message: 'Wrong login or password.',
      state: { shopper: { kind: 'guest' } },
    })
    expect(wrong.text).not.toContain('not-it-1234')

    const right = await call({ action: 'login', username: ada.login, password: ada.password })
    expect(right.response.status).toBe(200)
    expect(right.json).toMatchObject({
      shopper: { kind: 'registered', customerId: ada.customerId, loginId: ada.login },
      tags: ['registered', 'tokenValid'],
    })
    expect(right.text).not.toContain(ada.password)
    const state = await call()
    expect(state.json).toEqual(right.json) // the cookies carry the registered session
  })

  it('logout ends the registered session at SLAS and answers a new guest', async () => {
    const { call, shopper, count } = endpointSetup()
    const ada = shopper()
    await call({ action: 'login', username: ada.login, password: ada.password })
    const out = await call({ action: 'logout' })
    expect(out.response.status).toBe(200)
    expect(out.json).toMatchObject({ shopper: { kind: 'guest' }, tags: ['guest', 'tokenValid'] })
    expect(count('logoutCustomer')).toBe(1)
    const local = await call({ action: 'logout', remote: false })
    expect(local.json).toMatchObject({ shopper: { kind: 'guest' } })
    expect(count('logoutCustomer')).toBe(1)
  })

  it('register logs the new shopper in; the same login again (as a guest) is 409 login_taken', async () => {
    const first = endpointSetup()
    const registered = await first.call({ action: 'register', ...NEW_SHOPPER })
    expect(registered.response.status).toBe(200)
    expect(registered.json).toMatchObject({
      shopper: { kind: 'registered', loginId: NEW_SHOPPER.customer.login },
    })
    await first.call({ action: 'logout' })
    const again = await first.call({ action: 'register', ...NEW_SHOPPER })
    expect(again.response.status).toBe(409)
    expect(again.json).toMatchObject({ code: 'login_taken' })
    expect(again.text).not.toContain(NEW_SHOPPER.password)
  })

  it('a revoked refresh token: the token call answers a new guest tagged reauthRequired', async () => {
    const { call, shopper, emulator } = endpointSetup()
    const ada = shopper()
    await call({ action: 'login', username: ada.login, password: ada.password })
    emulator.control.revokeSessions({ login: ada.login })
    const answer = await call({ action: 'token', force: true })
    expect(answer.response.status).toBe(200)
    expect(answer.json?.state).toMatchObject({
      shopper: { kind: 'guest' },
      tags: expect.arrayContaining(['guest', 'reauthRequired']),
    })
  })
})

describe('refusals', () => {
  it('bad bodies are 400 bad_request naming the field, never its value', async () => {
    const { call, count } = endpointSetup()
    const cases: [object, string][] = [
      [{ action: 'dance' }, 'action: must be'],
      [{ action: 'login', username: 'a@example.com' }, 'password: is required'],
      [{ action: 'login', username: 'a@example.com', password: 42 }, 'password: must be a string'],
      [{ action: 'register', customer: { login: 'x' }, password: 'Secret-1234' }, 'customer:'],
      [{ action: 'logout', remote: 'yes' }, 'remote: must be a boolean'],
      [{ action: 'token', force: 1 }, 'force: must be a boolean'],
    ]
    for (const [body, message] of cases) {
      const { response, json, text } = await call(body)
      expect(response.status).toBe(400)
      expect(json).toMatchObject({ code: 'bad_request' })
      expect(String(json?.message)).toContain(message)
      expect(text).not.toContain('Secret-1234')
    }
    expect(count()).toBe(0) // refused before the session did any work
  })

  it('CSRF: no custom header, a foreign Origin or another content type is 403 forbidden', async () => {
    const { call, count } = endpointSetup()
    const noHeader = await call(undefined, { headers: { 'x-shopper-session': null } })
    expect(noHeader.response.status).toBe(403)
    expect(noHeader.json).toMatchObject({ code: 'forbidden' })
    const foreign = await call({ action: 'token' }, { origin: 'https://evil.example' })
    expect(foreign.response.status).toBe(403)
    expect(foreign.response.headers.get('access-control-allow-origin')).toBeNull()
    const form = await call(
      { action: 'token' },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    )
    expect(form.response.status).toBe(403)
    const put = await call(undefined, { method: 'PUT' })
    expect(put.response.status).toBe(405)
    expect(put.response.headers.get('allow')).toBe('OPTIONS, GET, POST')
    const notJson = await call(undefined, { raw: '{"action":' })
    expect(notJson.response.status).toBe(400)
    const huge = await call(undefined, {
      raw: JSON.stringify({ action: 'x', pad: 'y'.repeat(20_000) }),
    })
    expect(huge.response.status).toBe(413)
    expect(count()).toBe(0)
  })

  it('a listed origin gets CORS with credentials, and its preflight names GET and POST', async () => {
    const shop = 'https://shop.example.com'
    const { endpoint, call } = endpointSetup({ allowedOrigins: [shop] })
    const answer = await call({ action: 'token' }, { origin: shop })
    expect(answer.response.status).toBe(200)
    expect(answer.response.headers.get('access-control-allow-origin')).toBe(shop)
    expect(answer.response.headers.get('access-control-allow-credentials')).toBe('true')
    const preflight = await endpoint(
      new Request('http://shop.test/api/session', {
        method: 'OPTIONS',
        headers: { origin: shop, 'access-control-request-method': 'POST' },
      }),
    )
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST')
    const refused = await endpoint(
      new Request('http://shop.test/api/session', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
    )
    expect(refused.status).toBe(403)
  })

  it('logins and registrations per client are limited: 429 rate_limited with Retry-After', async () => {
    const { call, shopper, count } = endpointSetup({
      rateLimit: { perClient: { limit: 2, windowMs: 60_000 } },
      clientKey: () => 'one-client',
    })
    const ada = shopper()
    for (let index = 0; index < 2; index++) {
      const wrong = await call({ action: 'login', username: ada.login, password: 'wrong-1234' })
      expect(wrong.response.status).toBe(401)
    }
    const logins = count('authenticateCustomer')
    const limited = await call({ action: 'login', username: ada.login, password: ada.password })
    expect(limited.response.status).toBe(429)
    expect(limited.json).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) })
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(count('authenticateCustomer')).toBe(logins)
    expect((await call({ action: 'token' })).response.status).toBe(200) // reads are not limited
  })

  it('an upstream fault is 502 server_error with a fixed message, logged without detail', async () => {
    const lines: unknown[][] = []
    const logger = { warn: (...args: unknown[]) => lines.push(args), error: () => undefined }
    const { call, shopper, emulator } = endpointSetup({ logger })
    const ada = shopper()
    await call()
    emulator.control.failNext('authenticateCustomer', { status: 500 })
    const failed = await call({ action: 'login', username: ada.login, password: ada.password })
    expect(failed.response.status).toBe(502)
    expect(failed.json).toMatchObject({
      code: 'server_error',
      message: 'The session service is unavailable; try again later.',
      state: { shopper: { kind: 'guest' } },
    })
    expect(lines).toHaveLength(1)
    expect(JSON.stringify(lines)).not.toContain(ada.login)
  })

  it('invalid_config for a config without cookie secrets and for bad options', async () => {
    const { config } = endpointSetup()
    const { cookieSecrets: _omitted, ...noSecrets } = config
    await expectCode(
      attempt(() => createSessionEndpoint(noSecrets)),
      'invalid_config',
    )
    const badOrigin = await expectCode(
      attempt(() => createSessionEndpoint(config, { allowedOrigins: ['https://a.example/'] })),
      'invalid_config',
    )
    expect(badOrigin.message).toContain('session endpoint options: allowedOrigins[0]')
    await expectCode(
      attempt(() =>
        createSessionEndpoint(config, { rateLimit: { perClient: { limit: 0, windowMs: 1 } } }),
      ),
      'invalid_config',
    )
  })
})
