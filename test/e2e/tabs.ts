/**
 * Helpers of the tabs specs (tabs.spec.ts, tabs-strict.spec.ts): pages of one context share
 * localStorage, Web Locks and BroadcastChannels as tabs of one profile do, and each runs the
 * browser entry's `createShopperSession` (pages/tabs.ts) against the emulator. The page clock is
 * Playwright's (`context.clock`), moved together with the emulator's: `setSystemTime` moves the
 * wall clock without firing timers (a sleeping machine, a throttled tab), `fastForward` fires the
 * timers that came due.
 */
import type { BrowserContext, Page } from '@playwright/test'
import type { EmulatorControl } from '../../src/emulator/index.ts'
import { expect, test } from './fixtures.ts'
import type { TabState, TabsStartOptions } from './pages/api.ts'

export const MINUTE = 60_000
/** Past the access token's 30 minutes. */
export const EXPIRY = 31 * MINUTE
/** Keeps the wake detector out of tests of other signals. */
export const NO_WAKE = { wakeIntervalMs: 60 * MINUTE }

export async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto('/e2e/tabs.html')
  await page.waitForFunction(() => window.e2eTabs !== undefined)
  return page
}

/** Opens `count` tabs at once. */
export const openTabs = (context: BrowserContext, count: number) =>
  Promise.all(Array.from({ length: count }, () => openTab(context)))

export const start = async (page: Page, options: TabsStartOptions = {}) =>
  (await page.evaluate((o) => window.e2eTabs?.start(o), options)) as TabState

export const state = async (page: Page) =>
  (await page.evaluate(() => window.e2eTabs?.state())) as TabState

const states = (pages: Page[]) => Promise.all(pages.map(state))

const settled = (tab: TabState) => !tab.tags.includes('busy')

/** Waits until every tab satisfies `ready` and no tab is busy; returns their states. */
export async function waitForTabs(
  pages: Page[],
  ready: (tab: TabState) => boolean,
): Promise<TabState[]> {
  let last: TabState[] = []
  await expect
    .poll(
      async () => {
        last = await states(pages)
        return last.every((tab) => ready(tab) && settled(tab))
      },
      { timeout: 10_000, intervals: [50] },
    )
    .toBe(true)
  return last
}

export const authenticated = (tab: TabState) => tab.tags.includes('tokenValid')
export const registered = (tab: TabState) => tab.tags.includes('registered') && authenticated(tab)

export function shopper(emulator: {
  settings: { shoppers: readonly { login: string; password: string }[] }
}) {
  const ada = emulator.settings.shoppers[0]
  if (ada === undefined) throw new Error('the emulator has no seeded shopper')
  return ada
}

/** The page wall clock and the emulator clock, moved together. */
export function clocks(context: BrowserContext, emulator: EmulatorControl) {
  let skew = 0
  return {
    /** The machine slept `ms`: wall clocks jump, no page timer fires. */
    async sleep(ms: number) {
      skew += ms
      emulator.advanceTime(ms)
      await context.clock.setSystemTime(Date.now() + skew)
    },
    /** `ms` pass at once and every page timer that came due fires. */
    async fastForward(ms: number) {
      skew += ms
      emulator.advanceTime(ms)
      await context.clock.fastForward(ms)
    },
  }
}

/** Tabs with one registered shopper: the first logs in, the others restore from storage. */
export async function registeredTabs(
  context: BrowserContext,
  count: number,
  login: { login: string; password: string },
  options: TabsStartOptions = {},
) {
  const pages = await openTabs(context, count)
  const [first, ...others] = pages
  if (first === undefined) throw new Error('no tabs')
  await start(first, options)
  await first.evaluate(([user, password]) => window.e2eTabs?.login(user, password), [
    login.login,
    login.password,
  ] as const)
  for (const page of others) await start(page, options)
  const tabs = await waitForTabs(pages, registered)
  expect(new Set(tabs.map((tab) => tab.refreshTokenTag)).size).toBe(1)
  return pages
}

/** After a forced expiry: one refresh, every tab registered on the same new token, none logged out. */
export async function expectOneRefresh(
  pages: Page[],
  emulator: EmulatorControl,
  before: { refreshes: number; guests: number; tag: string | undefined },
) {
  const tabs = await waitForTabs(pages, registered)
  expect(emulator.requests('getAccessToken').length - before.refreshes).toBe(1)
  expect(emulator.requests('authorizeCustomer').length).toBe(before.guests)
  const tags = new Set(tabs.map((tab) => tab.refreshTokenTag))
  expect(tags.size).toBe(1)
  expect(tags.has(before.tag)).toBe(false)
  for (const tab of tabs) expect(tab.events).not.toContain('session.reauthRequired')
}

/**
 * How long the emulator takes over each refresh of the forced-expiry tests. In process it answers
 * in a few milliseconds, so one tab's new tokens could be stored before the next tab looked, and
 * a test could pass with the cross-tab lock removed (that tab adopted what the other stored).
 * With a network round trip's worth of latency, every tab that does not wait for the lock sends
 * its own refresh: without the lock (Web Locks, or the lease of the fallback test) these tests
 * fail every time.
 */
export const REFRESH_LATENCY_MS = 300

/** The next `count` refresh requests (one per tab) are answered after {@link REFRESH_LATENCY_MS}. */
export function slowRefreshes(emulator: EmulatorControl, count: number): void {
  emulator.failNext('getAccessToken', { delayMs: REFRESH_LATENCY_MS, count })
}

export function snapshotCounts(emulator: EmulatorControl, tab: TabState | undefined) {
  return {
    refreshes: emulator.requests('getAccessToken').length,
    guests: emulator.requests('authorizeCustomer').length,
    tag: tab?.refreshTokenTag,
  }
}

/**
 * Registers the forced-expiry tests in the calling spec file (whose emulator sets the refresh
 * token reuse mode): 2 and 5 tabs that each call check(); with `more`, also 5 tabs whose timers
 * fire together and 5 tabs on the fallbacks (the opt-in lease lock, storage events).
 */
export function forcedExpiryTests(more = false): void {
  for (const count of [2, 5]) {
    test(`${count} tabs each call check() after a forced expiry: exactly 1 refresh request, no tab logged out`, async ({
      context,
      emulator,
      server,
    }) => {
      await context.clock.install()
      const pages = await registeredTabs(context, count, shopper(server.emulator), NO_WAKE)
      const before = snapshotCounts(emulator, await state(pages[0] as Page))
      slowRefreshes(emulator, count)
      await clocks(context, emulator).sleep(EXPIRY)
      await Promise.all(pages.map((page) => page.evaluate(() => window.e2eTabs?.check())))
      await expectOneRefresh(pages, emulator, before)
    })
  }

  if (!more) return

  test('5 tabs whose refresh timers fire at once: exactly 1 refresh request', async ({
    context,
    emulator,
    server,
  }) => {
    await context.clock.install()
    const pages = await registeredTabs(context, 5, shopper(server.emulator), NO_WAKE)
    const before = snapshotCounts(emulator, await state(pages[0] as Page))
    slowRefreshes(emulator, 5)
    await clocks(context, emulator).fastForward(EXPIRY)
    await expectOneRefresh(pages, emulator, before)
  })

  test('5 tabs without Web Locks and BroadcastChannel (opt-in lease lock, storage events): exactly 1 refresh request', async ({
    context,
    emulator,
    server,
  }) => {
    await context.clock.install()
    const options = { ...NO_WAKE, fallback: true }
    const pages = await registeredTabs(context, 5, shopper(server.emulator), options)
    const before = snapshotCounts(emulator, await state(pages[0] as Page))
    slowRefreshes(emulator, 5)
    await clocks(context, emulator).sleep(EXPIRY)
    await Promise.all(pages.map((page) => page.evaluate(() => window.e2eTabs?.check())))
    await expectOneRefresh(pages, emulator, before)
  })
}
