/**
 * `sessionWithFlows(session).startLoginIdChange()` against the emulator, in-process: the PATCH with the
 * session's token, the old tokens dropped everywhere (storage, a second session on the same
 * storage and bus), the re-login with the new login, and every refusal with its way back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { secret } from '../../src/secret.ts'
import { sessionWithFlows } from './support.ts'
import type { LoginIdChangeEmitted } from '../../src/account.ts'
import { createAccountCalls } from '../../src/account/customerCalls.ts'
import { ShopperSessionError } from '../../src/errors.ts'
import { getCustomer, refreshAccessToken } from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import { recordError } from '../support/secretGuard.ts'
import { createServerSession } from '../../src/server/index.ts'
import { cookiesAfter, serverSetup } from '../server/helpers.ts'
import { createSessionHarness, seededShopper } from '../session/harness.ts'
import { leaks, recordSnapshots, untilTag } from './support.ts'

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

const NEW_LOGIN = 'ada.lovelace@example.com'
const WRONG_PASSWORD = 'Wr0ng-Passw0rd!'

const ada = () => seededShopper(harness)

/** A registered session (Ada) with the account flows. */
async function loggedIn(options: Parameters<typeof createSessionHarness>[0] = {}) {
  harness = createSessionHarness(options)
  const session = sessionWithFlows(harness.session())
  await session.login(ada().login, ada().password)
  return session
}

function storedText(): string {
  return harness.storage
    .keys()
    .map((key) => String(harness.storage.get(key)))
    .join('\n')
}

describe('changeLoginId', () => {
  it('PATCH, old tokens refused, re-login with the new login; storage holds only new tokens', async () => {
    const session = await loggedIn()
    const old = session.getTokens()
    if (!old) throw new Error('no tokens')
    const change = session.startLoginIdChange()
    const seen = recordSnapshots(change)
    const emitted: LoginIdChangeEmitted[] = []
    change.on('loginId.changed', (event) => void emitted.push(event))
    expect(change.getSnapshot().hasTag('form')).toBe(true)
    expect(change.getSnapshot().context.currentLogin).toBe(ada().login)

    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret(ada().password) })
    const done = await untilTag(change, 'done')
    expect(done.output?.reauthRequired).toBe(false)
    expect(done.output?.login).toBe(NEW_LOGIN)
    expect(emitted).toEqual([{ type: 'loginId.changed', login: NEW_LOGIN }])
    expect(harness.count('updateCustomer')).toBe(1)
    expect(harness.count('logoutCustomer')).toBe(0) // SLAS already refuses the old tokens

    const now = session.getTokens()
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(now?.loginId).toBe(NEW_LOGIN)
    expect(now?.customerId).toBe(old.customerId)
    expect(now?.refreshToken === old.refreshToken).toBe(false)

    // The emulator refuses the old access token and the old refresh token.
    const { baseUrl, organizationId, siteId, clientId, redirectURI, fetch } = harness.config
    const scapi = { baseUrl, organizationId, siteId, fetch }
    const old401 = getCustomer(scapi, { accessToken: old.accessToken, customerId: old.customerId })
    await expectCode(old401, 'credentials_changed')
    const slas = { baseUrl, organizationId, siteId, clientId, redirectURI, fetch }
    await expectCode(refreshAccessToken(slas, { refreshToken: old.refreshToken }), 'invalid_grant')

    const stored = storedText()
    expect(stored.includes(now?.refreshToken ?? '-')).toBe(true)
    expect(stored.includes(old.refreshToken) || stored.includes(old.accessToken)).toBe(false)
    expect(leaks(seen, [ada().password])).toBe(false)
  })

  it('a second session on the same storage and bus (another tab) follows to the new login', async () => {
    const session = await loggedIn()
    const tab = harness.session()
    await tab.ready()
    expect(tab.getSnapshot().hasTag('registered')).toBe(true)
    const old = tab.getTokens()
    const kinds: string[] = []
    tab.subscribe((snapshot) => {
      const kind = snapshot.hasTag('registered') ? 'registered' : 'guest'
      if (kinds[kinds.length - 1] !== kind) kinds.push(kind)
    })

    const change = session.startLoginIdChange()
    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret(ada().password) })
    await untilTag(change, 'done')
    await vi.waitFor(() => expect(tab.getTokens()?.loginId).toBe(NEW_LOGIN))
    expect(tab.getSnapshot().hasTag('registered')).toBe(true)
    expect(tab.getTokens()?.refreshToken === session.getTokens()?.refreshToken).toBe(true)
    expect(tab.getTokens()?.refreshToken === old?.refreshToken).toBe(false)
    // The tab let go of the old session (a guest in between) rather than keeping dead tokens.
    expect(kinds).toContain('guest')
    expect(kinds[kinds.length - 1]).toBe('registered')
    // Adopted from storage: the only logins are the first one and the flow's re-login.
    expect(harness.count('authenticateCustomer')).toBe(2)
  })

  it('a wrong current password returns to the form (invalid_current_password); nothing changed', async () => {
    const session = await loggedIn()
    const before = session.getTokens()
    const change = session.startLoginIdChange()
    const seen = recordSnapshots(change)
    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret(WRONG_PASSWORD) })
    const rejected = await untilTag(change, 'error')
    expect(rejected.hasTag('form')).toBe(true)
    expect(rejected.context.error?.code).toBe('invalid_current_password')
    expect(harness.count('updateCustomer')).toBe(1)
    expect(session.getTokens()?.refreshToken === before?.refreshToken).toBe(true)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    // Corrected in the same flow.
    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret(ada().password) })
    await untilTag(change, 'done')
    expect(session.getTokens()?.loginId).toBe(NEW_LOGIN)
    expect(leaks(seen, [WRONG_PASSWORD, ada().password])).toBe(false)
  })

  it('a missing current password is refused before any request; the server refuses it too', async () => {
    const session = await loggedIn()
    const change = session.startLoginIdChange()
    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret('') })
    expect(change.getSnapshot().context.error?.code).toBe('invalid_current_password')
    expect(change.getSnapshot().hasTag('form')).toBe(true)
    expect(harness.count('updateCustomer')).toBe(0)
    change.stop()
    // The PATCH without it (what the machine never sends) maps to the same code.
    const calls = createAccountCalls(session)
    const customerId = session.getTokens()?.customerId ?? ''
    const body = { login: NEW_LOGIN, currentPassword: '' }
    await expectCode(calls.changeLogin({ customerId }, body), 'invalid_current_password')
    expect(session.getTokens()?.loginId).toBe(ada().login)
  })

  it('a login that belongs to another shopper returns to the form (login_taken)', async () => {
    const session = await loggedIn()
    const grace = harness.emulator.settings.shoppers[1]
    if (!grace) throw new Error('no second seeded shopper')
    const change = session.startLoginIdChange()
    change.send({ type: 'submit', newLogin: grace.login, currentPassword: secret(ada().password) })
    const rejected = await untilTag(change, 'error')
    expect(rejected.context.error?.code).toBe('login_taken')
    expect(rejected.hasTag('form')).toBe(true)
    expect(session.getTokens()?.loginId).toBe(ada().login)
    change.stop()
  })

  it('a failed re-login ends reauthRequired; the session is a guest and nothing old is stored', async () => {
    const session = await loggedIn()
    const old = session.getTokens()
    const change = session.startLoginIdChange()
    const seen = recordSnapshots(change)
    harness.emulator.control.failNext('authenticateCustomer', { status: 500 })
    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret(ada().password) })
    const ended = await untilTag(change, 'reauthRequired')
    expect(ended.status).toBe('done')
    expect(ended.output?.reauthRequired).toBe(true)
    expect(ended.output?.login).toBe(NEW_LOGIN)
    expect(ended.output?.error?.code).toBe('server_error')
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(session.getSnapshot().hasTag('busy')).toBe(false)
    expect(session.getSnapshot().hasTag('reauthRequired')).toBe(true)
    const stored = storedText()
    const oldStored = [old?.refreshToken, old?.accessToken].some((t) => stored.includes(t ?? '-'))
    expect(oldStored).toBe(false)
    expect(leaks(seen, [ada().password])).toBe(false)
    // The shopper logs in by hand with the new login.
    await session.login(NEW_LOGIN, ada().password)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getSnapshot().hasTag('reauthRequired')).toBe(false)
  })

  it('an instance that does not check the password: a wrong one changes the login, then reauthRequired', async () => {
    // loginChangeRequiresPassword: false is the pre-24.7 behaviour of B2C Commerce.
    const session = await loggedIn({ loginChangeRequiresPassword: false })
    const change = session.startLoginIdChange()
    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret(WRONG_PASSWORD) })
    const ended = await untilTag(change, 'reauthRequired')
    expect(ended.output?.error?.code).toBe('invalid_credentials')
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    await session.login(NEW_LOGIN, ada().password)
    expect(session.getTokens()?.loginId).toBe(NEW_LOGIN)
  })

  it('a guest session cannot start the flow (conflict, thrown at once)', async () => {
    harness = createSessionHarness()
    const session = sessionWithFlows(harness.session())
    await session.ready()
    let caught: unknown
    try {
      session.startLoginIdChange()
    } catch (error) {
      caught = error
    }
    recordError(caught)
    expect(caught).toBeInstanceOf(ShopperSessionError)
    expect((caught as ShopperSessionError).code).toBe('conflict')
  })

  it('another shopper logged in since the form opened: conflict, no request', async () => {
    const session = await loggedIn()
    const change = session.startLoginIdChange()
    await session.logout()
    const grace = harness.emulator.settings.shoppers[1]
    if (!grace) throw new Error('no second seeded shopper')
    await session.login(grace.login, grace.password)
    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret(ada().password) })
    const rejected = await untilTag(change, 'error')
    expect(rejected.context.error?.code).toBe('conflict')
    expect(harness.count('updateCustomer')).toBe(0)
    change.stop()
  })
})

describe('changeLoginId on a server session (cookie storage)', () => {
  it('the next request carries only the new login’s cookies; the old ones are refused', async () => {
    const setup = serverSetup()
    const shopper = setup.shopper()
    // Request 1 logs in; the browser keeps the cookies it was sent.
    const first = createServerSession(setup.config, { cookies: null, cookie: { secure: false } })
    await first.login(shopper.login, shopper.password)
    const old = first.getTokens()
    const jar = cookiesAfter(first.setCookieHeaders())
    first.stop()

    // Request 2 changes the login with the session its cookies carry.
    const second = sessionWithFlows(
      createServerSession(setup.config, { cookies: jar, cookie: { secure: false } }),
    )
    await second.ready()
    const change = second.startLoginIdChange()
    change.send({ type: 'submit', newLogin: NEW_LOGIN, currentPassword: secret(shopper.password) })
    await untilTag(change, 'done')
    const after = cookiesAfter(second.setCookieHeaders(), jar)
    second.stop()
    const oldKept = [old?.refreshToken, old?.accessToken].some((t) => after.includes(t ?? '-'))
    expect(oldKept).toBe(false)

    // Request 3 restores the new session from those cookies, with no request.
    const before = setup.count()
    const third = createServerSession(setup.config, { cookies: after, cookie: { secure: false } })
    await third.ready()
    expect(setup.count()).toBe(before)
    expect(third.getTokens()?.loginId).toBe(NEW_LOGIN)
    third.stop()
  })
})
