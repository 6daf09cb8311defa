/**
 * Server rendering with a server-held (BFF) session, in Chromium: the shop (ssr/server.ts)
 * renders the account page with React on Node over the request's server session and embeds
 * `dehydrateSession` and the query cache; the page hydrates it with `createRemoteSession` and
 * `hydrateRoot`. One guest login in all (the server's), no request on hydration, no hydration
 * warning or console error; a registered shopper's page shows their name from the first paint;
 * a sign-in from the page goes through the session endpoint and updates the hooks.
 */
import type { ConsoleMessage, Page } from '@playwright/test'
import { test as base, expect } from './fixtures.ts'
import { CONFIG_ID, type SsrShop, startSsrShop } from './ssr/server.ts'

const test = base.extend<{ shop: SsrShop }, { ssrShop: SsrShop }>({
  ssrShop: [
    async ({ server }, use) => {
      const shop = await startSsrShop(server.emulator)
      await use(shop)
      await shop.close()
    },
    { scope: 'worker' },
  ],
  shop: async ({ ssrShop, emulator: _reset }, use) => {
    await use(ssrShop)
  },
})

/** What the page reports and asks for while a test runs. */
function watch(page: Page, origin: string) {
  const problems: string[] = []
  const requests: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('request', (request) => {
    const url = new URL(request.url())
    requests.push(url.origin === origin ? `${request.method()} ${url.pathname}` : request.url())
  })
  return { problems, requests }
}

/** Every text `#who` showed from the first parse on (recorded in the page). */
const recordWho = () => {
  const seen: string[] = []
  ;(window as unknown as { whoSeen: string[] }).whoSeen = seen
  const note = () => {
    const text = document.getElementById('who')?.textContent
    if (text != null && seen.at(-1) !== text) seen.push(text)
  }
  new MutationObserver(note).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  })
}

const hydrated = (page: Page) => expect(page.locator('body[data-hydrated="true"]')).toBeAttached()

test('a first visit: one guest login in all (the server), hydration asks nothing and warns nothing', async ({
  page,
  shop,
  emulator,
}) => {
  const { problems, requests } = watch(page, shop.origin)
  const response = await page.goto(`${shop.origin}/account`)
  await hydrated(page)
  expect(await response?.text()).toContain('Welcome, guest')
  await expect(page.locator('#who')).toHaveText('Welcome, guest')
  expect(await page.locator(`#${CONFIG_ID}`).count()).toBe(1)
  expect(emulator.requests('authorizeCustomer')).toHaveLength(1)
  expect(requests).toEqual(['GET /account', 'GET /ssr/page.js'])
  expect(problems).toEqual([])

  // The cookies carry the session: the next page costs no login either.
  await page.reload()
  await hydrated(page)
  expect(emulator.requests('authorizeCustomer')).toHaveLength(1)
  expect(requests.filter((request) => request.includes('/api/session'))).toEqual([])
  expect(problems).toEqual([])
})

test("a registered shopper's page shows their name from the first paint, with no request", async ({
  page,
  shop,
  server,
}) => {
  const ada = server.emulator.settings.shoppers[0]
  if (!ada) throw new Error('no seeded shopper')
  // Signed in through the endpoint: the cookies land in the page's browser context.
  const login = await page.context().request.post(`${shop.origin}/api/session`, {
    headers: { 'x-shopper-session': '1' },
    data: { action: 'login', username: ada.login, password: ada.password },
  })
  expect(login.status()).toBe(200)

  const { problems, requests } = watch(page, shop.origin)
  await page.addInitScript(recordWho)
  await page.goto(`${shop.origin}/account`)
  await hydrated(page)
  const hello = `Hello ${ada.firstName} ${ada.lastName} <${ada.email}>`
  await expect(page.locator('#who')).toHaveText(hello)
  expect(await page.evaluate(() => (window as unknown as { whoSeen: string[] }).whoSeen)).toEqual([
    hello,
  ])
  expect(requests).toEqual(['GET /account', 'GET /ssr/page.js'])
  expect(problems).toEqual([])
})

test('signing in from the page goes through the endpoint and updates the hooks', async ({
  page,
  shop,
  server,
  emulator,
}) => {
  const ada = server.emulator.settings.shoppers[0]
  if (!ada) throw new Error('no seeded shopper')
  const { problems, requests } = watch(page, shop.origin)
  await page.goto(`${shop.origin}/account`)
  await hydrated(page)
  await page.getByLabel('Login').fill(ada.login)
  await page.getByLabel('Password').fill(ada.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('#who')).toHaveText(
    `Hello ${ada.firstName} ${ada.lastName} <${ada.email}>`,
  )
  await expect(page.locator('#sign-in')).toHaveCount(0)
  expect(emulator.requests('authorizeCustomer')).toHaveLength(1) // the server's guest, no other
  // The login, the borrowed token, the profile from the Shopper API: nothing from SLAS.
  const calls = requests.slice(2)
  expect(calls.slice(0, 2)).toEqual(['POST /api/session', 'POST /api/session'])
  expect(calls.slice(2).every((call) => call.includes('/shopper-customers/'))).toBe(true)
  expect(calls.some((call) => call.includes('/shopper/auth/'))).toBe(false)
  expect(problems).toEqual([])
})
