/**
 * What the journeys do on the demo page, by the names a shopper sees (roles, labels, headings):
 * open it, sign in, register, pull a lever of the control strip, read the header's status.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test'
import type { EmulatorControl } from '../../../src/emulator/index.ts'
import { expect } from './fixtures.ts'

/** Opens `path` (a hash route: `/`, `/login`, `/account/addresses`) and waits for the session. */
export async function openRoute(page: Page, path = '/'): Promise<void> {
  await page.goto(`/#${path}`)
  await expect(shopperStatus(page)).not.toHaveText('Connecting…')
}

/** Goes to `path` in the page already open (a hash change, as a link does). */
export async function goRoute(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash
  }, `#${path}`)
}

/** The header's line: "Shopping as a guest", "Signed in as …". */
export function shopperStatus(page: Page): Locator {
  return page.locator('.shopper-status')
}

/** The main navigation. */
export function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' })
}

/** The page's `<main>`: its forms and content, without the header and the developer area. */
export function main(page: Page): Locator {
  return page.getByRole('main')
}

/** The page's `<h1>`. */
export function heading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 })
}

/** Waits until the header says `login` is signed in. */
export async function expectSignedIn(page: Page, login: string): Promise<void> {
  await expect(shopperStatus(page)).toHaveText(`Signed in as ${login}`)
  await expect(nav(page).getByRole('link', { name: 'Account' })).toBeVisible()
}

/** Waits until the header says the shopper is a guest. */
export async function expectGuest(page: Page): Promise<void> {
  await expect(shopperStatus(page)).toHaveText('Shopping as a guest')
  await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible()
}

/** Signs in on `#/login` with `login` and `password`, and waits for the account page. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await openRoute(page, '/login')
  const form = main(page)
  await form.getByLabel('Email').fill(login)
  await form.getByLabel('Password', { exact: true }).fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await expectSignedIn(page, login)
  await expect(heading(page)).toHaveText('Account')
}

/** Signs `shopper` in, then opens the shop page: where the levers' journeys start. */
export async function signInAtShop(
  page: Page,
  shopper: { login: string; password: string },
): Promise<void> {
  await signIn(page, shopper.login, shopper.password)
  await goRoute(page, '/')
  await expect(heading(page)).toHaveText('Shop')
}

/**
 * SLAS refuses a second login of one shopper within a second (409 `conflict`), and a test signs
 * in again faster than a person does: it moves the emulator's clock past that second instead of
 * waiting for it (tokens live for minutes, so nothing else notices).
 */
export function passLoginConflictWindow(emulator: EmulatorControl): void {
  emulator.advanceTime(1_000)
}

/** Adds the product named `name` to the basket on the shop page and waits until it is in. */
export async function addToBasket(page: Page, name: string): Promise<void> {
  const card = page.getByRole('article', { name })
  await card.getByRole('button', { name: 'Add to basket' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `${name} is in your basket.` }),
  ).toBeVisible()
}

/** The basket's count in the nav ("Basket 2 items"). */
export function basketLink(page: Page): Locator {
  return nav(page).getByRole('link', { name: /^Basket/ })
}

/** A button of the control strip ("Expire tokens now", "Go offline", …). */
export function control(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Emulator controls' }).getByRole('button', { name })
}

/** The developer area's token panel (countdown and refresh log). */
export function tokenPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Token' })
}

/** The token panel's refresh log. */
export function refreshLog(page: Page): Locator {
  return tokenPanel(page).getByRole('list', { name: 'Refresh log' })
}

/**
 * The statuses of the token requests (`getAccessToken`) the emulator answers from now on, as a
 * function to call when the test is done.
 */
export function tokenAnswersFromNow(emulator: EmulatorControl): () => number[] {
  const before = emulator.requests('getAccessToken').length
  return () =>
    emulator
      .requests('getAccessToken')
      .slice(before)
      .map((entry) => entry.status)
}

/**
 * Counts the refresh-token grants the pages of `context` send (`POST …/oauth2/token` with
 * `grant_type=refresh_token`). Only the grant type is read from the body, never a token.
 */
export function countRefreshGrants(context: BrowserContext): () => number {
  let count = 0
  context.on('request', (request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/oauth2/token')) {
      return
    }
    if (new URLSearchParams(request.postData() ?? '').get('grant_type') === 'refresh_token') count++
  })
  return () => count
}
