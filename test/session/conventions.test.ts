/**
 * What users of auth libraries expect to find: who is signed in without reading tags, a forced
 * refresh, `retry()`, option-object forms of login and register, a `stop()` that waits for work
 * already sent, and `await using`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionHarness, type SessionHarness } from './harness.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => harness?.stopAll())

function ada(h: SessionHarness) {
  const shopper = h.emulator.settings.shoppers[0]
  if (!shopper) throw new Error('no seeded shopper')
  return shopper
}

describe('getShopper()', () => {
  it('says who is signed in: nothing, then a guest, then the registered shopper', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    expect(session.getShopper()).toBeUndefined()
    await session.ready()
    const guest = session.getTokens()
    expect(session.getShopper()).toEqual({
      kind: 'guest',
      customerId: guest?.customerId,
      loginId: undefined,
      usid: guest?.usid,
    })
    await session.login({ username: ada(harness).login, password: ada(harness).password })
    expect(session.getShopper()).toEqual({
      kind: 'registered',
      customerId: session.getTokens()?.customerId,
      loginId: ada(harness).login,
      usid: guest?.usid,
    })
  })
})

describe('getAccessToken({ force: true })', () => {
  it('refreshes a token that is still good, once, and answers with the new one', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    const first = await session.getAccessToken()
    const before = harness.count('getAccessToken')
    const forced = await session.getAccessToken({ force: true })
    expect(forced).not.toBe(first)
    expect(harness.count('getAccessToken')).toBe(before + 1)
    // And it is the session's token from then on.
    await expect(session.getAccessToken()).resolves.toBe(forced)
  })
})

describe('retry()', () => {
  it('starts again at once once the session is unavailable', async () => {
    harness = createSessionHarness()
    harness.emulator.control.failNext('authorizeCustomer', { status: 400, count: 1 })
    const session = harness.session({ retry: { maxAttempts: 0 } })
    await expect(session.ready()).rejects.toMatchObject({ code: 'bad_request' })
    expect(session.getSnapshot().hasTag('unavailable')).toBe(true)
    session.retry()
    await session.ready()
    expect(session.getShopper()?.kind).toBe('guest')
  })
})

describe('option-object forms', () => {
  it('login({ username, password }) and register({ customer, password })', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    const login = 'new.shopper@example.com'
    await session.register({
      customer: { login, email: login, lastName: 'New' },
      password: 'Fresh-Pa55word!',
    })
    expect(session.getShopper()?.loginId).toBe(login)
    await session.logout()
    harness.emulator.control.advanceTime(2_000) // SLAS refuses two logins within a second
    await session.login({ username: ada(harness).login, password: ada(harness).password })
    expect(session.getShopper()?.loginId).toBe(ada(harness).login)
  })
})

describe('stop()', () => {
  it('resolves once a refresh already on the wire has been stored', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const held = session.getTokens()?.refreshToken
    harness.emulator.control.failNext('getAccessToken', { delayMs: 100 })
    void session.getAccessToken({ force: true }).catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 20)) // the refresh is on the wire
    await session.stop()
    const stored = JSON.parse((await harness.storage.get(harness.storageKey)) ?? '{}') as {
      refreshToken?: string
    }
    expect(stored.refreshToken).toBeDefined()
    expect(stored.refreshToken).not.toBe(held)
  })

  it('await using stops the session at the end of the block', async () => {
    harness = createSessionHarness()
    let stopped: ReturnType<SessionHarness['session']> | undefined
    {
      await using session = harness.session()
      await session.ready()
      stopped = session
    }
    expect(stopped?.getSnapshot().status).toBe('stopped')
  })
})
