/**
 * `withShopperSession` and `createServerSession` against the in-process emulator: the SSR round
 * trip, lazy start, Set-Cookie on immutable responses, caching headers, config errors.
 */
import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../../adapters/storage/memory.ts'
import {
  createServerSession,
  type ServerSession,
  withShopperSession,
} from '../../src/server/index.ts'
import { expectCode } from '../support/expectError.ts'
import { COOKIE_SECRET, cookiesAfter, pageRequest, serverSetup } from './helpers.ts'

/** A synchronous throw as a rejection, for `expectCode`. */
const attempt = (fn: () => unknown) => Promise.resolve().then(fn)

const html = (body: string) => new Response(body, { headers: { 'content-type': 'text/html' } })

/** A page that needs the shopper: it asks for a token and shows the customer type. */
async function shopperPage(_request: Request, session: ServerSession): Promise<Response> {
  await session.getAccessToken()
  return html(`<p>${session.getTokens()?.customerType ?? 'none'}</p>`)
}

describe('withShopperSession: SSR round trip', () => {
  it('a first request starts a guest and sets cookies; the next costs no SLAS call', async () => {
    const { config, count } = serverSetup()
    const handle = withShopperSession(config, shopperPage)

    const first = await handle(pageRequest())
    expect(await first.text()).toBe('<p>guest</p>')
    expect(count('authorizeCustomer')).toBe(1)
    expect(count('getAccessToken')).toBe(1)
    const setCookies = first.headers.getSetCookie()
    expect(setCookies).toHaveLength(1)
    const name = 'shopper-session%3Af_ecom_zzte_001%3ARefArch%3A[\\w%-]+'
    const attributes = 'Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=7776000'
    expect(setCookies[0]).toMatch(new RegExp(`^${name}=[^;\\s]+; ${attributes}$`))
    expect(first.headers.get('cache-control')).toBe('private, no-store')

    const before = count()
    const second = await handle(pageRequest(cookiesAfter(setCookies)))
    expect(await second.text()).toBe('<p>guest</p>')
    expect(count()).toBe(before)
    expect(second.headers.getSetCookie()).toEqual([]) // nothing changed, nothing re-sent
    expect(second.headers.get('cache-control')).toBeNull()
  })

  it('login on one request, registered on the next (no SLAS call), logout to a guest', async () => {
    const { config, shopper, count } = serverSetup()
    const ada = shopper()
    const handle = withShopperSession(config, async (request, session) => {
      const action = new URL(request.url).pathname
      if (action === '/login') await session.login(ada.login, ada.password)
      else if (action === '/logout') await session.logout()
      else await session.ready()
      return html(session.getSnapshot().hasTag('registered') ? 'registered' : 'guest')
    })
    const login = await handle(pageRequest(undefined, '/login'))
    expect(await login.text()).toBe('registered')
    let cookie = cookiesAfter(login.headers.getSetCookie())

    const before = count()
    const page = await handle(pageRequest(cookie))
    expect(await page.text()).toBe('registered')
    expect(count()).toBe(before)

    const logout = await handle(pageRequest(cookie, '/logout'))
    expect(await logout.text()).toBe('guest')
    expect(count('logoutCustomer')).toBe(1)
    cookie = cookiesAfter(logout.headers.getSetCookie(), cookie)
    const after = await handle(pageRequest(cookie))
    expect(await after.text()).toBe('guest')
  })

  it('a page that does not use the session costs no SLAS call and sets no cookie', async () => {
    const { config, count } = serverSetup()
    const handle = withShopperSession(config, () => html('static'))
    const response = await handle(pageRequest())
    expect(await response.text()).toBe('static')
    expect(count()).toBe(0)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('copies a Response whose headers are immutable (redirects) to add the cookies', async () => {
    const { config } = serverSetup()
    const handle = withShopperSession(config, async (_request, session) => {
      await session.ready()
      return Response.redirect('http://shop.test/account', 303)
    })
    const response = await handle(pageRequest())
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('http://shop.test/account')
    expect(response.headers.getSetCookie()).toHaveLength(1)
  })

  it('keeps a private Cache-Control; overrides a public one when cookies are set', async () => {
    const { config } = serverSetup()
    const page = (cacheControl: string) =>
      withShopperSession(config, async (_request, session) => {
        await session.ready()
        return new Response('x', { headers: { 'cache-control': cacheControl } })
      })
    const kept = await page('private, max-age=60')(pageRequest())
    expect(kept.headers.get('cache-control')).toBe('private, max-age=60')
    const overridden = await page('public, max-age=600')(pageRequest())
    expect(overridden.headers.get('cache-control')).toBe('private, no-store')
  })

  it('the session is stopped after the handler; onError responses carry the cookies', async () => {
    const { config } = serverSetup()
    let seen: ServerSession | undefined
    const failing = async (_request: Request, session: ServerSession): Promise<Response> => {
      seen = session
      await session.ready()
      throw new Error('render failed')
    }
    const plain = withShopperSession(config, failing)
    await expect(plain(pageRequest())).rejects.toThrow('render failed')
    expect(seen?.actor.getSnapshot().status).toBe('stopped')

    const handle = withShopperSession(config, failing, {
      onError: () => new Response('sorry', { status: 500 }),
    })
    const response = await handle(pageRequest())
    expect(response.status).toBe(500)
    expect(response.headers.getSetCookie()).toHaveLength(1)
  })

  it('cookie options reach the Set-Cookie headers', async () => {
    const { config } = serverSetup()
    const handle = withShopperSession(config, shopperPage, {
      cookie: { secure: false, maxAgeSeconds: 3600 },
    })
    const [line] = (await handle(pageRequest())).headers.getSetCookie()
    expect(line).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3600$/)
  })
})

describe('config errors (invalid_config, before any request)', () => {
  it('a bad config or bad cookie options fail when the handler is built', async () => {
    const { config, count } = serverSetup()
    const badConfig = { ...config, organizationId: 'nope' }
    await expectCode(
      attempt(() => withShopperSession(badConfig, shopperPage)),
      'invalid_config',
    )
    const cookie = { maxAgeSeconds: -1 }
    await expectCode(
      attempt(() => withShopperSession(config, shopperPage, { cookie })),
      'invalid_config',
    )
    expect(count()).toBe(0)
  })

  it('a storage in the shared config is refused (every request would share it)', async () => {
    const { config } = serverSetup()
    const shared = { ...config, storage: createMemoryStorage() }
    const error = await expectCode(
      attempt(() => withShopperSession(shared, shopperPage)),
      'invalid_config',
    )
    expect(error.message).toContain('storage')
    const perRequest = () => createServerSession(shared, { cookies: null })
    await expectCode(attempt(perRequest), 'invalid_config')
  })

  it('createServerSession needs exactly one of cookies and storage', async () => {
    const { config } = serverSetup()
    for (const notConfig of [null, undefined, 'config']) {
      const run = () => createServerSession(notConfig as never, { cookies: null })
      await expectCode(attempt(run), 'invalid_config')
    }
    const bad = [{}, { cookies: null, storage: createMemoryStorage() }] as unknown as Array<
      Parameters<typeof createServerSession>[1]
    >
    for (const options of bad) {
      await expectCode(
        attempt(() => createServerSession(config, options)),
        'invalid_config',
      )
    }
  })

  it('cookie sessions need cookieSecrets: missing, short or not an array is invalid_config', async () => {
    const { config, count } = serverSetup()
    const { cookieSecrets: _secrets, ...unsealed } = config
    for (const run of [
      () => withShopperSession(unsealed, shopperPage),
      () => createServerSession(unsealed, { cookies: null }),
    ]) {
      const error = await expectCode(attempt(run), 'invalid_config')
      expect(error.message).toContain('cookieSecrets')
    }
    const short = 'too-short-secret'
    const bad: unknown[] = [[], COOKIE_SECRET, [COOKIE_SECRET, short], [COOKIE_SECRET, 42]]
    for (const cookieSecrets of bad) {
      const withBad = { ...config, cookieSecrets } as typeof config
      const handler = () => withShopperSession(withBad, shopperPage)
      const error = await expectCode(attempt(handler), 'invalid_config')
      expect(error.message).toContain('cookieSecrets')
      expect(error.message).not.toContain(short)
      const perRequest = () => createServerSession(withBad, { cookies: null })
      await expectCode(attempt(perRequest), 'invalid_config')
    }
    const withShort = { ...config, cookieSecrets: [COOKIE_SECRET, short] }
    const named = await expectCode(
      attempt(() => createServerSession(withShort, { cookies: null })),
      'invalid_config',
    )
    expect(named.message).toContain('cookieSecrets[1]: must be a string of 32')
    expect(count()).toBe(0)
  })

  it('an app-given storage needs no cookie secrets (storing safely is then the app’s job)', async () => {
    const { config } = serverSetup()
    const { cookieSecrets: _secrets, ...unsealed } = config
    const session = createServerSession(unsealed, { storage: createMemoryStorage() })
    await session.ready()
    session.stop()
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
  })

  it('cookies as a plain header object (Node, Express req.headers) are read', async () => {
    const { config, shopper, count } = serverSetup()
    const login = createServerSession(config, { cookies: null })
    await login.login(shopper().login, shopper().password)
    login.stop()
    const cookie = cookiesAfter(login.setCookieHeaders())
    const before = count()
    const sources = [
      { host: 'shop.test', cookie, accept: ['text/html'] },
      { cookie: ['theme=dark', cookie] }, // repeated Cookie headers
      Object.assign(Object.create(null) as object, { Cookie: cookie }),
    ]
    for (const headers of sources) {
      const session = createServerSession(config, { cookies: headers as Record<string, string> })
      await session.ready()
      session.stop()
      expect(session.getSnapshot().hasTag('registered')).toBe(true)
    }
    expect(count()).toBe(before)
    const empty = createServerSession(config, { cookies: { host: 'shop.test' } })
    await empty.ready()
    empty.stop()
    expect(empty.getSnapshot().hasTag('guest')).toBe(true)
  })

  it('cookies that hold no headers are invalid_config, not a TypeError', async () => {
    const { config } = serverSetup()
    const wrong: unknown[] = [
      pageRequest('a=b'), // the Request instead of its headers
      new Map([['cookie', 5]]),
      42,
      { cookie: 42 },
      { cookie: ['a=b', 7] },
    ]
    for (const cookies of wrong) {
      const options = { cookies } as Parameters<typeof createServerSession>[1]
      const run = () => createServerSession(config, options)
      const error = await expectCode(attempt(run), 'invalid_config')
      expect(error.message).toContain('cookies')
    }
  })

  it('wrongly typed cookie options are invalid_config naming the option, not a TypeError', async () => {
    const { config } = serverSetup()
    const wrong: Array<[unknown, string]> = [
      [{ path: 5 }, 'path'],
      [{ domain: ['a.com'] }, 'domain'],
      [{ secure: 'false' }, 'secure'],
      [{ maxAgeSeconds: '3600' }, 'maxAgeSeconds'],
      [{ chunkSize: null }, 'chunkSize'],
      ['secure', 'options'],
    ]
    for (const [cookie, option] of wrong) {
      const options = { cookie } as { cookie: never }
      for (const run of [
        () => withShopperSession(config, shopperPage, options),
        () => createServerSession(config, { cookies: null, ...options }),
      ]) {
        const error = await expectCode(attempt(run), 'invalid_config')
        expect(error.message).toContain(option)
      }
    }
  })

  it('an app-given per-request storage works; it has no Set-Cookie headers', async () => {
    const { config, count } = serverSetup()
    const storage = createMemoryStorage()
    const first = createServerSession(config, { storage })
    await first.ready()
    first.stop()
    expect(first.setCookieHeaders()).toEqual([])
    const before = count()
    const second = createServerSession(config, { storage })
    await second.ready()
    second.stop()
    expect(count()).toBe(before)
  })
})
