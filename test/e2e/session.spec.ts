/**
 * `createShopperSession` in Chromium against the emulator on the page's own origin: a shopper
 * logs in, the page reloads, and the session comes back from browser storage without a single
 * request to the emulator.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import type { SessionStorageKind } from './pages/api.ts'

async function sessionPage(page: Page): Promise<void> {
  await page.goto('/e2e/session.html')
  await page.waitForFunction(() => window.e2eSession !== undefined)
}

const start = (page: Page, kind: SessionStorageKind) =>
  page.evaluate((storage) => window.e2eSession?.start(storage), kind)

for (const kind of ['localStorage', 'sessionStorage'] as const) {
  test(`${kind}: a logged-in shopper is restored after a reload with zero requests`, async ({
    page,
    emulator,
    server,
  }) => {
    const ada = server.emulator.settings.shoppers[0]
    if (ada === undefined) throw new Error('the emulator has no seeded shopper')
    await sessionPage(page)
    expect(await start(page, kind)).toMatchObject({
      customerType: 'guest',
      tags: expect.arrayContaining(['guest']),
    })
    const loggedIn = await page.evaluate(
      ([login, password]) => window.e2eSession?.login(login, password),
      [ada.login, ada.password] as const,
    )
    expect(loggedIn).toMatchObject({ customerType: 'registered', loginId: ada.login })
    expect(emulator.requests('authenticateCustomer').map((entry) => entry.status)).toEqual([303])
    const held = await page.evaluate(() => window.e2eSession?.storageHoldsRefreshToken())
    expect(held).toEqual(
      kind === 'localStorage'
        ? { localStorage: true, sessionStorage: false }
        : { localStorage: false, sessionStorage: false },
    )

    const before = emulator.requests().length
    await page.reload()
    await page.waitForFunction(() => window.e2eSession !== undefined)
    const restored = await start(page, kind)
    expect(restored).toMatchObject({
      customerType: 'registered',
      loginId: ada.login,
      tags: expect.arrayContaining(['registered', 'tokenValid']),
    })
    expect(restored?.tags).not.toContain('guest')
    expect(restored?.events).not.toContain('storage.corrupt')
    expect(emulator.requests().slice(before)).toEqual([])
  })
}

test('sessionStorage: a tab opened from a signed-in page starts its own guest session', async ({
  page,
  emulator,
  server,
}) => {
  const ada = server.emulator.settings.shoppers[0]
  if (ada === undefined) throw new Error('the emulator has no seeded shopper')
  await sessionPage(page)
  await start(page, 'sessionStorage')
  await page.evaluate(([login, password]) => window.e2eSession?.login(login, password), [
    ada.login,
    ada.password,
  ] as const)
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate(() => void window.open('/e2e/session.html')),
  ])
  await popup.waitForFunction(() => window.e2eSession !== undefined)
  const before = emulator.requests('getAccessToken').length
  expect(await start(popup, 'sessionStorage')).toMatchObject({ customerType: 'guest' })
  expect(emulator.requests('getAccessToken').length).toBe(before + 1) // its own guest login
  // The opener is still the registered shopper and can still refresh its own token.
  expect(await page.evaluate(() => window.e2eSession?.state())).toMatchObject({
    customerType: 'registered',
  })
})
