/**
 * The network: the browser offline and back (Playwright's switch), the API unreachable and back
 * (the control strip's "Go offline"), and the page calling the API on another origin (CORS).
 */
import type { Page } from '@playwright/test'
import { startDemoServer } from '../../../demo/server/demoServer.ts'
import { DEMO_DIST } from './dist.ts'
import { expect, seededShopper, test } from './fixtures.ts'
import {
  addToBasket,
  basketLink,
  control,
  expectGuest,
  expectSignedIn,
  main,
  signInAtShop,
} from './shop.ts'

test.describe.configure({ mode: 'parallel' })

/** Tries to add `name` and expects the shopper's words for a lost connection, with its code. */
async function expectCannotReachShop(page: Page, name: string): Promise<void> {
  await main(page)
    .getByRole('article', { name })
    .getByRole('button', { name: 'Add to basket' })
    .click()
  const alert = main(page).getByRole('alert')
  await expect(alert).toContainText("We can't reach the shop. Check your connection and try again.")
  await expect(alert.getByRole('code')).toHaveText('network')
}

test('the browser goes offline: the add waits, busy; back online, it goes through', async ({
  page,
  context,
  demo,
  consoleErrors,
}) => {
  // The dev outbox polls its endpoint every 2 s: a poll may fail while offline (the API's calls
  // do not: they wait).
  consoleErrors.allow(/net::ERR_INTERNET_DISCONNECTED \(http:\/\/localhost:\d+\/__dev\/outbox/)
  const ada = seededShopper(demo)
  await signInAtShop(page, ada)
  await context.setOffline(true)
  const add = main(page)
    .getByRole('article', { name: 'Linen shirt' })
    .getByRole('button', { name: 'Add to basket' })
  await add.click()
  // The query layer holds the call while the browser says it is offline (no failed request).
  await expect(add).toHaveAttribute('aria-busy', 'true')
  const offlineNotice = main(page).getByRole('status').filter({ hasText: "You're offline" })
  await expect(offlineNotice).toBeVisible()
  await page.waitForTimeout(500)
  await expect(add).toHaveAttribute('aria-busy', 'true')
  await expect(basketLink(page)).toHaveAccessibleName('Basket 0 items')
  await context.setOffline(false)
  await expect(offlineNotice).toHaveCount(0)
  await expect(
    main(page).getByRole('status').filter({ hasText: 'Linen shirt is in your basket.' }),
  ).toBeVisible()
  await expect(basketLink(page)).toHaveAccessibleName('Basket 1 items')
  await expect(main(page).getByRole('alert')).toHaveCount(0)
  await expectSignedIn(page, ada.login)
})

test('"Go offline" drops every API connection: adding fails in shopper words; "Go online" recovers', async ({
  page,
  demo,
  consoleErrors,
}) => {
  // The dropped connection reaches the page as the proxy's failed answer.
  consoleErrors.allow(/status of 5\d\d|net::ERR_EMPTY_RESPONSE/)
  const ada = seededShopper(demo)
  await signInAtShop(page, ada)
  await control(page, 'Go offline').click()
  await expect(control(page, 'Go online')).toHaveAttribute('aria-pressed', 'true')
  await expectCannotReachShop(page, 'Wool scarf')
  await control(page, 'Go online').click()
  await expect(control(page, 'Go offline')).toHaveAttribute('aria-pressed', 'false')
  await addToBasket(page, 'Wool scarf')
  await expectSignedIn(page, ada.login)
})

test('the page and the API on two origins (CORS): a guest session, then a login, work', async ({
  page,
  context,
}) => {
  const crossOrigin = await startDemoServer({
    distDir: DEMO_DIST,
    port: 0,
    dev: true,
    logger: null,
    crossOrigin: true,
  })
  try {
    const apiOrigin = new URL(crossOrigin.apiBase).origin
    expect(apiOrigin).not.toBe(new URL(crossOrigin.url).origin)
    const apiCalls: string[] = []
    context.on('request', (request) => {
      if (new URL(request.url()).origin === apiOrigin) apiCalls.push(request.url())
    })
    const ada = seededShopper(crossOrigin)
    await page.goto(`${crossOrigin.url}/#/`)
    await expectGuest(page)
    await addToBasket(page, 'Canvas tote')
    await page.goto(`${crossOrigin.url}/#/login`)
    await main(page).getByLabel('Email').fill(ada.login)
    await main(page).getByLabel('Password', { exact: true }).fill(ada.password)
    await main(page).getByRole('button', { name: 'Sign in' }).click()
    await expectSignedIn(page, ada.login)
    await expect(basketLink(page)).toHaveAccessibleName('Basket 1 items')
    // The browser called the API's origin itself (after CORS preflights), never the proxy.
    const { control } = crossOrigin.emulator
    expect(control.requests('preflight').length).toBeGreaterThan(0)
    expect(apiCalls.some((url) => url.includes('/oauth2/login'))).toBe(true)
    expect(apiCalls.some((url) => url.includes('/baskets'))).toBe(true)
    expect(control.requests('authenticateCustomer').map((entry) => entry.status)).toEqual([303])
  } finally {
    await crossOrigin.close()
  }
})
