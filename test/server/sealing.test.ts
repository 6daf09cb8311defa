/**
 * Sealed session cookies against the in-process emulator: a cookie edited by one byte, an old
 * plain-JSON cookie naming another shopper, a cookie sealed with an unknown secret, chunks of two
 * shoppers' cookies mixed, another cookie's value under this name: each is dropped (its cookies
 * expired), reported as `storage.corrupt` with code `tampered`, and the visitor is a new guest.
 * Secret rotation keeps sessions and reseals them with the new secret.
 */
import { describe, expect, it } from 'vitest'
import type { SessionEmitted } from '../../src/session.ts'
import { cookieSealer } from '../../src/server/cookieSeal.ts'
import { type ServerSessionConfig, withShopperSession } from '../../src/server/index.ts'
import { expectCode } from '../support/expectError.ts'
import {
  COOKIE_SECRET,
  cookiesAfter,
  openedRecord,
  OTHER_COOKIE_SECRET,
  pageRequest,
  sealedValue,
  serverSetup,
  sessionCookieName,
} from './helpers.ts'

type Corrupt = Extract<SessionEmitted, { type: 'storage.corrupt' }>

/** What a page saw: the shopper the session reports, `storage.corrupt` events, its cookies. */
interface Seen {
  customerType: string | undefined
  customerId: string | undefined
  loginId: string | undefined
  corrupt: Array<Pick<Corrupt, 'code' | 'reason'>>
  setCookies: string[]
}

/**
 * A site whose `/login?n=<index>` logs a seeded shopper in and whose other pages only read the
 * session; `visit` returns what the page saw.
 */
function site(
  setup: ReturnType<typeof serverSetup>,
  config: ServerSessionConfig,
  chunkSize?: number,
) {
  let seen: Omit<Seen, 'setCookies'> | undefined
  const handle = withShopperSession(
    config,
    async (request, session) => {
      const corrupt: Seen['corrupt'] = []
      session.on('storage.corrupt', ({ code, reason }) => corrupt.push({ code, reason }))
      const url = new URL(request.url)
      if (url.pathname === '/login') {
        const shopper = setup.shopper(Number(url.searchParams.get('n') ?? 0))
        await session.login(shopper.login, shopper.password)
      } else {
        await session.ready()
      }
      const tokens = session.getTokens()
      const { customerType, customerId, loginId } = tokens ?? {}
      seen = { customerType, customerId, loginId, corrupt }
      return new Response('ok')
    },
    chunkSize === undefined ? {} : { cookie: { chunkSize } },
  )
  return async (cookie?: string, path = '/'): Promise<Seen> => {
    const response = await handle(pageRequest(cookie, path))
    if (!seen) throw new Error('the page did not run')
    return { ...seen, setCookies: response.headers.getSetCookie() }
  }
}

/** `sealed` with one character of its ciphertext changed. */
function editOneByte(sealed: string): string {
  const start = sealed.split('.').slice(0, 3).join('.').length + 1 // the ciphertext segment
  const at = start + 5
  const replacement = sealed[at] === 'A' ? 'B' : 'A'
  return `${sealed.slice(0, at)}${replacement}${sealed.slice(at + 1)}`
}

/** Expects a dropped cookie: a new guest, one `tampered` report, the old cookies replaced. */
function expectDropped(seen: Seen, setup: ReturnType<typeof serverSetup>) {
  expect(seen.customerType).toBe('guest')
  expect(seen.loginId).toBeUndefined()
  const registered = setup.emulator.settings.shoppers.map((shopper) => shopper.customerId)
  expect(registered).not.toContain(seen.customerId)
  expect(seen.corrupt).toHaveLength(1)
  expect(seen.corrupt[0]?.code).toBe('tampered')
  // The new guest's cookie replaces the forged one (written, not left behind).
  expect(seen.setCookies.some((line) => !/Max-Age=0$/.test(line))).toBe(true)
}

describe('sealed session cookies', () => {
  it('the cookie holds no readable token or id; a sealed cookie restores the shopper', async () => {
    const setup = serverSetup()
    const visit = site(setup, setup.config)
    const login = await visit(undefined, '/login')
    const cookie = cookiesAfter(login.setCookies)
    const ada = setup.shopper()
    // Neither the login, the customer id nor any token the emulator issued shows in the cookie.
    for (const value of [ada.login, encodeURIComponent(ada.login), ada.customerId]) {
      expect(cookie.includes(value)).toBe(false)
    }
    const issued = setup.emulator.control.secrets().filter((secret) => secret.length > 20)
    expect(issued.some((secret) => cookie.includes(secret))).toBe(false)
    // A JWE compact serialization: header..iv.ciphertext.tag
    expect(sealedValue(setup.config, cookie)?.split('.')).toHaveLength(5)

    const before = setup.count()
    const page = await visit(cookie)
    expect(page).toMatchObject({ customerType: 'registered', customerId: ada.customerId })
    expect(page.corrupt).toEqual([])
    expect(page.setCookies).toEqual([])
    expect(setup.count()).toBe(before)
  })

  it('one byte edited: tampered, a new guest, no SLAS login', async () => {
    const setup = serverSetup()
    const visit = site(setup, setup.config)
    const cookie = cookiesAfter((await visit(undefined, '/login')).setCookies)
    const name = sessionCookieName(setup.config)
    const sealed = sealedValue(setup.config, cookie) ?? ''
    const logins = setup.count('authenticateCustomer')

    const seen = await visit(`${name}=${editOneByte(sealed)}`)
    expectDropped(seen, setup)
    expect(seen.corrupt[0]?.reason).toMatch(/seal does not verify/)
    expect(setup.count('authenticateCustomer')).toBe(logins)
  })

  it('an old-style plain JSON cookie naming another shopper: tampered, a new guest', async () => {
    const setup = serverSetup()
    const visit = site(setup, setup.config)
    const cookie = cookiesAfter((await visit(undefined, '/login')).setCookies)
    const record = await openedRecord(setup.config, cookie)
    const grace = setup.shopper(1)
    // What an attacker could do before sealing: Ada's tokens, Grace's name on them.
    const forged = { ...record, customerId: grace.customerId, loginId: grace.login }
    const name = sessionCookieName(setup.config)

    const seen = await visit(`${name}=${encodeURIComponent(JSON.stringify(forged))}`)
    expectDropped(seen, setup)
    expect(seen.corrupt[0]?.reason).toMatch(/not sealed by this server/)
    expect(seen.setCookies.some((line) => line.startsWith(`${name}=`))).toBe(true)
  })

  it('sealed with a secret this server does not have: tampered, a new guest', async () => {
    const setup = serverSetup()
    const elsewhere = site(setup, { ...setup.config, cookieSecrets: [OTHER_COOKIE_SECRET] })
    const cookie = cookiesAfter((await elsewhere(undefined, '/login')).setCookies)

    const seen = await site(setup, setup.config)(cookie)
    expectDropped(seen, setup)
    expect(seen.corrupt[0]?.reason).toMatch(/secret this server does not have/)
  })

  it("chunks of two shoppers' cookies mixed: tampered, a new guest; every chunk replaced", async () => {
    const setup = serverSetup()
    const visit = site(setup, setup.config, 200)
    const ada = cookiesAfter((await visit(undefined, '/login?n=0')).setCookies)
    const grace = cookiesAfter((await visit(undefined, '/login?n=1')).setCookies)
    const name = sessionCookieName(setup.config)
    const chunks = (cookie: string) =>
      new Map(cookie.split('; ').map((pair) => pair.split('=', 2) as [string, string]))
    const adaChunks = chunks(ada)
    const graceChunks = chunks(grace)
    expect(adaChunks.size).toBeGreaterThan(2)
    expect(graceChunks.has(`${name}.1`)).toBe(true)
    // Each half is genuine; together they are nobody's.
    adaChunks.set(`${name}.1`, graceChunks.get(`${name}.1`) ?? '')
    const mixed = [...adaChunks].map(([key, value]) => `${key}=${value}`).join('; ')

    const seen = await visit(mixed)
    expectDropped(seen, setup)
    // The browser is left with the new guest's cookies only.
    const after = cookiesAfter(seen.setCookies, mixed)
    const record = await openedRecord(setup.config, after)
    expect(record?.customerType).toBe('guest')
  })

  it("another cookie's sealed value under this cookie's name does not open", async () => {
    const setup = serverSetup()
    const other = { ...setup.config, storageKeyPrefix: 'other-site' }
    const cookie = cookiesAfter((await site(setup, other)(undefined, '/login')).setCookies)
    const value = cookie.slice(cookie.indexOf('=') + 1)
    expect(cookie.startsWith(`${sessionCookieName(other)}=`)).toBe(true)

    const seen = await site(setup, setup.config)(`${sessionCookieName(setup.config)}=${value}`)
    expectDropped(seen, setup)
    expect(seen.corrupt[0]?.reason).toMatch(/seal does not verify/)
  })
})

describe('secret rotation', () => {
  it('secrets [new, old]: the shopper stays, no login; the cookie is resealed with the new one', async () => {
    const setup = serverSetup()
    const old = { ...setup.config, cookieSecrets: [OTHER_COOKIE_SECRET] }
    const rotated = { ...setup.config, cookieSecrets: [COOKIE_SECRET, OTHER_COOKIE_SECRET] }
    const cookie = cookiesAfter((await site(setup, old)(undefined, '/login')).setCookies)
    const ada = setup.shopper()
    const before = setup.count()

    const seen = await site(setup, rotated)(cookie)
    expect(seen).toMatchObject({ customerType: 'registered', customerId: ada.customerId })
    expect(seen.corrupt).toEqual([])
    expect(setup.count()).toBe(before) // no login, no refresh, not even a JWKS fetch
    expect(seen.setCookies).toHaveLength(1)
    const resealed = cookiesAfter(seen.setCookies, cookie)
    // The new cookie opens with the new secret alone, and no longer with the old one.
    expect((await openedRecord(setup.config, resealed, [COOKIE_SECRET]))?.customerId).toBe(
      ada.customerId,
    )
    await expectCode(openedRecord(setup.config, resealed, [OTHER_COOKIE_SECRET]), 'tampered')

    // Once the old secret is gone, the resealed cookie still restores Ada, with nothing to write.
    const after = await site(setup, setup.config)(resealed)
    expect(after).toMatchObject({ customerType: 'registered', customerId: ada.customerId })
    expect(after.setCookies).toEqual([])
  })

  it('the first secret seals: two secrets in either order open each other’s cookies', async () => {
    const key = 'shopper-session:f_ecom_zzte_001:RefArch:client'
    const both = cookieSealer([COOKIE_SECRET, OTHER_COOKIE_SECRET])
    const reversed = cookieSealer([OTHER_COOKIE_SECRET, COOKIE_SECRET])
    const sealed = await both.seal(key, 'record')
    expect(await reversed.open(key, sealed)).toEqual({ value: 'record', current: false })
    expect(await both.open(key, sealed)).toEqual({ value: 'record', current: true })
  })
})
