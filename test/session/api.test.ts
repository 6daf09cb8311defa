/**
 * The session API's small promises: the authorized fetch (token in place of the caller's, one
 * retry after a 401 with the same body), unsubscribing, settling on a stopped session, logout
 * waiting for the new guest session.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { isShopperSessionError } from '../../src/errors.ts'
import { createAuthorizedFetch } from '../../src/session/authorizedFetch.ts'
import { expectCode } from '../support/expectError.ts'
import { createSessionHarness } from './harness.ts'

const API_ORIGINS = ['https://api.example.com']

let harness: ReturnType<typeof createSessionHarness> | undefined
afterEach(() => harness?.stopAll())

describe('createAuthorizedFetch', () => {
  it("replaces the caller's Authorization and retries once after a 401 with the same body", async () => {
    const sent: string[] = []
    const asked: Array<string | undefined> = []
    const authorizedFetch = createAuthorizedFetch(
      {
        getAccessToken: async (options) => {
          asked.push(options?.rejected)
          return options?.rejected === undefined ? 'first' : 'second'
        },
      },
      async (input, init) => {
        const request = new Request(input, init)
        const line = `${request.headers.get('authorization')} ${request.headers.get('x-keep')}`
        sent.push(`${line} ${await request.text()}`)
        return new Response(null, { status: sent.length === 1 ? 401 : 204 })
      },
      API_ORIGINS,
    )
    const request = new Request('https://api.example.com/a', {
      method: 'POST',
      body: 'the body',
      headers: { authorization: 'Bearer the-callers', 'x-keep': 'kept' },
    })
    const response = await authorizedFetch(request)
    expect(response.status).toBe(204)
    expect(asked).toEqual([undefined, 'first'])
    expect(sent).toEqual(['Bearer first kept the body', 'Bearer second kept the body'])
    // The caller's request is left as it was.
    expect(request.headers.get('authorization')).toBe('Bearer the-callers')
  })

  it('answers anything but a 401 as it is, after one token', async () => {
    let calls = 0
    const authorizedFetch = createAuthorizedFetch(
      { getAccessToken: async () => `token-${++calls}` },
      async (input, init) => {
        const request = new Request(input, init)
        return new Response(request.headers.get('authorization'), { status: 403 })
      },
      API_ORIGINS,
    )
    const response = await authorizedFetch('https://api.example.com/b', { method: 'GET' })
    expect(response.status).toBe(403)
    expect(await response.text()).toBe('Bearer token-1')
    expect(calls).toBe(1)
  })
})

describe('the token goes only where it belongs', () => {
  const tokenSource = (asked: string[]) => ({
    getAccessToken: async () => {
      asked.push('token')
      return 'the-token'
    },
  })

  it('refuses a request to another origin before anything is sent, token included', async () => {
    const asked: string[] = []
    const sent: string[] = []
    const authorizedFetch = createAuthorizedFetch(
      tokenSource(asked),
      async (input) => {
        sent.push(new Request(input).url)
        return new Response(null, { status: 204 })
      },
      API_ORIGINS,
    )
    const error = await expectCode(
      authorizedFetch('https://analytics.example.com/collect', { method: 'POST' }),
      'invalid_config',
    )
    expect(error.message).toContain('https://analytics.example.com')
    // Look-alikes of the API origin are other origins too.
    for (const url of [
      'http://api.example.com/a',
      'https://api.example.com:8443/a',
      'https://api.example.com.evil.example/a',
    ]) {
      await expectCode(authorizedFetch(url), 'invalid_config')
    }
    expect(sent).toEqual([])
    expect(asked).toEqual([])
    await authorizedFetch('https://api.example.com/ok')
    expect(sent).toEqual(['https://api.example.com/ok'])
  })

  it('sends the token to the origins the config trusts', async () => {
    harness = createSessionHarness()
    const seen: Array<string | null> = []
    const trusted = 'https://api.shop.example.com'
    const session = harness.session({
      trustedOrigins: [trusted],
      fetch: async (input, init) => {
        const request = new Request(input, init)
        if (!request.url.startsWith(trusted)) return harness!.emulator.fetch(request)
        seen.push(request.headers.get('authorization'))
        return new Response(null, { status: 204 })
      },
    })
    await session.fetch(`${trusted}/custom/api`)
    expect(seen).toEqual([`Bearer ${session.getTokens()?.accessToken}`])
    await expectCode(session.fetch('https://analytics.example.com/collect'), 'invalid_config')
    expect(seen).toHaveLength(1)
  })

  it('refuses trusted origins that are not exact origins', () => {
    harness = createSessionHarness()
    for (const origin of [
      'https://*.example.com',
      'https://shop.example.com/',
      'shop.example.com',
    ]) {
      expect(() => harness!.session({ trustedOrigins: [origin] })).toThrow(/trustedOrigins/)
    }
  })

  it('a relative URL outside browsers is invalid_config, not a TypeError', async () => {
    const authorizedFetch = createAuthorizedFetch(tokenSource([]), fetch, API_ORIGINS)
    await expectCode(authorizedFetch('/relative/path'), 'invalid_config')
  })

  it('a dropped connection is a coded network error, not a raw TypeError', async () => {
    const authorizedFetch = createAuthorizedFetch(
      tokenSource([]),
      async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })
      },
      API_ORIGINS,
    )
    const error = await expectCode(authorizedFetch('https://api.example.com/a'), 'network')
    expect(error.message).toContain('ECONNRESET')
  })
})

describe('session promises and listeners', () => {
  it('subscribe() and on() return working unsubscribes', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    let snapshots = 0
    const checks: string[] = []
    const unsubscribe = session.subscribe(() => snapshots++)
    const off = session.on('session.started', (event) => checks.push(event.customerType))
    await session.ready()
    expect(snapshots).toBeGreaterThan(0)
    expect(checks).toEqual(['guest'])
    unsubscribe()
    off()
    const seen = snapshots
    await session.logout()
    expect(snapshots).toBe(seen)
    expect(checks).toEqual(['guest'])
  })

  it('ready(), getAccessToken() and login() reject with aborted once the session stopped', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    session.stop()
    await expectCode(session.ready(), 'aborted')
    await expectCode(session.getAccessToken(), 'aborted')
    await expectCode(session.login('someone@example.com', 'a-password'), 'aborted')
  })

  it('logout resolves with the new guest session in place', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const before = session.getTokens()
    await session.logout()
    const after = session.getTokens()
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(session.getSnapshot().hasTag('busy')).toBe(false)
    expect(after?.refreshToken).toBeDefined()
    expect(after?.refreshToken === before?.refreshToken).toBe(false)
  })
})

describe('every failure is a ShopperSessionError with a stable code', () => {
  it('register(null) is bad_request before any request; logout(null) is invalid_config', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const before = harness.emulator.control.requests().length
    const register = session.register as (customer: unknown, password: string) => Promise<void>
    await expectCode(register(null, 'Pa55-word!'), 'bad_request')
    await expectCode(register('ada', 'Pa55-word!'), 'bad_request')
    const logout = session.logout as (options: unknown) => Promise<void>
    await expectCode(logout(null), 'invalid_config')
    expect(harness.emulator.control.requests()).toHaveLength(before)
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
  })

  it('the errors in events and in snapshot.context.error are ShopperSessionErrors', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const failures: unknown[] = []
    session.on('login.failed', (event) => failures.push(event.error))
    const [ada] = harness.emulator.settings.shoppers
    await expectCode(session.login(ada?.login ?? '', 'Not-the-Pa55word'), 'invalid_credentials')
    expect(failures).toHaveLength(1)
    expect(isShopperSessionError(failures[0], 'invalid_credentials')).toBe(true)
    expect(isShopperSessionError(session.getSnapshot().context.error, 'invalid_credentials')).toBe(
      true,
    )
    // Still plain data when serialized (persisted snapshots, logs).
    expect(JSON.parse(JSON.stringify(session.getSnapshot().context.error))).toMatchObject({
      code: 'invalid_credentials',
    })
  })
})
