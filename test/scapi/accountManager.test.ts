/** getAccountManagerToken: the wire request, the answer checks and the errors. */
import { describe, expect, it } from 'vitest'
import { type AccountManagerConfig, getAccountManagerToken } from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import { registerSecret } from '../support/secrets.ts'
import { decodeBasic, json, recordingFetch } from './fakeFetch.ts'

const CLIENT_ID = '2f5a2c1e-8a2b-4c1b-9d3e-0a1b2c3d4e5f'
const SECRET = 'am-client-secret-Vb91.qX'
const ACCESS = 'am-access-token.Tz71Lq'
registerSecret(SECRET)
registerSecret(ACCESS)

const TOKEN = { access_token: ACCESS, token_type: 'Bearer', expires_in: 1799, scope: 'mail' }

function config(fetchFn: typeof fetch, extra: Partial<AccountManagerConfig> = {}) {
  return { clientId: CLIENT_ID, clientSecret: SECRET, fetch: fetchFn, ...extra }
}

describe('getAccountManagerToken', () => {
  it('posts client_credentials with Basic auth to account.demandware.com by default', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, TOKEN))
    const token = await getAccountManagerToken(config(fetch), {
      scope: 'sfcc.shopper-customers.login',
    })
    expect(token).toEqual(TOKEN)
    const call = calls[0]
    expect(call?.method).toBe('POST')
    expect(call?.url.href).toBe('https://account.demandware.com/dwsso/oauth2/access_token')
    expect(decodeBasic(call?.headers.get('authorization') ?? null)).toBe(`${CLIENT_ID}:${SECRET}`)
    expect(call?.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(call?.form ?? [])).toEqual({
      grant_type: 'client_credentials',
      scope: 'sfcc.shopper-customers.login',
    })
  })

  it('uses a configured base URL and leaves out an absent scope', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, TOKEN))
    await getAccountManagerToken(config(fetch, { baseUrl: 'http://localhost:8787/am/' }))
    expect(calls[0]?.url.href).toBe('http://localhost:8787/am/dwsso/oauth2/access_token')
    expect(calls[0]?.body).toBe('grant_type=client_credentials')
  })

  it.each([
    [{ ...TOKEN, token_type: 'mac' }, 'token_type: must be "Bearer"'],
    [{ ...TOKEN, expires_in: -1 }, 'expires_in: must be a non-negative number'],
    [{ token_type: 'Bearer', expires_in: 1 }, 'access_token: is required'],
  ])('refuses a malformed answer %j', async (body, reason) => {
    const { fetch } = recordingFetch(() => json(200, body))
    const error = await expectCode(getAccountManagerToken(config(fetch)), 'invalid_response')
    expect(error.message).toContain(reason)
  })

  it.each([
    [401, { error: 'invalid_client', error_description: 'Client authentication failed' }],
    [401, ''],
  ])('maps refused credentials (%i %j) to invalid_client', async (status, body) => {
    const { fetch } = recordingFetch(() => json(status, body))
    await expectCode(getAccountManagerToken(config(fetch)), 'invalid_client')
  })

  it.each([
    [{ clientSecret: '' }, 'clientSecret: must not be empty'],
    [{ clientSecret: `${SECRET}\n` }, 'clientSecret: must not contain control characters'],
    [{ clientId: undefined }, 'clientId: is required'],
    [{ baseUrl: 'ftp://x.test' }, 'baseUrl: must be an http(s) URL'],
  ])('refuses a bad config %j without sending or echoing it', async (patch, fragment) => {
    const { fetch, calls } = recordingFetch(() => json(200, TOKEN))
    const bad = { ...config(fetch), ...patch } as AccountManagerConfig
    const error = await expectCode(getAccountManagerToken(bad), 'invalid_config')
    expect(error.message).toContain(`Invalid Account Manager config: ${fragment}`)
    expect(calls).toHaveLength(0)
  })
})
