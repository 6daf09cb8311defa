/**
 * Concurrency does what the caller asked: a login resolves only on its own shopper, a logout
 * overtakes a login on the wire, a refresh never adopts another shopper's stored tokens, and no
 * token is handed out inside its validity margin. Each test fails when its rule is removed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createInProcessCoordination } from '../../adapters/coordination/inProcess.ts'
import { createMemoryStorage } from '../../adapters/storage/memory.ts'
import type { EmulatorShopper } from '../../src/emulator/index.ts'
import { expectCode } from '../support/expectError.ts'
import { createSessionHarness, type SessionHarness } from './harness.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => harness?.stopAll())

function shoppers(h: SessionHarness): [EmulatorShopper, EmulatorShopper] {
  const [ada, grace] = h.emulator.settings.shoppers
  if (!ada || !grace) throw new Error('the emulator seeds two shoppers')
  return [ada, grace]
}

/** Resolves after `ms` real milliseconds. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until `check` holds (polling real time), or fails after `ms`. */
async function eventually(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('eventually: the condition never held')
    await sleep(10)
  }
}

describe('a login resolves only on its own shopper', () => {
  it("another tab's login of someone else meanwhile: conflict, and the first login never lands", async () => {
    harness = createSessionHarness()
    const [ada, grace] = shoppers(harness)
    const tabA = harness.session()
    const tabB = harness.session()
    await tabA.ready()
    await tabB.ready()
    // Ada's /login answers late: Grace logs in on the other tab meanwhile.
    harness.emulator.control.failNext('authenticateCustomer', { delayMs: 150 })
    const adaLogin = expectCode(tabA.login(ada.login, ada.password), 'conflict')
    await tabB.login(grace.login, grace.password)

    await adaLogin
    expect(tabA.getTokens()?.loginId).toBe(grace.login)
    expect(tabB.getTokens()?.loginId).toBe(grace.login)
    // Ada's tokens, issued after all, never became a session and are ended at SLAS.
    await eventually(() => harness?.count('logoutCustomer') === 1)
    expect(await harness.storage.get(harness.storageKey)).toContain(grace.login)
  })

  it('the same shopper logging in on another tab meanwhile still resolves', async () => {
    harness = createSessionHarness()
    const [ada] = shoppers(harness)
    const tabA = harness.session()
    const tabB = harness.session()
    await tabA.ready()
    await tabB.ready()
    harness.emulator.control.failNext('authenticateCustomer', { delayMs: 150 })
    const first = tabA.login(ada.login, ada.password)
    await tabB.login(ada.login.toUpperCase(), ada.password)
    await expect(first).resolves.toBeUndefined()
    expect(tabA.getSnapshot().hasTag('registered')).toBe(true)
  })
})

describe('a logout during an in-flight login wins', () => {
  it("the login's tokens never become the session, in memory or storage", async () => {
    harness = createSessionHarness()
    const [ada] = shoppers(harness)
    const session = harness.session()
    await session.ready()
    const guest = session.getTokens()
    harness.emulator.control.failNext('authenticateCustomer', { delayMs: 150 })
    const login = expectCode(session.login(ada.login, ada.password), 'aborted')
    await sleep(20) // the login is on the wire
    await session.logout()

    await login
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(session.getTokens()?.refreshToken).not.toBe(guest?.refreshToken)
    // The late answer arrives, is ended at SLAS, and changes nothing here.
    await eventually(() => harness?.count('logoutCustomer') === 1)
    await sleep(50)
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(session.getTokens()?.customerType).toBe('guest')
    expect(await harness.storage.get(harness.storageKey)).not.toContain('"registered"')
  })

  it('a logout during registration wins the same way', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    harness.emulator.control.failNext('authenticateCustomer', { delayMs: 150 })
    const login = 'new.shopper@example.com'
    const customer = { login, email: login, lastName: 'New' }
    const register = expectCode(session.register(customer, 'Fresh-Pa55word!'), 'aborted')
    await sleep(40)
    await session.logout()
    await register
    await eventually(() => harness?.count('logoutCustomer') === 1)
    expect(session.getTokens()?.customerType).toBe('guest')
  })
})

describe('a refresh never adopts stored tokens of another customer', () => {
  it("spends its own refresh token when storage holds another shopper's tokens", async () => {
    harness = createSessionHarness()
    const [ada, grace] = shoppers(harness)
    const session = harness.session()
    await session.login(ada.login, ada.password)

    // Grace's session lands in the shared storage without a notice (another app, a bug).
    const elsewhere = createMemoryStorage()
    const other = harness.session({
      storage: elsewhere,
      coordination: createInProcessCoordination(),
    })
    await other.login(grace.login, grace.password)
    const key = harness.storageKey
    await harness.storage.set(key, (await elsewhere.get(key)) ?? '')

    // An API refused Ada's access token (401): the session refreshes, with Grace's valid tokens in
    // storage.
    const before = harness.count('getAccessToken')
    await session.getAccessToken({ rejected: session.getTokens()?.accessToken ?? '' })
    expect(harness.count('getAccessToken')).toBe(before + 1)
    expect(session.getTokens()?.loginId).toBe(ada.login)
    expect(session.getTokens()?.customerId).not.toBe(other.getTokens()?.customerId)
  })
})

describe('getAccessToken never hands out a token inside its validity margin', () => {
  it.each([
    ['3 s left: refreshed, not handed out', 3_000, 1],
    ['6 s left: handed out without a request', 6_000, 0],
  ])('a token with %s', async (_, leftMs, refreshes) => {
    harness = createSessionHarness()
    let now = Date.now()
    const session = harness.session({ now: () => now })
    await session.ready()
    const first = session.getTokens()
    if (!first) throw new Error('no tokens')
    now = first.accessExpiresAt - leftMs
    const before = harness.count('getAccessToken')
    const token = await session.getAccessToken()
    expect(token === first.accessToken).toBe(refreshes === 0)
    expect(harness.count('getAccessToken')).toBe(before + refreshes)
  })
})
