/**
 * Every page of the demo at a phone's width (375 px): it fits without horizontal scrolling, axe
 * finds no serious or critical violation, and a screenshot of it is kept under
 * test-results/demo-screenshots/ (git-ignored), with desktop screenshots of the key screens.
 * The pages run in small groups, so they spread over the workers.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { SCREENSHOT_DIR } from './dist.ts'
import { expect, seededShopper, test } from './fixtures.ts'
import { addToBasket, goRoute, heading, main, openRoute, signIn } from './shop.ts'

test.describe.configure({ mode: 'parallel' })

const PHONE = { width: 375, height: 812 }
const DESKTOP = { width: 1440, height: 900 }

/** A route, the `<h1>` it shows, and what to do there before checking it. */
interface Screen {
  path: string
  title: string
  /** The file name's last part (default: from the path). */
  name?: string
  prepare?: (page: Page) => Promise<void>
}

/** Screens checked in one test, as a guest or as a signed-in shopper. */
interface ScreenGroup {
  name: string
  signedIn: boolean
  /** Scan the first screen whole, developer area included (once per kind of shopper). */
  scanDevArea: boolean
  /** Put a product in the basket first (for a basket page with lines). */
  fillBasket: boolean
  screens: readonly Screen[]
}

const GROUPS: readonly ScreenGroup[] = [
  {
    name: 'guest-shopping',
    signedIn: false,
    scanDevArea: true,
    fillBasket: true,
    screens: [
      { path: '/', title: 'Shop' },
      { path: '/basket', title: 'Basket' },
      { path: '/register', title: 'Create account' },
      { path: '/login', title: 'Sign in' },
    ],
  },
  {
    name: 'guest-more',
    signedIn: false,
    scanDevArea: false,
    fillBasket: false,
    screens: [
      { path: '/forgot-password', title: 'Forgot password' },
      { path: '/reset', title: 'Choose a new password' },
      { path: '/account', title: 'Account' },
      { path: '/logout', title: 'Sign out' },
      { path: '/no-such-page', title: 'Page not found' },
    ],
  },
  {
    name: 'account',
    signedIn: true,
    scanDevArea: true,
    fillBasket: false,
    screens: [
      { path: '/account', title: 'Account' },
      { path: '/account/profile', title: 'Profile' },
      { path: '/account/addresses', title: 'Addresses' },
      {
        path: '/account/addresses',
        title: 'Addresses',
        name: 'account-addresses-new',
        prepare: (page) => main(page).getByRole('button', { name: 'Add address' }).click(),
      },
    ],
  },
  {
    name: 'account-more',
    signedIn: true,
    scanDevArea: false,
    fillBasket: true,
    screens: [
      { path: '/account/payments', title: 'Payment methods' },
      { path: '/account/lists', title: 'Wishlist and favorites' },
      { path: '/account/login', title: 'Change login' },
      { path: '/account/password', title: 'Change password' },
      { path: '/basket', title: 'Basket' },
    ],
  },
]

function fileName(group: string, screen: Screen, index: number): string {
  const route =
    screen.name ?? (screen.path === '/' ? 'shop' : screen.path.replace(/\W+/g, '-').slice(1))
  return `${SCREENSHOT_DIR}/phone-${group}-${index + 1}-${route}.png`
}

/** Signs the shopper in (or stays a guest) and, when asked, puts a product in the basket. */
async function startAs(
  page: Page,
  group: Pick<ScreenGroup, 'signedIn' | 'fillBasket'>,
  shopper: { login: string; password: string },
): Promise<void> {
  if (group.signedIn) await signIn(page, shopper.login, shopper.password)
  else await openRoute(page, '/')
  if (!group.fillBasket) return
  await goRoute(page, '/')
  await addToBasket(page, 'Wool scarf')
}

/**
 * Opens each screen and returns what is wrong: wider than the viewport, or a serious or critical
 * axe violation. Axe scans each screen's header and `<main>`, and the whole first screen of a
 * group with `scanDevArea` (the developer area below is the same on every page).
 */
async function checkScreens(page: Page, group: ScreenGroup): Promise<string[]> {
  const problems: string[] = []
  for (const [index, screen] of group.screens.entries()) {
    await goRoute(page, screen.path)
    await expect(heading(page)).toHaveText(screen.title)
    await expect(main(page).getByText(/^Loading/)).toHaveCount(0)
    await screen.prepare?.(page)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    if (width > PHONE.width) problems.push(`#${screen.path}: ${width} px wide at ${PHONE.width} px`)
    const axe = new AxeBuilder({ page })
    if (index > 0 || !group.scanDevArea) axe.include('header').include('main')
    for (const violation of (await axe.analyze()).violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
      const where = violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')
      problems.push(
        `#${screen.path}: axe ${violation.impact} ${violation.id}: ${violation.help} (${where})`,
      )
    }
    await page.screenshot({ path: fileName(group.name, screen, index) })
  }
  return problems
}

test.describe('at 375 px', () => {
  test.use({ viewport: PHONE })
  for (const group of GROUPS) {
    test(`${group.name}: each page fits without horizontal scrolling and passes axe`, async ({
      page,
      demo,
    }) => {
      await startAs(page, group, seededShopper(demo))
      expect(await checkScreens(page, group)).toEqual([])
    })
  }
})

test.describe('at desktop width', () => {
  test.use({ viewport: DESKTOP })
  test('screenshots of the key screens, the shop with the developer area and inspector', async ({
    page,
    demo,
  }) => {
    await startAs(page, { signedIn: true, fillBasket: true }, seededShopper(demo))
    await addToBasket(page, 'Linen shirt')
    await expect(
      page
        .getByRole('region', { name: 'Inspector' })
        .getByRole('img', { name: /^Statechart of session/ }),
    ).toBeVisible()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/desktop-1-shop.png`, fullPage: true })
    for (const [index, path] of ['/basket', '/account', '/account/addresses'].entries()) {
      await goRoute(page, path)
      await expect(main(page).getByText(/^Loading/)).toHaveCount(0)
      await page.screenshot({
        path: `${SCREENSHOT_DIR}/desktop-${index + 2}${path.replace(/\W+/g, '-')}.png`,
      })
    }
  })
})
