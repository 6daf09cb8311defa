/**
 * The developer area at the foot of every page: the token countdown and refresh log, the live
 * inspector, and the control strip's levers, each a failure a real shop meets, which the session
 * rides out while the shopper carries on.
 */
import { expect, seededShopper, test } from './fixtures.ts'
import {
  addToBasket,
  control,
  countRefreshGrants,
  expectGuest,
  expectSignedIn,
  goRoute,
  heading,
  main,
  openRoute,
  passLoginConflictWindow,
  refreshLog,
  signIn,
  signInAtShop,
  tokenAnswersFromNow,
  tokenPanel,
} from './shop.ts'

test.describe.configure({ mode: 'parallel' })

// Chromium logs each refused call (the expired token's 401, an injected failure) as a failed
// resource; the levers below cause those on purpose.
const REFUSED_TOKEN = /status of 401 \(Unauthorized\)/

test('the token countdown runs and the inspector draws every machine, the session lit where it is', async ({
  page,
  demo,
}) => {
  const ada = seededShopper(demo)
  await signIn(page, ada.login, ada.password)
  const expiresIn = tokenPanel(page).locator('dd.countdown').first()
  await expect(expiresIn).toHaveText(/^[0-2]:\d\d$/)
  const first = await expiresIn.textContent()
  await expect(expiresIn).not.toHaveText(first ?? '')
  await expect(tokenPanel(page)).toContainText(`registered (${ada.login})`)
  await expect(refreshLog(page)).toContainText('Session started (registered)')

  const inspector = page.getByRole('region', { name: 'Inspector' })
  // One panel per machine the page runs (the session, its token refresh child, the account flows).
  const machines = inspector.locator(':scope > details > summary')
  await expect(machines.first()).toHaveText('Session')
  expect(await machines.allTextContents()).toEqual(
    expect.arrayContaining([
      'Session',
      'Password reset',
      'Login (email) change',
      'Password change',
    ]),
  )
  await expect(
    inspector.getByRole('img', { name: /^Statechart of session Active: session\.registered/ }),
  ).toBeVisible()
  // A closed machine's panel is drawn when opened, once its flow runs.
  await inspector.locator('summary', { hasText: 'Password reset' }).click()
  await goRoute(page, '/forgot-password')
  await expect(inspector.getByRole('img', { name: /^Statechart of passwordReset/ })).toBeVisible()
})

test('"Expire tokens now": the next call refreshes once, the shopper does not notice', async ({
  page,
  context,
  demo,
  emulator,
  consoleErrors,
}) => {
  consoleErrors.allow(REFUSED_TOKEN)
  const refreshes = countRefreshGrants(context)
  const ada = seededShopper(demo)
  await signInAtShop(page, ada)
  const tokenAnswers = tokenAnswersFromNow(emulator)
  await control(page, 'Expire tokens now').click()
  await expect(
    page.getByRole('region', { name: 'Emulator controls' }).getByRole('status'),
  ).toContainText('The API now refuses the current access token')
  await addToBasket(page, 'Canvas tote')
  await expect(refreshLog(page).getByRole('listitem').first()).toContainText('Token refreshed')
  await expectSignedIn(page, ada.login)
  expect(refreshes()).toBe(1)
  expect(tokenAnswers()).toEqual([200])
})

test('"Fail next refresh": the refresh fails once, the session backs off and retries, the basket call goes through', async ({
  page,
  demo,
  emulator,
  consoleErrors,
}) => {
  consoleErrors.allow(REFUSED_TOKEN)
  consoleErrors.allow(/status of 503 \(Service Unavailable\).*\/oauth2\/token/)
  const ada = seededShopper(demo)
  await signInAtShop(page, ada)
  const tokenAnswers = tokenAnswersFromNow(emulator)
  await control(page, 'Fail next refresh').click()
  await control(page, 'Expire tokens now').click()
  await addToBasket(page, 'Knit beanie')
  await expect(refreshLog(page)).toContainText('Refresh failed (server_error); retrying')
  await expect(refreshLog(page).getByRole('listitem').first()).toContainText('Token refreshed')
  await expectSignedIn(page, ada.login)
  expect(tokenAnswers()).toEqual([503, 200])
})

test('"Lose next rotated token": the session says the shopper must sign in again, and signing in works', async ({
  page,
  demo,
  emulator,
  consoleErrors,
}) => {
  consoleErrors.allow(REFUSED_TOKEN)
  // The lost answer (a dropped connection), then the spent token refused.
  consoleErrors.allow(/net::ERR_EMPTY_RESPONSE|status of 400 \(Bad Request\).*\/oauth2\/token/)
  const ada = seededShopper(demo)
  await signInAtShop(page, ada)
  await control(page, 'Lose next rotated token').click()
  await control(page, 'Expire tokens now').click()
  await expect(refreshLog(page)).toContainText(
    'Signed out: Your session has ended. Please sign in again. (invalid_grant)',
  )
  await expectGuest(page)
  // Never in silence: the page says so, with the code for developers.
  const signedOut = main(page).getByRole('status').filter({ hasText: 'You were signed out' })
  await expect(signedOut).toContainText('invalid_grant')
  await expect(signedOut.getByRole('link', { name: 'Sign in again' })).toBeVisible()
  // Shopping goes on as a guest; the sign-in page says why.
  await addToBasket(page, 'Stoneware mug')
  await openRoute(page, '/login')
  await expect(main(page)).toContainText('Your session ended')
  passLoginConflictWindow(emulator)
  await signIn(page, ada.login, ada.password)
})

test('"Rate limit": the refresh answers 429, the session waits Retry-After, then refreshes', async ({
  page,
  context,
  demo,
  emulator,
  consoleErrors,
}) => {
  consoleErrors.allow(REFUSED_TOKEN)
  consoleErrors.allow(/status of 429 \(Too Many Requests\).*\/oauth2\/token/)
  // The page's clock is Playwright's, so the test skips the 5-second wait instead of sleeping.
  await context.clock.install()
  const ada = seededShopper(demo)
  await signInAtShop(page, ada)
  const tokenAnswers = tokenAnswersFromNow(emulator)
  await control(page, 'Rate limit').click()
  await control(page, 'Expire tokens now').click()
  await expect(refreshLog(page)).toContainText('Refresh failed (rate_limited); retrying')
  await page.clock.fastForward(5_000)
  await expect(refreshLog(page).getByRole('listitem').first()).toContainText('Token refreshed')
  await addToBasket(page, 'Trail shoe')
  await expectSignedIn(page, ada.login)
  expect(tokenAnswers()).toEqual([429, 200])
  await expect(heading(page)).toHaveText('Shop')
})
