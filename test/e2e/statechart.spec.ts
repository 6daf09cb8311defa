/**
 * The statechart view in Chromium (pages/statechart.ts): the session's machine laid out by elkjs
 * in the page, `guest` lit after the guest sign-in, `registered` lit and the last transition
 * marked after a login; selecting an earlier log entry (by mouse, then by keyboard) lights
 * `guest` again, and "Live" follows the session once more. The page never shows a token.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const TRANSFER = 'session.registered.activity.transferringBasket'
const IDLE = 'session.registered.activity.idle'

const state = (page: Page, id: string) => page.locator(`[data-state-id="${id}"]`)

test('the statechart view lights registered after a login, and travels back to guest', async ({
  page,
  server,
  // Resets the emulator first: an earlier spec in this worker may have changed Ada's password.
  emulator: _reset,
}) => {
  const ada = server.emulator.settings.shoppers[0]
  if (ada === undefined) throw new Error('the emulator has no seeded shopper')
  await page.goto('/e2e/statechart.html')
  await page.waitForFunction(() => window.e2eStatechart !== undefined)
  expect(await page.evaluate(() => window.e2eStatechart?.start())).toContain('guest')
  await expect(page.getByRole('img', { name: /Statechart of session/ })).toBeVisible()
  await expect(state(page, 'session.guest')).toHaveAttribute('data-active', '')

  const tags = await page.evaluate(
    ([login, password]) => window.e2eStatechart?.login(login, password),
    [ada.login, ada.password] as const,
  )
  expect(tags).toContain('registered')
  await expect(state(page, 'session.registered')).toHaveAttribute('data-active', '')
  await expect(state(page, 'session.guest')).not.toHaveAttribute('data-active')
  const last = page.locator('.ssv-edge[data-last]')
  await expect(last).toHaveCount(1)
  await expect(last).toHaveAttribute('data-source', TRANSFER)
  await expect(last).toHaveAttribute('data-target', IDLE)
  await expect(state(page, IDLE)).toHaveAttribute('data-last', 'target')

  // An earlier entry: the guest session had just started.
  const signedIn = page.locator(
    '.ssv-log button[data-event="xstate.done.actor.authorizeCustomer"][data-actor="session"]',
  )
  await signedIn.click()
  await expect(signedIn).toHaveAttribute('aria-pressed', 'true')
  await expect(state(page, 'session.guest')).toHaveAttribute('data-active', '')
  await expect(state(page, 'session.registered')).not.toHaveAttribute('data-active')
  const live = page.getByRole('button', { name: 'Live' })
  await expect(live).toHaveAttribute('aria-pressed', 'false')

  await live.click()
  await expect(state(page, 'session.registered')).toHaveAttribute('data-active', '')
  await expect(live).toHaveAttribute('aria-pressed', 'true')

  // The keyboard: focus the login's entry, step back one (the guest, idle, before the login).
  const login = page.locator('.ssv-log button[data-event="login"]')
  await login.focus()
  await page.keyboard.press('ArrowUp')
  await expect(login).toHaveAttribute('aria-pressed', 'false')
  await expect(page.locator('.ssv-log button[aria-pressed="true"]')).toBeFocused()
  await expect(state(page, 'session.guest')).toHaveAttribute('data-active', '')
  await page.keyboard.press('Enter')
  await expect(state(page, 'session.registered')).not.toHaveAttribute('data-active')

  expect(await page.evaluate(() => window.e2eStatechart?.showsTokens())).toBe(false)
})
