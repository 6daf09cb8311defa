/**
 * createShopperSession against the emulator, in-process: guest start, login, registration,
 * logout, restore, corrupt storage.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expectCode } from './support/expectError.ts'
import { createSessionHarness, seededShopper } from './session/harness.ts'

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

const ada = () => seededShopper(harness)

describe('createShopperSession', () => {
  it('starts a guest session: guest + authenticated, one authorize and one token request', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const snapshot = session.getSnapshot()
    expect(snapshot.hasTag('guest')).toBe(true)
    expect(snapshot.hasTag('tokenValid')).toBe(true)
    expect(snapshot.hasTag('registered')).toBe(false)
    expect(harness.count('authorizeCustomer')).toBe(1)
    expect(harness.count('getAccessToken')).toBe(1)
    expect((await session.getAccessToken()) === session.getTokens()?.accessToken).toBe(true)
  })

  it('login keeps the usid; a wrong password leaves the guest session usable', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const guest = session.getTokens()
    await expectCode(session.login(ada().login, 'not-the-password'), 'invalid_credentials')
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(session.getSnapshot().context.error?.code).toBe('invalid_credentials')
    expect(session.getTokens()?.accessToken === guest?.accessToken).toBe(true)
    await session.login(ada().login, ada().password)
    const registered = session.getTokens()
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(registered?.customerId).toBe(ada().customerId)
    expect(registered?.usid === guest?.usid).toBe(true)
    expect(registered?.loginId).toBe(ada().login)
  })

  it('a login no shopper can have is refused without a request (invalid_credentials)', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const before = harness.count('authenticateCustomer')
    for (const [username, password] of [
      ['ada:lovelace', 'secret'],
      ['', 'secret'],
      ['ada\n@example.com', 'secret'],
      ['x'.repeat(257), 'secret'],
      [ada().login, ''],
    ] as const) {
      await expectCode(session.login(username, password), 'invalid_credentials')
    }
    expect(harness.count('authenticateCustomer')).toBe(before)
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
  })

  it('the logger hears a failed login with its error code, and never the password', async () => {
    harness = createSessionHarness()
    const warnings: unknown[] = []
    const session = harness.session({ logger: { warn: (...line) => warnings.push(line) } })
    await session.ready()
    await expectCode(session.login(ada().login, 'not-the-password'), 'invalid_credentials')
    const logged = JSON.stringify(warnings)
    expect(logged).toContain('"code":"invalid_credentials"')
    expect(logged).not.toContain('not-the-password')
  })

  it('a failed basket transfer never fails the login; it is reported', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    const failures: string[] = []
    session.on('basket.transferFailed', (event) => failures.push(event.error.code))
    await session.ready()
    harness.emulator.control.failNext('transferBasket', { status: 500 })
    await session.login(ada().login, ada().password)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(failures).toEqual(['server_error'])
  })

  it('register: registerCustomer with the guest token, then login with the same usid', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    const guest = session.getTokens()
    const customer = { login: 'mary@example.com', email: 'mary@example.com', lastName: 'Somerville' }
    const sent = harness.count('registerCustomer')
    const error = await expectCode(session.register({ ...customer, lastName: '' }, 'x'), 'bad_request')
    expect(error.message).toContain('customer.lastName')
    expect(harness.count('registerCustomer')).toBe(sent)
    await expectCode(session.register(customer, 'short'), 'weak_password')
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    await session.register(customer, 'Mary-Somerville-1780')
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getTokens()?.loginId).toBe('mary@example.com')
    expect(session.getTokens()?.usid === guest?.usid).toBe(true)
    await expectCode(session.register(customer, 'Mary-Somerville-1780'), 'conflict')
  })

  it("another tab's refresh during a login does not interrupt it", async () => {
    harness = createSessionHarness()
    const a = harness.session()
    const b = harness.session()
    await a.ready()
    await b.ready()
    harness.emulator.control.failNext('authenticateCustomer', { delayMs: 300 })
    const login = a.login(seededShopper(harness).login, seededShopper(harness).password)
    // B refreshes the shared guest session while A's login is on the wire.
    const token = await b.getAccessToken()
    await b.getAccessToken({ rejected: token })
    await login
    expect(a.getSnapshot().hasTag('registered')).toBe(true)
    await vi.waitFor(() => expect(b.getSnapshot().hasTag('registered')).toBe(true))
  })

  it("the session's own refresh during a login does not interrupt it", async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.ready()
    harness.emulator.control.failNext('authenticateCustomer', { delayMs: 300 })
    const login = session.login(ada().login, ada().password)
    const token = await session.getAccessToken()
    await session.getAccessToken({ rejected: token }) // a 401 elsewhere forces a refresh now
    await login
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
  })

  it('logout ends the registered session remotely and starts a new guest', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.login(ada().login, ada().password)
    const registered = session.getTokens()
    await session.logout()
    const snapshot = session.getSnapshot()
    expect(snapshot.hasTag('guest')).toBe(true)
    expect(snapshot.hasTag('tokenValid')).toBe(true)
    expect(harness.count('logoutCustomer')).toBe(1)
    expect(session.getTokens()?.usid === registered?.usid).toBe(false)
  })

  it('logout with remote: false drops the session locally without calling SLAS', async () => {
    harness = createSessionHarness()
    const session = harness.session()
    await session.login(ada().login, ada().password)
    const registered = session.getTokens()
    const remoteFailures: unknown[] = []
    session.on('logout.remoteFailed', (event) => remoteFailures.push(event))
    await session.logout({ remote: false })
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(harness.count('logoutCustomer')).toBe(0)
    expect(remoteFailures).toEqual([])
    expect(session.getTokens()?.refreshToken === registered?.refreshToken).toBe(false)
  })

  it('restores a stored valid session with zero network requests', async () => {
    harness = createSessionHarness()
    const first = harness.session()
    await first.login(ada().login, ada().password)
    first.stop()
    const before = harness.emulator.control.requests().length
    const second = harness.session()
    await second.ready()
    expect(harness.emulator.control.requests().length).toBe(before)
    expect(second.getSnapshot().hasTag('registered')).toBe(true)
    await second.getAccessToken()
    expect(harness.emulator.control.requests().length).toBe(before)
  })

  it('corrupt stored data is cleared, reported, and the shopper continues as a guest', async () => {
    harness = createSessionHarness()
    const key = 'shopper-session:' + [harness.config.organizationId, harness.config.siteId, harness.config.clientId].join(':')
    harness.storage.set(key, '{"v":1,"accessToken":"x"')
    const warnings: string[] = []
    const session = harness.session({ logger: { warn: (line) => warnings.push(line) } })
    const reasons: string[] = []
    session.on('storage.corrupt', (event) => reasons.push(event.reason))
    await session.ready()
    expect(reasons).toEqual(['the stored session is not JSON'])
    expect(warnings).toEqual(['shopper-session: storage.corrupt'])
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
  })

  it.each([
    ['a partial record', '{"v":1,"accessToken":"x","customerType":"guest"}', /refreshToken/],
    ['a record of another version', '{"v":2}', /v/],
    ['a non-object', '42', /record/],
  ])('%s is cleared and reported, then a guest session starts', async (_, raw, reason) => {
    harness = createSessionHarness()
    const key = ['shopper-session', harness.config.organizationId, harness.config.siteId, harness.config.clientId].join(':')
    harness.storage.set(key, raw)
    const session = harness.session()
    const reasons: string[] = []
    session.on('storage.corrupt', (event) => reasons.push(event.reason))
    await session.ready()
    expect(reasons).toHaveLength(1)
    expect(reasons[0]).toMatch(reason)
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(harness.storage.get(key)).not.toBe(raw)
  })

  it('a storage adapter that throws on read: reported, and the shopper continues as a guest', async () => {
    harness = createSessionHarness()
    const broken = {
      get: () => Promise.reject(new Error('disk on fire')),
      set: () => undefined,
      remove: () => undefined,
    }
    const session = harness.session({ storage: broken })
    const reasons: string[] = []
    session.on('storage.corrupt', (event) => reasons.push(event.reason))
    await session.ready()
    expect(reasons).toEqual(['the stored session could not be read'])
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
  })

  it('a storage adapter that throws on write: reported, and the session goes on in memory', async () => {
    harness = createSessionHarness()
    const readOnly = {
      get: () => undefined,
      set: () => Promise.reject(new Error('quota exceeded')),
      remove: () => undefined,
    }
    const session = harness.session({ storage: readOnly })
    const reasons: string[] = []
    session.on('storage.failed', (event) => reasons.push(event.reason))
    await session.login(ada().login, ada().password)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(reasons).toEqual(['quota exceeded', 'quota exceeded'])
  })

  it('an invalid config names the field', () => {
    harness = createSessionHarness()
    expect(() => harness.session({ leewayMs: -1 })).toThrow(/leewayMs/)
    expect(() => harness.session({ organizationId: 'nope' })).toThrow(/organizationId/)
  })
})
