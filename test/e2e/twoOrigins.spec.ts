/**
 * A browser app on its own origin, in Chromium: the page on the shop's origin, the emulator (the
 * API) on another (twoOrigins.ts). The guest login's `/authorize` and the shopper's `/login`
 * answer with a 303 that fetch follows to the redirect URI. After that cross-origin redirect
 * Chromium sends the callback request with `Origin: null`, so a callback on the page's origin
 * needs `Access-Control-Allow-Origin: *` (its own origin is not enough); without it the fetch
 * fails like a dropped connection, and the session must say so with `invalid_config` instead of
 * retrying it as `network`. A redirect URI on the API's origin gets the API's CORS (the page's
 * own origin) and works, and so does every SLAS and Shopper Customers call across origins.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ConsoleMessage } from '@playwright/test'
import {
  type CallbackCors,
  call,
  expect,
  forgetCodesChromiumQuoted,
  openShopPage,
  operations,
  pageConfig,
  succeeded,
  test,
} from './twoOrigins.ts'

const statuses = (entries: { status: number }[]) => entries.map((entry) => entry.status)

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

for (const cors of ['none', 'shop'] as const satisfies readonly CallbackCors[]) {
  const callback = cors === 'none' ? 'no CORS' : 'CORS for that origin'
  test(`callback on the page's origin with ${callback}: ready() rejects with invalid_config at once, never retried`, async ({
    page,
    server,
    shop,
    api,
    emulator,
  }) => {
    const consoleText: string[] = []
    page.on('console', (message: ConsoleMessage) => consoleText.push(message.text()))
    shop.callbackCors = cors
    await openShopPage(page, shop)

    const config = pageConfig(server, api, `${shop.origin}/callback`)
    const started = Date.now()
    const result = await call(page, 'start', config)
    expect(result).toMatchObject({ ok: false, code: 'invalid_config', transient: false })
    expect(result.ok ? '' : result.message).toContain('Access-Control-Allow-Origin: *')
    expect(Date.now() - started).toBeLessThan(2_000) // not after the 3 s wait for retries
    // SLAS answered twice (the followed request, then the same one not followed); the browser
    // did reach the callback, with Origin: null, and refused its answer.
    expect(statuses(emulator.requests('authorizeCustomer'))).toEqual([303, 303])
    expect(shop.callbackOrigins).toEqual(['null'])
    expect(emulator.requests('getAccessToken')).toEqual([])

    // Retries would come every 50 ms: ten of them fit here, and none is made.
    await page.waitForTimeout(500)
    expect(emulator.requests('authorizeCustomer')).toHaveLength(2)
    const state = await call(page, 'state')
    expect(state.tags).toContain('unavailable')
    expect(state.events).toEqual(['session.unavailable'])
    forgetCodesChromiumQuoted(emulator, consoleText)
  })
}

test('an API that does not answer stays network (transient, retried): only an answered redirect is invalid_config', async ({
  page,
  server,
  shop,
  emulator,
}) => {
  await openShopPage(page, shop)
  const closed = `http://localhost:${await closedPort()}`
  const result = await call(page, 'start', pageConfig(server, closed, `${shop.origin}/callback`))
  expect(result).toMatchObject({ ok: false, code: 'network', transient: true })
  const state = await call(page, 'state')
  // Each attempt (the request, then its probe) failed without an answer, and was retried.
  expect(state.events.filter((type) => type === 'session.startFailed').length).toBeGreaterThan(1)
  expect(emulator.requests()).toEqual([])
  expect(shop.callbackOrigins).toEqual([])
})

test('callback on the API origin (the emulator answers CORS for the page): guest session and login work', async ({
  page,
  server,
  shop,
  api,
  emulator,
}) => {
  const ada = server.emulator.settings.shoppers[0]
  if (ada === undefined) throw new Error('the emulator has no seeded shopper')
  await openShopPage(page, shop)
  const guest = succeeded(await call(page, 'start', pageConfig(server, api, `${api}/callback`)))
  expect(guest).toMatchObject({ customerType: 'guest', events: ['session.started'] })
  const loggedIn = succeeded(await call(page, 'login', ada.login, ada.password))
  expect(loggedIn).toMatchObject({ customerType: 'registered', loginId: ada.login })
  // One /authorize (nothing re-sent), both redirects followed to the API's own callback.
  expect(statuses(emulator.requests('authorizeCustomer'))).toEqual([303])
  expect(statuses(emulator.requests('authenticateCustomer'))).toEqual([303])
  expect(statuses(emulator.requests('callback'))).toEqual([200, 200])
  expect(shop.callbackOrigins).toEqual([])
})

test('callback on the page origin with Access-Control-Allow-Origin: *: guest session and login work', async ({
  page,
  server,
  shop,
  api,
  emulator,
}) => {
  const ada = server.emulator.settings.shoppers[0]
  if (ada === undefined) throw new Error('the emulator has no seeded shopper')
  shop.callbackCors = 'any'
  await openShopPage(page, shop)
  const config = pageConfig(server, api, `${shop.origin}/callback`)
  expect(succeeded(await call(page, 'start', config))).toMatchObject({ customerType: 'guest' })
  const loggedIn = succeeded(await call(page, 'login', ada.login, ada.password))
  expect(loggedIn).toMatchObject({ customerType: 'registered', loginId: ada.login })
  expect(statuses(emulator.requests('authorizeCustomer'))).toEqual([303])
  expect(statuses(emulator.requests('authenticateCustomer'))).toEqual([303])
  // Both redirects reached the shop's callback, each with Origin: null.
  expect(shop.callbackOrigins).toEqual(['null', 'null'])
})

test('a same-origin proxy to the API (as PWA Kit deploys it): guest session and login work, no CORS anywhere', async ({
  page,
  server,
  shop,
  emulator,
}) => {
  const ada = server.emulator.settings.shoppers[0]
  if (ada === undefined) throw new Error('the emulator has no seeded shopper')
  await openShopPage(page, shop)
  const config = pageConfig(server, `${shop.origin}/api`, `${shop.origin}/callback`)
  expect(succeeded(await call(page, 'start', config))).toMatchObject({ customerType: 'guest' })
  const loggedIn = succeeded(await call(page, 'login', ada.login, ada.password))
  expect(loggedIn).toMatchObject({ customerType: 'registered', loginId: ada.login })
  expect(statuses(emulator.requests('authorizeCustomer'))).toEqual([303])
  expect(statuses(emulator.requests('authenticateCustomer'))).toEqual([303])
  // Same-origin requests: no preflight, and the callback got no Origin header at all.
  expect(emulator.requests('preflight')).toEqual([])
  expect(shop.callbackOrigins).toEqual(['', ''])
})

test('the session flow across origins: register, profile, refresh, logout, login, logout', async ({
  page,
  server,
  shop,
  api,
  emulator,
}) => {
  const ada = server.emulator.settings.shoppers[0]
  if (ada === undefined) throw new Error('the emulator has no seeded shopper')
  const login = 'two.origins@example.com'
  const password = 'Tw0-Origins!pass'
  await openShopPage(page, shop)
  succeeded(await call(page, 'start', pageConfig(server, api, `${api}/callback`)))
  expect(succeeded(await call(page, 'register', login, password))).toMatchObject({
    customerType: 'registered',
    loginId: login,
  })
  expect(await call(page, 'profileLogin')).toBe(login)
  expect(succeeded(await call(page, 'refresh')).events).toContain('token.refreshed')
  expect(succeeded(await call(page, 'logout'))).toMatchObject({ customerType: 'guest' })
  expect(succeeded(await call(page, 'login', ada.login, ada.password))).toMatchObject({
    loginId: ada.login,
  })
  expect(succeeded(await call(page, 'logout'))).toMatchObject({ customerType: 'guest' })

  const seen = operations(emulator)
  // Every SLAS and Shopper Customers call crossed origins and was answered, none refused.
  expect(seen.filter((entry) => !/ [23]\d\d$/.test(entry))).toEqual([])
  for (const operation of [
    'authorizeCustomer 303',
    'getAccessToken 200',
    'registerCustomer 200',
    'authenticateCustomer 303',
    'getCustomer 200',
    'logoutCustomer 200',
  ]) {
    expect(seen).toContain(operation)
  }
  // The requests that are not simple (JSON, Authorization, form POSTs) were preflighted.
  expect(seen).toContain('preflight 204')
  expect(shop.callbackOrigins).toEqual([])
})
