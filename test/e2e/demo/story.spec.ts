/**
 * The whole story of the demo storefront, as a shopper lives it: a guest basket kept through
 * registration, sign out and in, the account pages, a forgotten password, a new login and a new
 * password. Split into tests that each start from a fresh emulator, so they spread over workers.
 */
import { expect, seededShopper, test } from './fixtures.ts'
import {
  addToBasket,
  basketLink,
  expectGuest,
  expectSignedIn,
  goRoute,
  heading,
  main,
  nav,
  openRoute,
  passLoginConflictWindow,
  signIn,
} from './shop.ts'

test.describe.configure({ mode: 'parallel' })

const NEW_SHOPPER = {
  firstName: 'Katherine',
  lastName: 'Johnson',
  login: 'katherine@example.com',
  password: 'Orbit-1962-Friendship7!',
}

test('a guest fills a basket, registers (the basket is kept), signs out and signs in again', async ({
  page,
  emulator,
  consoleErrors,
}) => {
  consoleErrors.secret(NEW_SHOPPER.password)
  await openRoute(page, '/')
  await expectGuest(page)
  await expect(heading(page)).toHaveText('Shop')
  await addToBasket(page, 'Linen shirt')
  await addToBasket(page, 'Wool scarf')
  await expect(basketLink(page)).toHaveAccessibleName('Basket 2 items')

  await nav(page).getByRole('link', { name: 'Create account' }).click()
  await expect(heading(page)).toHaveText('Create account')
  // The page shows what the guest added: it comes along.
  await expect(page.getByRole('table', { name: '2 items you added as a guest' })).toBeVisible()
  const form = main(page)
  await form.getByLabel('First name').fill(NEW_SHOPPER.firstName)
  await form.getByLabel('Last name').fill(NEW_SHOPPER.lastName)
  await form.getByLabel('Email').fill(NEW_SHOPPER.login)
  await form.getByLabel('Password', { exact: true }).fill(NEW_SHOPPER.password)
  await form.getByRole('button', { name: 'Create account' }).click()

  await expectSignedIn(page, NEW_SHOPPER.login)
  await expect(heading(page)).toHaveText('Basket')
  const basket = page.getByRole('table', { name: "What's in your basket" })
  await expect(basket.getByRole('rowheader', { name: 'Linen shirt' })).toBeVisible()
  await expect(basket.getByRole('rowheader', { name: 'Wool scarf' })).toBeVisible()
  await expect(basketLink(page)).toHaveAccessibleName('Basket 2 items')
  expect(emulator.requests('registerCustomer').map((entry) => entry.status)).toEqual([200])

  await nav(page).getByRole('link', { name: 'Sign out' }).click()
  await expect(heading(page)).toHaveText('Sign out')
  await expect(page.getByText("You're signed out.")).toBeVisible()
  await expectGuest(page)
  await expect(basketLink(page)).toHaveAccessibleName('Basket 0 items')

  passLoginConflictWindow(emulator)
  await signIn(page, NEW_SHOPPER.login, NEW_SHOPPER.password)
  // The registered shopper's basket is theirs again.
  await expect(basketLink(page)).toHaveAccessibleName('Basket 2 items')
})

test('a wrong password is told in shopper words, with its code for developers', async ({
  page,
  demo,
  consoleErrors,
}) => {
  // Chromium logs the refused login (401) as a failed resource: that one is expected.
  consoleErrors.allow(/status of 401 \(Unauthorized\).*\/oauth2\/login/)
  const ada = seededShopper(demo)
  await openRoute(page, '/login')
  const form = main(page)
  await form.getByLabel('Email').fill(ada.login)
  await form.getByLabel('Password', { exact: true }).fill('Not-her-password-1')
  await form.getByRole('button', { name: 'Sign in' }).click()
  const alert = form.getByRole('alert')
  await expect(alert).toContainText("That email and password don't match.")
  await expect(alert.getByRole('code')).toHaveText('invalid_credentials')
  await expectGuest(page)
})

test('account: profile edit, an address added, edited and deleted, a card added and deleted, wishlist and favorites', async ({
  page,
  demo,
}) => {
  const ada = seededShopper(demo)
  await signIn(page, ada.login, ada.password)
  const content = main(page)
  const news = content.getByRole('status')
  const openSection = async (name: string) => {
    await goRoute(page, '/account')
    await expect(heading(page)).toHaveText('Account')
    await content
      .getByRole('navigation', { name: 'Account pages' })
      .getByRole('link', { name: new RegExp(`^${name}`) })
      .click()
    await expect(heading(page)).toHaveText(name)
  }

  // Profile.
  await openSection('Profile')
  await content.getByLabel('First name').fill('Augusta Ada')
  await content.getByLabel('Phone').fill('+44 20 7946 0958')
  await content.getByRole('button', { name: 'Save profile' }).click()
  await expect(news).toHaveText('Profile saved.')
  await goRoute(page, '/account')
  await expect(content.getByText(`Signed in as ${ada.login} (Augusta Ada Lovelace)`)).toBeVisible()

  // Addresses: add, edit, delete.
  await openSection('Addresses')
  await expect(content.getByText('You have no saved addresses yet.')).toBeVisible()
  await content.getByRole('button', { name: 'Add address' }).click()
  await content.getByLabel('Address name').fill('Home')
  await content.getByLabel('Last name').fill('Lovelace')
  await content.getByLabel('Street address').fill("12 St James's Square")
  await content.getByLabel('City').fill('London')
  await content.getByLabel('Postal code').fill('SW1Y 4JH')
  await content.getByLabel('Country').selectOption({ label: 'United Kingdom' })
  await content.getByRole('button', { name: 'Save address' }).click()
  await expect(news).toHaveText('Address “Home” saved.')
  const home = content
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Home' }) })
  await expect(home.locator('address')).toContainText('London')
  await home.getByRole('button', { name: 'Edit' }).click()
  await expect(content.getByLabel('City')).toHaveValue('London')
  await content.getByLabel('City').fill('Cambridge')
  await content.getByRole('button', { name: 'Save address' }).click()
  await expect(news).toHaveText('Address “Home” saved.')
  await expect(home.locator('address')).toContainText('Cambridge')
  await expect(home.locator('address')).toContainText('United Kingdom')
  await home.getByRole('button', { name: 'Delete' }).click()
  await home.getByRole('button', { name: 'Yes, delete' }).click()
  await expect(news).toHaveText('Address “Home” deleted.')
  await expect(content.getByText('You have no saved addresses yet.')).toBeVisible()

  // Payment methods: add a test card, delete it.
  await openSection('Payment methods')
  await expect(content.getByText('You have no saved cards yet.')).toBeVisible()
  await content.getByLabel('Name on card').fill('Ada Lovelace')
  await content.getByLabel('Card number').fill('4111 1111 1111 1111')
  await content.getByRole('button', { name: 'Add card' }).click()
  await expect(news).toHaveText('Card ending in 1111 added.')
  const card = content
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Visa ending in 1111' }) })
  await expect(card).toContainText('Ada Lovelace')
  await card.getByRole('button', { name: 'Delete' }).click()
  await card.getByRole('button', { name: 'Yes, delete' }).click()
  await expect(news).toHaveText('Visa ending in 1111 deleted.')
  await expect(content.getByText('You have no saved cards yet.')).toBeVisible()

  // Wishlist and favorites: add to each, remove from the wishlist.
  await openSection('Wishlist and favorites')
  const product = (name: string) =>
    content
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) })
  const wishlist = content.getByRole('region', { name: 'Wishlist' })
  const favorites = content.getByRole('region', { name: 'Favorites' })
  await product('Linen shirt').getByRole('button', { name: 'Add to wishlist' }).click()
  await expect(news).toHaveText('Linen shirt added to your wishlist.')
  await product('Wool scarf').getByRole('button', { name: 'Add to favorites' }).click()
  await expect(news).toHaveText('Wool scarf added to your favorites.')
  await expect(wishlist.getByRole('listitem')).toHaveCount(1)
  await expect(wishlist.getByRole('listitem')).toContainText('Linen shirt')
  await expect(favorites.getByRole('listitem')).toContainText('Wool scarf')
  await wishlist.getByRole('button', { name: 'Remove' }).click()
  await expect(news).toHaveText('Linen shirt removed from your wishlist.')
  await expect(wishlist.getByText('Nothing in your wishlist yet.')).toBeVisible()
  await expect(favorites.getByRole('listitem')).toContainText('Wool scarf')
})

test('forgot password: the dev outbox shows the mailed link, it opens the new-password page, the new password signs in', async ({
  page,
  demo,
  emulator,
  consoleErrors,
}) => {
  const grace = seededShopper(demo, 1)
  const newPassword = 'Cobol-Compiler-1959!'
  consoleErrors.secret(newPassword)
  await openRoute(page, '/login')
  await main(page).getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(heading(page)).toHaveText('Forgot password')
  const outbox = page.getByRole('region', { name: 'Dev outbox' })
  const mailName = `Reset your password (${grace.login})`
  // The outbox lives as long as the worker's server: count what earlier tests left there.
  const mailsBefore = await outbox.getByRole('link', { name: mailName }).count()
  await main(page).getByLabel('Email').fill(grace.login)
  await main(page).getByRole('button', { name: 'Send reset link' }).click()
  await expect(main(page).getByRole('status')).toContainText('Check your mail')
  const mails = outbox.getByRole('link', { name: mailName })
  await expect(mails).toHaveCount(mailsBefore + 1)
  await mails.first().click()

  await expect(heading(page)).toHaveText('Choose a new password')
  await expect(main(page)).toContainText(`For ${grace.login}`)
  // The page took the token out of the address.
  await expect(page).toHaveURL(/#\/reset$/)
  await main(page).getByLabel('New password').fill(newPassword)
  await main(page).getByRole('button', { name: 'Set new password' }).click()
  await expect(main(page).getByRole('status')).toContainText(
    'Your password is changed and you are signed in.',
  )
  await expectSignedIn(page, grace.login)

  await nav(page).getByRole('link', { name: 'Sign out' }).click()
  await expectGuest(page)
  passLoginConflictWindow(emulator)
  await signIn(page, grace.login, newPassword)
})

test('change login signs in again with the new email; change password keeps the shopper signed in', async ({
  page,
  demo,
  emulator,
  consoleErrors,
}) => {
  const ada = seededShopper(demo)
  const newLogin = 'countess@example.com'
  const newPassword = 'Analytical-Engine-1843!'
  consoleErrors.secret(newPassword)
  await signIn(page, ada.login, ada.password)
  const content = main(page)

  await goRoute(page, '/account/login')
  await expect(heading(page)).toHaveText('Change login')
  await content.getByLabel('New email').fill(newLogin)
  await content.getByLabel('Current password').fill(ada.password)
  const logins = emulator.requests('authenticateCustomer').length
  await content.getByRole('button', { name: 'Change login' }).click()
  await expect(content.getByRole('status')).toHaveText('Your email is changed.')
  await expectSignedIn(page, newLogin)
  // The change ended every session of the shopper: this tab signed in again, with the new login.
  expect(emulator.requests('authenticateCustomer').length - logins).toBe(1)
  expect(emulator.requests('updateCustomer').map((entry) => entry.status)).toEqual([200])

  passLoginConflictWindow(emulator)
  await goRoute(page, '/account/password')
  await expect(heading(page)).toHaveText('Change password')
  await content.getByLabel('Current password').fill(ada.password)
  await content.getByLabel('New password', { exact: true }).fill(newPassword)
  await content.getByLabel('Repeat new password').fill(newPassword)
  await content.getByRole('button', { name: 'Change password' }).click()
  await expect(content.getByRole('status')).toHaveText('Your password is changed.')
  await expectSignedIn(page, newLogin)

  await nav(page).getByRole('link', { name: 'Sign out' }).click()
  await expectGuest(page)
  passLoginConflictWindow(emulator)
  await signIn(page, newLogin, newPassword)
})
