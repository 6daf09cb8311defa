/**
 * Tabs in Chromium (helpers in tabs.ts): a forced expiry costs one refresh, logins and logouts
 * spread to every tab, tabs opened at once share one guest session, and a tab that was hidden,
 * offline or asleep checks its session at once when it comes back. The emulator answers a reused
 * refresh token with 400 here; tabs-strict.spec.ts repeats the expiry tests with `revokeFamily`.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import {
  authenticated,
  clocks,
  EXPIRY,
  expectOneRefresh,
  forcedExpiryTests,
  MINUTE,
  NO_WAKE,
  openTabs,
  registered,
  registeredTabs,
  shopper,
  snapshotCounts,
  start,
  state,
  waitForTabs,
} from './tabs.ts'

// Independent tests (own context, emulator reset): spread over the workers.
test.describe.configure({ mode: 'parallel' })

test.describe('forced expiry (reused refresh token: 400)', () => {
  forcedExpiryTests()
})

test('5 tabs opened at once on the fallbacks (opt-in lease lock, storage events): 1 guest session', async ({
  context,
  emulator,
}) => {
  const pages = await openTabs(context, 5)
  await Promise.all(pages.map((page) => start(page, { fallback: true })))
  const tabs = await waitForTabs(pages, authenticated)
  expect(emulator.requests('authorizeCustomer')).toHaveLength(1)
  expect(new Set(tabs.map((tab) => tab.refreshTokenTag)).size).toBe(1)
})

test('5 tabs opened at once start exactly 1 guest session', async ({ context, emulator }) => {
  const pages = await openTabs(context, 5)
  await Promise.all(pages.map((page) => start(page)))
  const tabs = await waitForTabs(pages, authenticated)
  expect(emulator.requests('authorizeCustomer')).toHaveLength(1)
  expect(emulator.requests('getAccessToken')).toHaveLength(1)
  expect(tabs.every((tab) => tab.customerType === 'guest')).toBe(true)
  expect(new Set(tabs.map((tab) => tab.refreshTokenTag)).size).toBe(1)
})

test('login in one tab: the others become registered without a request', async ({
  context,
  emulator,
  server,
}) => {
  const ada = shopper(server.emulator)
  const pages = await openTabs(context, 3)
  for (const page of pages) await start(page)
  await waitForTabs(pages, authenticated)
  const before = emulator.requests().length
  await pages[1]?.evaluate(([user, password]) => window.e2eTabs?.login(user, password), [
    ada.login,
    ada.password,
  ] as const)
  const tabs = await waitForTabs(pages, registered)
  expect(tabs.map((tab) => tab.loginId)).toEqual([ada.login, ada.login, ada.login])
  expect(new Set(tabs.map((tab) => tab.refreshTokenTag)).size).toBe(1)
  // The login itself (and its basket transfer) only: the other tabs read storage.
  const operations = emulator
    .requests()
    .slice(before)
    .map((entry) => entry.operation)
  expect(operations.filter((op) => op === 'authenticateCustomer')).toHaveLength(1)
  expect(operations.filter((op) => op === 'getAccessToken')).toHaveLength(1)
  expect(operations).not.toContain('authorizeCustomer')
})

test('logout in one tab: the others follow into the same new guest session', async ({
  context,
  emulator,
  server,
}) => {
  const pages = await registeredTabs(context, 3, shopper(server.emulator))
  const registeredTag = (await state(pages[0] as Page)).refreshTokenTag
  const guestsBefore = emulator.requests('authorizeCustomer').length
  await pages[2]?.evaluate(() => window.e2eTabs?.logout())
  const tabs = await waitForTabs(
    pages,
    (tab) => authenticated(tab) && tab.customerType === 'guest' && !tab.tags.includes('registered'),
  )
  const tags = new Set(tabs.map((tab) => tab.refreshTokenTag))
  expect(tags.size).toBe(1)
  expect(tags.has(registeredTag)).toBe(false)
  expect(emulator.requests('logoutCustomer')).toHaveLength(1)
  expect(emulator.requests('authorizeCustomer').length - guestsBefore).toBe(1)
})

test('a tab shown again, restored from the bfcache or focused after expiry refreshes at once', async ({
  context,
  emulator,
  server,
}) => {
  await context.clock.install()
  const [page] = await registeredTabs(context, 1, shopper(server.emulator), NO_WAKE)
  if (page === undefined) throw new Error('no tab')
  const time = clocks(context, emulator)
  const signals = [
    () => page.evaluate(() => window.e2eTabs?.setVisibility('visible')),
    () => page.evaluate(() => window.e2eTabs?.pageshowFromBfcache()),
    () => page.evaluate(() => window.e2eTabs?.focus()),
  ]
  for (const signal of signals) {
    await page.evaluate(() => window.e2eTabs?.setVisibility('hidden'))
    const before = snapshotCounts(emulator, await state(page))
    // Hidden while the machine slept: no timer fired.
    await time.sleep(EXPIRY)
    await page.waitForTimeout(200)
    expect(emulator.requests('getAccessToken').length).toBe(before.refreshes)
    await signal()
    await expectOneRefresh([page], emulator, before)
  }
})

test('offline when the refresh was due: stale but registered, refreshed at once when online', async ({
  context,
  emulator,
  server,
}) => {
  await context.clock.install()
  // A first retry 10 minutes away: only the `online` event can bring the refresh sooner.
  const options = { ...NO_WAKE, retryBaseDelayMs: 10 * MINUTE }
  const [page] = await registeredTabs(context, 1, shopper(server.emulator), options)
  if (page === undefined) throw new Error('no tab')
  const before = snapshotCounts(emulator, await state(page))
  await context.setOffline(true)
  await clocks(context, emulator).fastForward(EXPIRY)
  await expect
    .poll(async () => (await state(page)).events, { timeout: 5_000 })
    .toContain('token.refreshFailed')
  const offline = await state(page)
  expect(offline.tags).toContain('registered')
  expect(offline.tags).not.toContain('tokenValid')
  expect(emulator.requests('getAccessToken').length).toBe(before.refreshes)
  await context.setOffline(false)
  await expectOneRefresh([page], emulator, before)
})

test.describe('wake from sleep', () => {
  const cases = [
    [true, 'the wake detector refreshes on its first tick after the machine slept'],
    [false, 'without the wake detector, that tick refreshes nothing (control)'],
  ] as const
  for (const [detector, title] of cases) {
    test(title, async ({ context, emulator, server }) => {
      await context.clock.install()
      const options = detector ? {} : NO_WAKE
      const [page] = await registeredTabs(context, 1, shopper(server.emulator), options)
      if (page === undefined) throw new Error('no tab')
      const before = snapshotCounts(emulator, await state(page))
      await clocks(context, emulator).sleep(EXPIRY)
      expect(emulator.requests('getAccessToken').length).toBe(before.refreshes)
      // Awake again: the next 30 s of timers run (the detector ticks once).
      await context.clock.runFor(30_000)
      if (detector) {
        await expectOneRefresh([page], emulator, before)
      } else {
        await page.waitForTimeout(500)
        expect(emulator.requests('getAccessToken').length).toBe(before.refreshes)
      }
    })
  }
})
