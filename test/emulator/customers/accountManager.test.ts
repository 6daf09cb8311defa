/**
 * The Account Manager token endpoint (`getAccountManagerToken`): client credentials by Basic or in
 * the form, `grant_type=client_credentials`, a JWT signed by the emulator key, and OAuth errors.
 */
import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../../support/emulator.ts'
import { basic, claims, jwtHeader } from '../helpers.ts'
import { amToken, amTokenRequest, call, expectProblem } from './helpers.ts'

const GRANT = { grant_type: 'client_credentials' }

describe('Account Manager token', () => {
  it('issues a JWT for Basic client credentials (expires_in 1799)', async () => {
    const emulator = createTestEmulator()
    const { clientId, secret } = emulator.settings.accountManager
    expect(clientId).toBe('emulator-am-client')
    const response = await amTokenRequest(emulator, GRANT, {
      authorization: basic(clientId, secret),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 1799,
      scope: 'sfcc.shopper-customers.login',
    })
    const token = String(body.access_token)
    expect(jwtHeader(token)).toMatchObject({ alg: 'ES256' })
    const payload = claims(token)
    expect(payload).toMatchObject({ sub: clientId, scope: ['sfcc.shopper-customers.login'] })
    expect(Number(payload.exp) - Number(payload.iat)).toBe(1799)
    expect(emulator.control.secrets()).toContain(token)
    expect(emulator.control.secrets()).toContain(secret)
  })

  it('accepts client_secret_post, grant_type in the query, and tenant scopes', async () => {
    const emulator = createTestEmulator()
    const { clientId, secret } = emulator.settings.accountManager
    const form = await amTokenRequest(emulator, {
      ...GRANT,
      client_id: clientId,
      client_secret: secret,
      scope: 'SALESFORCE_COMMERCE_API:zzte_001 sfcc.shopper-customers.login',
    })
    expect(form.status).toBe(200)
    expect(((await form.json()) as { scope: string }).scope).toBe(
      'SALESFORCE_COMMERCE_API:zzte_001 sfcc.shopper-customers.login',
    )
    const query = await emulator.handle(
      new Request(
        `${emulator.settings.baseUrl}/dwsso/oauth2/access_token?grant_type=client_credentials`,
        {
          method: 'POST',
          headers: {
            authorization: basic(clientId, secret),
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: '',
        },
      ),
    )
    expect(query.status).toBe(200)
  })

  it('answers 401 invalid_client for bad credentials, 400 for a bad grant or scope', async () => {
    const emulator = createTestEmulator({
      accountManager: { clientId: 'am', secret: 'am-secret-1' },
    })
    const cases: [Record<string, string>, Record<string, string>, number, string][] = [
      [GRANT, { authorization: basic('am', 'wrong-secret') }, 401, 'invalid_client'],
      [GRANT, { authorization: basic('emulator-am-client', 'am-secret-1') }, 401, 'invalid_client'],
      [GRANT, {}, 401, 'invalid_client'],
      [GRANT, { authorization: 'Bearer something' }, 401, 'invalid_client'],
      [
        { grant_type: 'password' },
        { authorization: basic('am', 'am-secret-1') },
        400,
        'unsupported_grant_type',
      ],
      [{}, { authorization: basic('am', 'am-secret-1') }, 400, 'invalid_request'],
      [
        { ...GRANT, scope: 'sfcc.admin' },
        { authorization: basic('am', 'am-secret-1') },
        400,
        'invalid_scope',
      ],
    ]
    for (const [body, headers, status, error] of cases) {
      const response = await amTokenRequest(emulator, body, headers)
      expect({ status: response.status, body: await response.json() }).toMatchObject({
        status,
        body: { error },
      })
    }
    const json = await emulator.handle(
      new Request(`${emulator.settings.baseUrl}/dwsso/oauth2/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: basic('am', 'am-secret-1') },
        body: JSON.stringify(GRANT),
      }),
    )
    expect(json.status).toBe(400)
    expect(emulator.control.requests('getAccountManagerToken')).toHaveLength(cases.length + 1)
  })

  it('tokens expire, and control.reset() forgets them', async () => {
    const emulator = createTestEmulator()
    const path = '/customers/password/actions/create-reset-token'
    const body = { login: 'ada@example.com' }
    const first = await amToken(emulator)
    expect((await call(emulator, 'POST', path, { token: first, body })).status).toBe(200)
    emulator.control.advanceTime(1799 * 1000)
    await expectProblem(
      await call(emulator, 'POST', path, { token: first, body }),
      401,
      'invalid-access-token',
    )
    const second = await amToken(emulator)
    emulator.control.reset()
    await expectProblem(
      await call(emulator, 'POST', path, { token: second, body }),
      401,
      'invalid-access-token',
    )
  })

  it('refuses a token without the customers scope (403)', async () => {
    const emulator = createTestEmulator({ accountManager: { scopes: ['sfcc.other'] } })
    const token = await amToken(emulator)
    const response = await call(
      emulator,
      'POST',
      '/customers/password/actions/create-reset-token',
      {
        token,
        body: { login: 'ada@example.com' },
      },
    )
    await expectProblem(response, 403, 'forbidden')
  })

  it('rejects unusable options', () => {
    expect(() => createTestEmulator({ accountManager: { secret: '' } })).toThrow(TypeError)
    expect(() => createTestEmulator({ accountManager: { tokenSeconds: 0 } })).toThrow(TypeError)
  })
})
