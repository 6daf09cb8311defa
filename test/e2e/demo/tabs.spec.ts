/**
 * The session across reloads and tabs of one browser profile (one context, several pages): a
 * reload keeps it, a forced expiry costs one refresh for all tabs, and a sign-out or a new login
 * in one tab is followed by the others.
 */
import type { BrowserContext, Page } from '@playwright/test'
import { ACCESS_TOKEN_SECONDS } from '../../../demo/shared/site.ts'
import { expect, seededShopper, test } from './fixtures.ts'
import {
  addToBasket,
  basketLink,
  countRefreshGrants,
  expectGuest,
  expectSignedIn,
  goRoute,
  heading,
  main,
  nav,
  openRoute,
  signIn,
  signInAtShop,
  tokenAnswersFromNow,
} from './shop.ts'

test.describe.configure({ mode: 'parallel' })

/** A second tab of the same profile on `path`, signed in as `login` there too. */
async function secondTab(context: BrowserContext, login: string, path = '/'): Promise<Page> {
  const tab = await context.newPage()
  await openRoute(tab, path)
  await expectSignedIn(tab, login)
  return tab
}

test('a reload keeps the session and the basket, without signing in again', async ({
  page,
  demo,
  emulator,
}) => {
  const ada = seededShopper(demo)
  await signInAtShop(page, ada)
  await addToBasket(page, 'Linen shirt')
  const signIns = emulator.requests('authenticateCustomer').length
  const guests = emulator.requests('authorizeCustomer').length

  await page.reload()
  await expectSignedIn(page, ada.login)
  await expect(heading(page)).toHaveText('Shop')
  await expect(basketLink(page)).toHaveAccessibleName('Basket 1 items')
  expect(emulator.requests('authenticateCustomer')).toHaveLength(signIns)
  expect(emulator.requests('authorizeCustomer')).toHaveLength(guests)
})

test('two tabs, tokens expired at the API: exactly one refresh request, both tabs stay signed in', async ({
  page,
  context,
  demo,
  emulator,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 401 \(Unauthorized\)/)
  const refreshes = countRefreshGrants(context)
  const ada = seededShopper(demo)
  await signIn(page, ada.login, ada.password)
  // On an account page that loads no data: the account pages' code is loaded, none of their data.
  const other = await secondTab(context, ada.login, '/account/password')
  const tokenAnswers = tokenAnswersFromNow(emulator)
  const refusedCalls = () =>
    emulator
      .requests()
      .filter((entry) => entry.status === 401)
      .map((entry) => entry.operation)

  // A slow token endpoint holds the first tab's refresh while the second tab's call is refused
  // too: both tabs need a new token at the same time.
  emulator.failNext('getAccessToken', { delayMs: 2_000 })
  emulator.advanceTime((ACCESS_TOKEN_SECONDS + 1) * 1000)
  await goRoute(page, '/account/lists')
  await expect.poll(refusedCalls).toContain('getCustomerProductLists')
  await goRoute(other, '/account/profile')
  await expect.poll(refusedCalls).toContain('getCustomer')
  expect(tokenAnswers()).toEqual([]) // still held

  await expect(main(page).getByRole('heading', { name: 'Wishlist', exact: true })).toBeVisible()
  await expect(main(other).getByLabel('Last name')).toHaveValue(ada.lastName)
  await expectSignedIn(page, ada.login)
  await expectSignedIn(other, ada.login)
  expect(refreshes()).toBe(1)
  expect(tokenAnswers()).toEqual([200])
})

test('signing out in one tab signs the other out', async ({ page, context, demo }) => {
  const ada = seededShopper(demo)
  await signIn(page, ada.login, ada.password)
  const other = await secondTab(context, ada.login)
  await nav(page).getByRole('link', { name: 'Sign out' }).click()
  await expectGuest(page)
  await expectGuest(other)
})

test('a login change in one tab is followed by the other', async ({ page, context, demo }) => {
  const ada = seededShopper(demo)
  const newLogin = 'ada.king@example.com'
  await signIn(page, ada.login, ada.password)
  const other = await secondTab(context, ada.login)
  await goRoute(page, '/account/login')
  await main(page).getByLabel('New email').fill(newLogin)
  await main(page).getByLabel('Current password').fill(ada.password)
  await main(page).getByRole('button', { name: 'Change login' }).click()
  await expectSignedIn(page, newLogin)
  await expectSignedIn(other, newLogin)
})
