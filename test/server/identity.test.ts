/**
 * Who a server session's shopper is comes from the access token verified against SLAS's JWKS
 * (the emulator's), never from a stored field: edited records, a guest's token filed under a
 * registered shopper, expired tokens, the key set fetched once per process and again after a key
 * rotation, and a JWKS outage that never logs a shopper out.
 */
import { describe, expect, it } from 'vitest'
import { createMemoryStorage, type MemoryStorage } from '../../adapters/storage/memory.ts'
import { ShopperSessionError } from '../../src/errors.ts'
import { decodeJwtClaims } from '../../src/scapi/jwtClaims.ts'
import { cookieSealer } from '../../src/server/cookieSeal.ts'
import {
  createServerSession,
  type ServerSession,
  type ServerSessionConfig,
  withShopperSession,
} from '../../src/server/index.ts'
import { expectCode } from '../support/expectError.ts'
import {
  cookiesAfter,
  openedRecord,
  pageRequest,
  SECRETS,
  serverSetup,
  sessionCookieName,
  sessionKey,
} from './helpers.ts'

const MINUTE = 60_000
type Setup = ReturnType<typeof serverSetup>

/** Logs seeded shopper `index` in through one request; returns the browser's cookies. */
async function loginCookie(setup: Setup, index = 0, config = setup.config): Promise<string> {
  const shopper = setup.shopper(index)
  const handle = withShopperSession(config, async (_request, session) => {
    await session.login(shopper.login, shopper.password)
    return new Response('ok')
  })
  return cookiesAfter((await handle(pageRequest())).headers.getSetCookie())
}

/** A cookie holding `record` sealed for `config`'s key (as only a holder of the secret could). */
async function sealedCookie(config: ServerSessionConfig, record: object): Promise<string> {
  const sealed = await cookieSealer(SECRETS).seal(sessionKey(config), JSON.stringify(record))
  return `${sessionCookieName(config)}=${sealed}`
}

/** Restores a session from `cookie`, records `storage.corrupt` codes, waits for `ready()`. */
async function restore(config: ServerSessionConfig, cookie: string) {
  const session = createServerSession(config, { cookies: cookie })
  const corrupt: string[] = []
  session.on('storage.corrupt', ({ code }) => corrupt.push(code))
  await session.ready()
  return { session, corrupt }
}

/**
 * Restores a session from `where` and says what came of it: the identity it reports, its
 * `storage.corrupt` codes, and the code `ready()` rejected with, if it did.
 */
async function attempt(
  config: ServerSessionConfig,
  where: { cookies: string } | { storage: MemoryStorage },
) {
  const session = createServerSession(config, where)
  const corrupt: string[] = []
  session.on('storage.corrupt', ({ code }) => corrupt.push(code))
  const failed = await session.ready().then(
    () => undefined,
    (error: unknown) => (error instanceof ShopperSessionError ? error.code : 'other'),
  )
  session.stop()
  const registered = session.getSnapshot().hasTag('registered')
  return { ...who(session), registered, corrupt, failed }
}

const who = (session: ServerSession) => {
  const { customerType, customerId, loginId, usid } = session.getTokens() ?? {}
  return { customerType, customerId, loginId, usid }
}

describe('the reported identity is the verified token’s', () => {
  it('a record whose customerId and usid were edited still reports the token’s', async () => {
    const setup = serverSetup()
    const cookie = await loginCookie(setup)
    const record = (await openedRecord(setup.config, cookie)) ?? {}
    const claims = decodeJwtClaims(String(record.accessToken))
    const edited = { ...record, customerId: 'abForgedCustomerId00000001', usid: 'forged-usid' }

    const forged = await sealedCookie(setup.config, edited)
    const { session, corrupt } = await restore(setup.config, forged)
    session.stop()
    expect(who(session)).toEqual({
      customerType: 'registered',
      customerId: setup.shopper().customerId,
      loginId: setup.shopper().login,
      usid: claims.usid,
    })
    expect(corrupt).toEqual([])
  })

  it('a record naming another login than its token never reports that login', async () => {
    const setup = serverSetup()
    const record = (await openedRecord(setup.config, await loginCookie(setup))) ?? {}
    const grace = setup.shopper(1)
    const edited = { ...record, loginId: grace.login, customerId: grace.customerId }

    const seen = await attempt(setup.config, { cookies: await sealedCookie(setup.config, edited) })
    expect(seen.loginId).not.toBe(grace.login)
    expect(seen.customerId).not.toBe(grace.customerId)
    // The token's own shopper, or (the record being inconsistent) no shopper at all.
    if (seen.registered) expect(seen.customerId).toBe(setup.shopper().customerId)
  })

  it('an app storage with a guest’s token filed as a registered shopper: dropped, a guest', async () => {
    const setup = serverSetup()
    const storage = createMemoryStorage()
    const guest = createServerSession(setup.config, { storage })
    await guest.ready()
    guest.stop()
    const key = sessionKey(setup.config)
    const record = JSON.parse(String(storage.get(key))) as Record<string, unknown>
    const ada = setup.shopper()
    // The pre-#11 forgery: a guest edits the kind and names a registered shopper.
    const name = { customerId: ada.customerId, loginId: ada.login }
    storage.set(key, JSON.stringify({ ...record, customerType: 'registered', ...name }))
    const logins = setup.count('authenticateCustomer')

    const seen = await attempt(setup.config, { storage })
    expect(seen.registered).toBe(false)
    expect(seen.customerId).not.toBe(ada.customerId)
    expect(seen.loginId).toBeUndefined()
    expect(setup.count('authenticateCustomer')).toBe(logins)
  })

  it('an expired access token still identifies the shopper; the refreshed one is verified', async () => {
    const setup = serverSetup()
    const record = (await openedRecord(setup.config, await loginCookie(setup))) ?? {}
    // The access token expired long ago (a cookie older than 30 minutes); the record's
    // customerId is wrong, so only the token can say whose session this is.
    const edited = { ...record, customerId: 'abForgedCustomerId00000001' }
    const cookie = await sealedCookie(setup.config, edited)
    setup.emulator.control.advanceTime(45 * MINUTE)
    const refreshes = setup.count('getAccessToken')

    const { session, corrupt } = await restore(setup.config, cookie)
    expect(who(session).customerId).toBe(setup.shopper().customerId)
    const token = await session.getAccessToken()
    session.stop()
    expect(setup.count('getAccessToken') - refreshes).toBe(1)
    expect(token === record.accessToken).toBe(false)
    expect(who(session).customerId).toBe(setup.shopper().customerId)
    expect(corrupt).toEqual([])
  })
})

describe('SLAS keys', () => {
  it('are fetched once for many sessions: first visits and restores alike', async () => {
    const setup = serverSetup()
    const handle = withShopperSession(setup.config, async (_request, session) => {
      await session.getAccessToken()
      return new Response('ok')
    })
    const firsts = await Promise.all(Array.from({ length: 10 }, () => handle(pageRequest())))
    const cookies = firsts.map((response) => cookiesAfter(response.headers.getSetCookie()))
    await Promise.all(cookies.map((cookie) => handle(pageRequest(cookie))))
    await loginCookie(setup, 0)
    await loginCookie(setup, 1)
    expect(setup.count('authorizeCustomer')).toBe(12)
    expect(setup.count('getJwksUri')).toBe(1)
  })

  it('a rotated key: one refetch for its unknown kid; tokens of the old key still verify', async () => {
    const setup = serverSetup()
    const adaCookie = await loginCookie(setup, 0)
    expect(setup.count('getJwksUri')).toBe(1)
    const kid = await setup.emulator.control.rotateSigningKey()
    setup.emulator.control.advanceTime(11_000) // past the refetch cooldown

    const graceCookie = await loginCookie(setup, 1)
    expect(setup.count('getJwksUri')).toBe(2)
    const grace = await restore(setup.config, graceCookie)
    grace.session.stop()
    expect(who(grace.session).customerId).toBe(setup.shopper(1).customerId)
    const graceToken = grace.session.getTokens()?.accessToken ?? ''
    const header = Buffer.from(graceToken.split('.')[0] ?? '', 'base64url').toString()
    expect((JSON.parse(header) as { kid?: string }).kid).toBe(kid)

    const ada = await restore(setup.config, adaCookie)
    ada.session.stop()
    expect(who(ada.session).customerId).toBe(setup.shopper(0).customerId)
    expect(setup.count('getJwksUri')).toBe(2)
  })
})

describe('a JWKS outage never logs a shopper out', () => {
  it('keys known from before serve while the JWKS fails; the refresh goes through', async () => {
    const setup = serverSetup()
    const cookie = await loginCookie(setup)
    setup.emulator.control.advanceTime(45 * MINUTE) // keys stale, access token expired
    setup.emulator.control.failNext('getJwksUri', { status: 503, count: 5 })

    // No retry: the known keys must serve this very request, not a later attempt.
    const config = { ...setup.config, retry: { maxAttempts: 0 } }
    const { session, corrupt } = await restore(config, cookie)
    await session.getAccessToken()
    session.stop()
    expect(who(session).customerId).toBe(setup.shopper().customerId)
    expect(corrupt).toEqual([])
    expect(setup.emulator.control.requests('getJwksUri').map((entry) => entry.status)).toEqual([
      200, 503,
    ])
  })

  it('no keys yet (a new process) and the JWKS down: a transient error, the cookie kept', async () => {
    const setup = serverSetup()
    const cookie = await loginCookie(setup)
    // Another fetch function: a key cache of its own, as in a process that just started.
    const fresh = {
      ...setup.config,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => setup.emulator.fetch(input, init),
    }
    setup.emulator.control.failNext('getJwksUri', { status: 503 })
    const session = createServerSession(fresh, { cookies: cookie })
    const corrupt: string[] = []
    session.on('storage.corrupt', ({ code }) => corrupt.push(code))
    const error = await expectCode(session.ready(), 'server_error')
    session.stop()
    expect(error.transient).toBe(true)
    expect(corrupt).toEqual([])
    expect(session.setCookieHeaders()).toEqual([]) // nothing removed, nothing replaced

    setup.emulator.control.advanceTime(11_000) // the outage is over, past the cooldown
    const after = await restore(fresh, cookie)
    after.session.stop()
    expect(who(after.session).customerId).toBe(setup.shopper().customerId)
    const statuses = setup.emulator.control.requests('getJwksUri').map((entry) => entry.status)
    expect(statuses).toEqual([200, 503, 200]) // the failure was not refetched within the cooldown
  })

  it('a dropped connection is a network error, the cookie kept', async () => {
    const setup = serverSetup()
    const cookie = await loginCookie(setup)
    const fresh = {
      ...setup.config,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => setup.emulator.fetch(input, init),
    }
    setup.emulator.control.failNext('getJwksUri', { drop: true })
    const session = createServerSession(fresh, { cookies: cookie })
    await expectCode(session.ready(), 'network')
    session.stop()
    expect(session.setCookieHeaders()).toEqual([])
  })
})
