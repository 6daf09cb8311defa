/**
 * The PWA Kit importer: reading commerce-sdk-react's cookies and localStorage, writing our record,
 * clearing PWA Kit's data, and end to end: a session that commerce-sdk-isomorphic started on the
 * emulator, stored the way PWA Kit stores it, carries on in `createShopperSession` with the same
 * shopper.
 */
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { createInProcessCoordination } from '../../adapters/coordination/inProcess.ts'
import { createMemoryStorage } from '../../adapters/storage/memory.ts'
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import { LOCKS } from '../../src/actors.ts'
import {
  importPwaKitSession,
  migratePwaKitSession,
  PWA_KIT_PENDING,
  type PwaKitImport,
  type PwaKitImported,
  type PwaKitLocalStorage,
} from '../../src/migrate/pwaKit.ts'
import { createSessionStore, storageKey } from '../../src/session/store.ts'
import { createSessionHarness } from '../session/harness.ts'

// Its ESM build (5.6.0) calls `require` at load time, which fails in an ES module: load the
// CommonJS build.
const csi = createRequire(import.meta.url)(
  'commerce-sdk-isomorphic',
) as typeof import('commerce-sdk-isomorphic')

type TokenResponse = Awaited<ReturnType<typeof csi.helpers.loginGuestUser>>

const SITE = 'RefArch'
const NOW = 1_700_000_000_000
const DAY_MS = 24 * 3600 * 1000
const REFRESH = 'rt1_abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const REFRESH_GUEST = 'rtg_abcdefghijklmnopqrstuvwxyz.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const USID = '0b5d5a52-7f4c-4a43-9a6a-3c2f0e3f6b11'
const OTHER_USID = '9e1f0d84-1c2b-4d5e-8f90-123456789abc'
const REGISTERED_ID = 'abMbwXmrIXlHkRlrEYlqYYkuE0'
const GUEST_ID = 'bcLHaVxrbYkXhRxrkUmbYYlrdV'

/** A SLAS-shaped JWT (unsigned: the importer only reads claims). */
function jwt(claims: { type: 'guest' | 'registered'; usid?: string; site?: string }): string {
  const chid = `chid:${claims.site ?? SITE}`
  const isb =
    claims.type === 'guest'
      ? `uido:slas::upn:Guest::uidn:Guest User::gcid:${GUEST_ID}::${chid}`
      : `uido:ecom::upn:ada@example.com::uidn:Ada::gcid:${GUEST_ID}::rcid:${REGISTERED_ID}::${chid}`
  const payload = {
    sub: `cc-slas::zzrf_001::scid:client::usid:${claims.usid ?? USID}`,
    isb,
    iat: 1_000,
    exp: 2_800,
  }
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'ES256', typ: 'jwt' })}.${part(payload)}.c2lnbmF0dXJl`
}

/** A Storage-like map with a log of removals. */
function fakeLocalStorage(entries: Record<string, string> = {}): PwaKitLocalStorage & {
  map: Map<string, string>
} {
  const map = new Map(Object.entries(entries))
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    removeItem: (key) => {
      map.delete(key)
    },
  }
}

function imported(result: PwaKitImport): PwaKitImported {
  if (!result.ok) throw new Error(`expected an import, got ${result.reason}: ${result.message}`)
  return result
}

const read = (
  cookies: string | null | undefined,
  extra: { localStorage?: PwaKitLocalStorage } = {},
) => importPwaKitSession({ cookies, siteId: SITE, now: () => NOW, ...extra })

describe('importPwaKitSession: cookies', () => {
  it('imports a registered session with an expired placeholder access token', () => {
    const result = imported(read(`cc-nx_${SITE}=${REFRESH}; usid_${SITE}=${USID}`))
    expect(result.refreshCookie).toBe(`cc-nx_${SITE}`)
    expect(result.identity).toBe('pending')
    expect(result.tokens).toEqual({
      accessToken: PWA_KIT_PENDING,
      refreshToken: REFRESH,
      customerType: 'registered',
      customerId: PWA_KIT_PENDING,
      usid: USID,
      accessExpiresAt: 0,
      refreshExpiresAt: NOW + 90 * DAY_MS,
    })
  })

  it('imports a guest session (30-day upper bound for the refresh token)', () => {
    const result = imported(read(`usid_${SITE}=${USID}; cc-nx-g_${SITE}=${REFRESH_GUEST}`))
    expect(result.tokens).toMatchObject({
      refreshToken: REFRESH_GUEST,
      customerType: 'guest',
      usid: USID,
      refreshExpiresAt: NOW + 30 * DAY_MS,
    })
  })

  it('prefers the registered cookie when both are present', () => {
    const result = imported(read(`cc-nx-g_${SITE}=${REFRESH_GUEST}; cc-nx_${SITE}=${REFRESH}`))
    expect(result.tokens).toMatchObject({ refreshToken: REFRESH, customerType: 'registered' })
  })

  it('reads the unsuffixed names of older PWA Kit releases, after the suffixed ones', () => {
    const old = imported(read(`cc-nx-g=${REFRESH_GUEST}; usid=${USID}`))
    expect(old.refreshCookie).toBe('cc-nx-g')
    expect(old.tokens).toMatchObject({ customerType: 'guest', usid: USID })
    // The suffixed guest cookie wins over an unsuffixed registered leftover.
    const both = imported(
      read(`cc-nx=${REFRESH}; cc-nx-g_${SITE}=${REFRESH_GUEST}; usid=${OTHER_USID}`),
    )
    expect(both.refreshCookie).toBe(`cc-nx-g_${SITE}`)
    // The usid comes from the same generation of names as the refresh token.
    expect(both.tokens.usid).toBe(PWA_KIT_PENDING)
  })

  it("ignores other sites' cookies", () => {
    const others = [
      `cc-nx_RefArchGlobal=${REFRESH}`,
      `usid_RefArchGlobal=${USID}`,
      `cc-nx-g_Ref=${REFRESH}`,
    ].join('; ')
    expect(read(others)).toMatchObject({ ok: false, reason: 'no_session' })
    const mixed = imported(read(`${others}; cc-nx-g_${SITE}=${REFRESH_GUEST}`))
    expect(mixed.tokens).toMatchObject({ refreshToken: REFRESH_GUEST, customerType: 'guest' })
    expect(mixed.tokens.usid).toBe(PWA_KIT_PENDING)
  })

  it('decodes URL-encoded and quoted values', () => {
    const raw = 'abc+def/ghi=jkl_0123456789'
    const cookies = `cc-nx_${SITE}=${encodeURIComponent(raw)}; usid_${SITE}="${USID}"`
    const result = imported(read(cookies))
    expect(result.tokens.refreshToken).toBe(raw)
    expect(result.tokens.usid).toBe(USID)
  })

  it.each([
    ['no cookie header', undefined, 'no_session'],
    ['null', null, 'no_session'],
    ['an empty header', '', 'no_session'],
    ['separators only', ';;; =; ==x; ;', 'no_session'],
    ['the literal undefined', `cc-nx_${SITE}=undefined`, 'malformed'],
    ['an empty value', `cc-nx_${SITE}=`, 'malformed'],
    ['broken percent-encoding', `cc-nx_${SITE}=${REFRESH}%E0%A4%A`, 'malformed'],
    ['spaces inside the token', `cc-nx_${SITE}=${encodeURIComponent(`${REFRESH} x`)}`, 'malformed'],
    ['a truncated token', `cc-nx_${SITE}=abc123`, 'malformed'],
  ] as const)('imports nothing from %s', (_case, cookies, reason) => {
    const result = read(cookies)
    expect(result).toMatchObject({ ok: false, reason })
    if (!result.ok) expect(result.message).not.toContain(REFRESH)
  })

  it('never throws on input of the wrong type', () => {
    const bad = importPwaKitSession({ cookies: 42 as unknown as string, siteId: SITE })
    expect(bad).toMatchObject({ ok: false, reason: 'no_session' })
    for (const siteId of ['', 'Ref Arch', 'a;b', undefined as unknown as string]) {
      expect(importPwaKitSession({ cookies: `cc-nx_${SITE}=${REFRESH}`, siteId })).toMatchObject({
        ok: false,
        reason: 'invalid_input',
      })
    }
    const throwingClock = () => {
      throw new Error('clock')
    }
    const cookies = `cc-nx_${SITE}=${REFRESH}`
    expect(importPwaKitSession({ cookies, siteId: SITE, now: throwingClock })).toMatchObject({
      ok: false,
      reason: 'invalid_input',
    })
  })

  it('falls back to a valid guest cookie when the registered one is garbled', () => {
    const result = imported(read(`cc-nx_${SITE}=%%%; cc-nx-g_${SITE}=${REFRESH_GUEST}`))
    expect(result.tokens.customerType).toBe('guest')
  })

  it('drops a usid cookie that is not a usid', () => {
    const result = imported(read(`cc-nx_${SITE}=${REFRESH}; usid_${SITE}=not-a-usid`))
    expect(result.tokens.usid).toBe(PWA_KIT_PENDING)
    expect(result.notes).toEqual([`usid_${SITE} is not a usid`])
  })

  it('produces a record the session store accepts', async () => {
    const storage = createMemoryStorage()
    const store = createSessionStore(storage, 'k')
    const { tokens } = imported(read(`cc-nx_${SITE}=${REFRESH}`))
    await store.write({ ...tokens, refreshInMs: 0, expiresInMs: 0 })
    expect(await store.read(NOW)).toEqual({ kind: 'session', tokens })
  })
})

describe('importPwaKitSession: localStorage', () => {
  const cookies = `cc-nx_${SITE}=${REFRESH}; usid_${SITE}=${USID}`
  const registeredKeys = (overrides: Record<string, string> = {}) => ({
    [`access_token_${SITE}`]: jwt({ type: 'registered' }),
    [`customer_id_${SITE}`]: REGISTERED_ID,
    [`customer_type_${SITE}`]: 'registered',
    [`expires_in_${SITE}`]: '1800',
    [`refresh_token_expires_in_${SITE}`]: '7776000',
    [`cc-nx_${SITE}`]: REFRESH,
    ...overrides,
  })

  it('takes customer id and login from the access token when it matches the cookies', () => {
    const result = imported(read(cookies, { localStorage: fakeLocalStorage(registeredKeys()) }))
    expect(result.identity).toBe('localStorage')
    expect(result.tokens).toMatchObject({
      customerId: REGISTERED_ID,
      loginId: 'ada@example.com',
      usid: USID,
      // Still not imported: PWA Kit never recorded when the token arrived.
      accessToken: PWA_KIT_PENDING,
      accessExpiresAt: 0,
    })
    expect(result.notes).toEqual([])
  })

  it('takes the usid from the access token when there is no usid cookie', () => {
    const result = imported(
      read(`cc-nx_${SITE}=${REFRESH}`, { localStorage: fakeLocalStorage(registeredKeys()) }),
    )
    expect(result.tokens.usid).toBe(USID)
  })

  it('uses customer_id and customer_type when there is no access token', () => {
    const localStorage = fakeLocalStorage(registeredKeys())
    localStorage.map.delete(`access_token_${SITE}`)
    const result = imported(read(cookies, { localStorage }))
    expect(result.tokens).toMatchObject({ customerId: REGISTERED_ID, customerType: 'registered' })
    expect(result.tokens.loginId).toBeUndefined()
  })

  it.each([
    ['a refresh token copy of another session', { [`cc-nx_${SITE}`]: REFRESH_GUEST }],
    ['a guest access token', { [`access_token_${SITE}`]: jwt({ type: 'guest' }) }],
    [
      'an access token of another usid',
      { [`access_token_${SITE}`]: jwt({ type: 'registered', usid: OTHER_USID }) },
    ],
    [
      'an access token of another site',
      { [`access_token_${SITE}`]: jwt({ type: 'registered', site: 'Other' }) },
    ],
    ['an access token that is no JWT', { [`access_token_${SITE}`]: 'garbage' }],
  ])('ignores localStorage holding %s', (_case, overrides) => {
    const localStorage = fakeLocalStorage(registeredKeys(overrides))
    const result = imported(read(cookies, { localStorage }))
    expect(result.identity).toBe('pending')
    expect(result.tokens.customerId).toBe(PWA_KIT_PENDING)
    expect(result.tokens.refreshToken).toBe(REFRESH)
    expect(result.notes).toHaveLength(1)
    expect(result.notes.join()).not.toContain(REFRESH)
  })

  it('survives a localStorage that throws', () => {
    const throwing: PwaKitLocalStorage = {
      getItem() {
        throw new Error('SecurityError')
      },
    }
    const result = imported(read(cookies, { localStorage: throwing }))
    expect(result.identity).toBe('pending')
  })
})

describe('migratePwaKitSession', () => {
  const target = { organizationId: 'f_ecom_zzte_001', siteId: SITE, clientId: 'client-1' }
  const key = storageKey('shopper-session', target.organizationId, SITE, target.clientId)
  const cookies = [
    `cc-nx_${SITE}=${REFRESH}`,
    `usid_${SITE}=${USID}`,
    `cc-nx-g=${REFRESH_GUEST}`,
    'dw_dnt=0',
  ].join('; ')

  it('writes the record under the session key when there is none', async () => {
    const storage = createMemoryStorage()
    const result = await migratePwaKitSession(storage, target, { cookies, now: () => NOW })
    expect(result).toEqual({
      outcome: 'migrated',
      customerType: 'registered',
      identity: 'pending',
      expiredCookies: [],
      removedKeys: [],
    })
    const found = await createSessionStore(storage, key).read(NOW)
    expect(found).toMatchObject({ kind: 'session', tokens: { refreshToken: REFRESH, usid: USID } })
  })

  it('leaves an existing session alone', async () => {
    const storage = createMemoryStorage()
    await migratePwaKitSession(storage, target, { cookies: `cc-nx-g_${SITE}=${REFRESH_GUEST}` })
    const before = storage.get(key)
    const result = await migratePwaKitSession(storage, target, { cookies })
    expect(result.outcome).toBe('existing')
    expect(storage.get(key)).toBe(before)
  })

  it('replaces an unreadable record', async () => {
    const storage = createMemoryStorage({ [key]: '{not json' })
    const result = await migratePwaKitSession(storage, target, { cookies })
    expect(result.outcome).toBe('migrated')
  })

  it('clears PWA Kit cookies and keys only when asked, with the same names and path', async () => {
    const local = fakeLocalStorage({
      [`access_token_${SITE}`]: 'x.y.z',
      [`customer_id_${SITE}`]: REGISTERED_ID,
      [`cc-nx_${SITE}`]: REFRESH,
      [`dw_dnt`]: '1',
      [`access_token_Other`]: 'kept',
    })
    const kept = await migratePwaKitSession(createMemoryStorage(), target, {
      cookies,
      localStorage: local,
    })
    expect(kept).toMatchObject({ expiredCookies: [], removedKeys: [] })
    expect(local.map.size).toBe(5)

    const written: string[] = []
    const result = await migratePwaKitSession(createMemoryStorage(), target, {
      cookies,
      localStorage: local,
      clear: true,
      cookieDomain: '.example.com',
      writeCookie: (cookie) => written.push(cookie),
    })
    const epoch = 'Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0'
    const expired = (name: string) =>
      `${name}=; Path=/; Domain=.example.com; ${epoch}; SameSite=Lax`
    // The unsuffixed guest cookie was not the source: it may belong to another site and stays.
    expect(result.expiredCookies).toEqual([expired(`cc-nx_${SITE}`), expired(`usid_${SITE}`)])
    expect(written).toEqual(result.expiredCookies)
    expect(result.removedKeys.sort()).toEqual(
      [`access_token_${SITE}`, `cc-nx_${SITE}`, `customer_id_${SITE}`].sort(),
    )
    expect([...local.map.keys()].sort()).toEqual(['access_token_Other', 'dw_dnt'])
  })

  it('clears the unsuffixed names when they were the source', async () => {
    const result = await migratePwaKitSession(createMemoryStorage(), target, {
      cookies: `cc-nx-g=${REFRESH_GUEST}; usid=${USID}`,
      clear: true,
    })
    expect(result.expiredCookies.map((cookie) => cookie.split('=')[0])).toEqual(['cc-nx-g', 'usid'])
  })

  it('clears nothing and reports when the storage fails', async () => {
    const failing: StorageAdapter = {
      get: () => null,
      set: () => {
        throw new Error('quota exceeded')
      },
      remove: () => undefined,
    }
    const written: string[] = []
    const result = await migratePwaKitSession(failing, target, {
      cookies,
      clear: true,
      writeCookie: (cookie) => written.push(cookie),
    })
    expect(result).toMatchObject({
      outcome: 'skipped',
      reason: 'storage_failed',
      expiredCookies: [],
    })
    expect(written).toEqual([])
  })

  it('reports why nothing was found, and never clears what it could not read', async () => {
    const storage = createMemoryStorage()
    const result = await migratePwaKitSession(storage, target, {
      cookies: `cc-nx_${SITE}=undefined`,
      clear: true,
    })
    expect(result).toMatchObject({ outcome: 'skipped', reason: 'malformed', expiredCookies: [] })
    expect(storage.keys()).toEqual([])
    const bad = await migratePwaKitSession(storage, { ...target, clientId: '' }, { cookies })
    expect(bad).toMatchObject({ outcome: 'skipped', reason: 'invalid_input' })
  })

  it("writes under the session's own lock and tells the other sessions", async () => {
    const coordination = createInProcessCoordination()
    const locks: string[] = []
    const notices: string[] = []
    coordination.subscribe((message) => notices.push(message.key))
    const spy = {
      ...coordination,
      lock: <T>(name: string, task: () => Promise<T>) => {
        locks.push(name)
        return coordination.lock(name, task)
      },
    }
    const storage = createMemoryStorage()
    await migratePwaKitSession(storage, { ...target, coordination: spy }, { cookies })
    expect(locks).toEqual([`${LOCKS.session}:${key}`])
    expect(notices).toEqual([key])
  })
})

describe('migrating a PWA Kit session on the emulator', () => {
  let harness: ReturnType<typeof createSessionHarness>
  afterEach(() => harness?.stopAll())

  /** commerce-sdk-isomorphic's ShopperLogin, its `proxy` pointed at the in-process emulator. */
  function shopperLogin() {
    const { baseUrl, organizationId, shortCode, clients } = harness.emulator.settings
    return new csi.ShopperLogin({
      proxy: baseUrl,
      parameters: { clientId: clients.public.clientId, organizationId, shortCode, siteId: SITE },
      fetch: harness.emulator.fetch as ConstructorParameters<typeof csi.ShopperLogin>[0]['fetch'],
      throwOnBadResponse: true,
    })
  }

  /** What commerce-sdk-react's `handleTokenResponse` stores, in a browser. */
  function storeAsPwaKit(response: TokenResponse, isGuest: boolean) {
    const refreshName = isGuest ? 'cc-nx-g' : 'cc-nx'
    const cookies = [
      `${refreshName}_${SITE}=${encodeURIComponent(response.refresh_token)}`,
      `usid_${SITE}=${response.usid}`,
      'dw_dnt=0',
    ].join('; ')
    const localStorage = fakeLocalStorage({
      [`access_token_${SITE}`]: response.access_token,
      [`customer_id_${SITE}`]: response.customer_id,
      [`enc_user_id_${SITE}`]: response.enc_user_id,
      [`expires_in_${SITE}`]: `${response.expires_in}`,
      [`id_token_${SITE}`]: response.id_token,
      [`token_type_${SITE}`]: response.token_type,
      [`customer_type_${SITE}`]: isGuest ? 'guest' : 'registered',
      [`refresh_token_expires_in_${SITE}`]: `${response.refresh_token_expires_in}`,
      [`${refreshName}_${SITE}`]: response.refresh_token,
    })
    return { cookies, localStorage }
  }

  async function pwaKitLogin() {
    const slasClient = shopperLogin()
    const redirectURI = harness.emulator.settings.redirectURI
    const guest = await csi.helpers.loginGuestUser({ slasClient, parameters: { redirectURI } })
    const ada = harness.emulator.settings.shoppers[0]
    if (!ada) throw new Error('no seeded shopper')
    const registered = await csi.helpers.loginRegisteredUserB2C({
      slasClient,
      credentials: { username: ada.login, password: ada.password },
      parameters: { redirectURI, usid: guest.usid },
    })
    return { slasClient, guest, registered }
  }

  async function expectSpent(slasClient: ReturnType<typeof shopperLogin>, refreshToken: string) {
    const refused = await csi.helpers
      .refreshAccessToken({ slasClient, parameters: { refreshToken } })
      .then(
        () => undefined,
        (error: { response?: Response }) => error.response?.status,
      )
    expect(refused).toBe(400)
  }

  it('a registered shopper stays logged in, and PWA Kit refresh token is then spent', async () => {
    harness = createSessionHarness()
    const { slasClient, registered } = await pwaKitLogin()
    const pwaKit = storeAsPwaKit(registered, false)
    const written: string[] = []
    const migration = await migratePwaKitSession(harness.storage, harness.config, {
      ...pwaKit,
      clear: true,
      writeCookie: (cookie) => written.push(cookie),
    })
    expect(migration).toMatchObject({
      outcome: 'migrated',
      customerType: 'registered',
      identity: 'localStorage',
    })
    expect(written.map((cookie) => cookie.split('=')[0])).toEqual([`cc-nx_${SITE}`, `usid_${SITE}`])
    expect(pwaKit.localStorage.map.size).toBe(0)

    const refreshesBefore = harness.count('getAccessToken')
    const session = harness.session()
    await session.ready()
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getShopper()).toEqual({
      kind: 'registered',
      customerId: registered.customer_id,
      usid: registered.usid,
      loginId: 'ada@example.com',
    })
    // No access token was imported: no token set to hand out until the first refresh.
    expect(session.getTokens()).toBeUndefined()

    const accessToken = await session.getAccessToken()
    expect(accessToken).not.toBe(PWA_KIT_PENDING)
    expect(accessToken).not.toBe(registered.access_token)
    expect(await session.getAccessToken()).toBe(accessToken)
    expect(harness.count('getAccessToken') - refreshesBefore).toBe(1)
    expect(session.getTokens()).toMatchObject({
      customerId: registered.customer_id,
      usid: registered.usid,
    })
    expect(session.getSnapshot().hasTag('registered')).toBe(true)

    await expectSpent(slasClient, registered.refresh_token)
  })

  it('cookies alone (a server) carry a guest over; the refresh fills in the id', async () => {
    harness = createSessionHarness()
    const slasClient = shopperLogin()
    const redirectURI = harness.emulator.settings.redirectURI
    const guest = await csi.helpers.loginGuestUser({ slasClient, parameters: { redirectURI } })
    const { cookies } = storeAsPwaKit(guest, true)
    const migration = await migratePwaKitSession(harness.storage, harness.config, { cookies })
    expect(migration).toMatchObject({
      outcome: 'migrated',
      customerType: 'guest',
      identity: 'pending',
    })

    const refreshesBefore = harness.count('getAccessToken')
    const session = harness.session()
    await session.ready()
    // Unknown until the refresh: reported as unknown, never as a placeholder id.
    expect(session.getShopper()).toEqual({
      kind: 'guest',
      customerId: undefined,
      loginId: undefined,
      usid: guest.usid, // the usid cookie
    })
    await session.getAccessToken()
    expect(session.getShopper()).toMatchObject({ customerId: guest.customer_id, usid: guest.usid })
    expect(harness.count('getAccessToken') - refreshesBefore).toBe(1)
    expect(harness.count('authorizeCustomer')).toBe(1) // PWA Kit's guest login, none since
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(session.getTokens()).toMatchObject({ customerId: guest.customer_id, usid: guest.usid })

    await expectSpent(slasClient, guest.refresh_token)
  })

  it('a registered shopper from cookies alone stays registered through the refresh', async () => {
    harness = createSessionHarness()
    const { registered } = await pwaKitLogin()
    const { cookies } = storeAsPwaKit(registered, false)
    await migratePwaKitSession(harness.storage, harness.config, { cookies })
    const session = harness.session()
    await session.ready()
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    await session.getAccessToken()
    expect(session.getTokens()).toMatchObject({
      customerType: 'registered',
      customerId: registered.customer_id,
    })
    // Cookies carry no login, and the session reads none from tokens: the next login brings it.
    expect(session.getTokens()?.loginId).toBeUndefined()
  })
})
