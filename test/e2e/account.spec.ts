/**
 * The account flows in Chromium (pages/account.ts): a password reset through the page origin's
 * reset endpoint, the link opened in a new tab, and a loginId change that a second tab follows.
 * Tabs of one context share localStorage, Web Locks and BroadcastChannels.
 */
import type { BrowserContext, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import type { AccountPageState, FlowState } from './pages/account.ts'
import type { TestServer } from './server.ts'

test.describe.configure({ mode: 'parallel' })

const NEW_PASSWORD = 'Br0wser-Res3t!'
const NEW_LOGIN = 'ada.lovelace@example.com'

async function openAccountTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto('/e2e/account.html')
  await page.waitForFunction(() => window.e2eAccount !== undefined)
  await page.evaluate(() => window.e2eAccount?.start())
  return page
}

const state = async (page: Page) =>
  (await page.evaluate(() => window.e2eAccount?.state())) as AccountPageState

/** Polls `page` until its session satisfies `ready` and is not busy. */
async function until(page: Page, ready: (tab: AccountPageState) => boolean) {
  let last: AccountPageState | undefined
  await expect
    .poll(
      async () => {
        last = await state(page)
        return ready(last) && !last.tags.includes('busy')
      },
      { timeout: 10_000, intervals: [50] },
    )
    .toBe(true)
  return last as AccountPageState
}

function seeded(server: TestServer) {
  const ada = server.emulator.settings.shoppers[0]
  if (ada === undefined) throw new Error('no seeded shopper')
  return ada
}

test('password reset: request, the mailed link in a new tab, new password → registered everywhere', async ({
  context,
  emulator,
  server,
}) => {
  const ada = seeded(server)
  const first = await openAccountTab(context)
  const requested = (await first.evaluate(
    (login) => window.e2eAccount?.requestReset(login),
    ada.login,
  )) as FlowState
  expect(requested.tags).toContain('tokenSent')
  expect(emulator.requests('getResetPasswordToken')).toHaveLength(1)

  // The "e-mail": the test reads the token the server had delivered.
  const mail = emulator.outbox().filter((entry) => entry.login === ada.login).pop()
  if (mail === undefined) throw new Error('no reset mail')
  const link = await openAccountTab(context)
  const opened = (await link.evaluate(
    ([login, token]) => window.e2eAccount?.openResetLink(login, token),
    [ada.login, mail.resetToken] as const,
  )) as FlowState
  expect(opened.tags).toContain('passwordForm')

  const weak = (await link.evaluate(
    (pw) => window.e2eAccount?.submitNewPassword(pw),
    'tiny',
  )) as FlowState
  expect(weak.error).toBe('weak_password')
  expect(weak.tags).toContain('passwordForm')
  const done = (await link.evaluate(
    (pw) => window.e2eAccount?.submitNewPassword(pw),
    NEW_PASSWORD,
  )) as FlowState
  expect(done.tags).toContain('done')
  expect(done.output?.loggedIn).toBe(true)

  const linkTab = await until(link, (tab) => tab.tags.includes('registered'))
  expect(linkTab.loginId).toBe(ada.login)
  // The first tab adopts the new session from storage.
  const firstTab = await until(first, (tab) => tab.tags.includes('registered'))
  expect(firstTab.refreshTokenTag).toBe(linkTab.refreshTokenTag)
  expect(emulator.requests('resetPassword')).toHaveLength(2) // the weak one, then the good one
})

test('loginId change: PATCH, re-login with the new login; the second tab follows', async ({
  context,
  emulator,
  server,
}) => {
  const ada = seeded(server)
  const [one, two] = [await openAccountTab(context), await openAccountTab(context)]
  if (one === undefined || two === undefined) throw new Error('no tabs')
  await one.evaluate(
    ([user, pw]) => window.e2eAccount?.login(user, pw),
    [ada.login, ada.password] as const,
  )
  const before = await until(two, (tab) => tab.tags.includes('registered'))

  const wrong = (await one.evaluate(
    ([login, pw]) => window.e2eAccount?.changeLoginId(login, pw),
    [NEW_LOGIN, 'Wr0ng-Passw0rd!'] as const,
  )) as FlowState
  expect(wrong.error).toBe('invalid_current_password')
  expect(wrong.tags).toContain('form')

  const done = (await one.evaluate(
    ([login, pw]) => window.e2eAccount?.changeLoginId(login, pw),
    [NEW_LOGIN, ada.password] as const,
  )) as FlowState
  expect(done.tags).toContain('done')
  expect(done.output?.reauthRequired).toBe(false)
  expect(emulator.requests('updateCustomer')).toHaveLength(2)
  expect(emulator.requests('logoutCustomer')).toHaveLength(0)

  const oneAfter = await until(one, (tab) => tab.loginId === NEW_LOGIN)
  const twoAfter = await until(two, (tab) => tab.loginId === NEW_LOGIN)
  expect(oneAfter.tags).toContain('registered')
  expect(twoAfter.tags).toContain('registered')
  expect(twoAfter.refreshTokenTag).toBe(oneAfter.refreshTokenTag)
  expect(twoAfter.refreshTokenTag).not.toBe(before.refreshTokenTag)
})
