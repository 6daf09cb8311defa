/**
 * The session record: what a read finds (session, none, corrupt with its reason) and the guards
 * that keep a late refresh or logout from touching another session's record.
 */
import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../../adapters/storage/memory.ts'
import { createSessionStore, storageKey } from '../../src/session/store.ts'
import { measure, type StoredTokens } from '../../src/session/tokens.ts'

const NOW = 1_700_000_000_000
const KEY = storageKey('shopper-session', 'f_ecom_zzxy_prd', 'RefArch', 'client')

function tokens(refreshToken: string, refreshExpiresAt = NOW + 60_000): StoredTokens {
  return {
    accessToken: 'access',
    refreshToken,
    customerType: 'registered',
    customerId: 'rcid',
    usid: 'usid',
    loginId: 'jane@example.com',
    accessExpiresAt: NOW + 30_000,
    refreshExpiresAt,
  }
}

type Storage = ReturnType<typeof createMemoryStorage>

/** The stored record, parsed. */
async function record(storage: Storage): Promise<Record<string, unknown>> {
  return JSON.parse((await storage.get(KEY)) ?? '')
}

function setup(raw?: string) {
  const storage = createMemoryStorage(raw === undefined ? {} : { [KEY]: raw })
  return { storage, store: createSessionStore(storage, KEY) }
}

describe('session store', () => {
  it('keys the record by prefix, organization, site and client', () => {
    expect(KEY).toBe('shopper-session:f_ecom_zzxy_prd:RefArch:client')
  })

  it('writes a versioned record and reads the tokens back without the version', async () => {
    const { storage, store } = setup()
    await store.write(measure(tokens('r1'), NOW, 0))
    expect(await record(storage)).toEqual({ v: 1, ...tokens('r1') })
    expect(await store.read(NOW)).toEqual({ kind: 'session', tokens: tokens('r1') })
  })

  it('reads only the fields it knows (nothing else in a record reaches the session)', async () => {
    const { store } = setup(JSON.stringify({ v: 1, ...tokens('r1'), extra: 'x' }))
    const read = await store.read(NOW)
    expect(read).toEqual({ kind: 'session', tokens: tokens('r1') })
    expect(read.kind === 'session' && Object.keys(read.tokens)).not.toContain('extra')
  })

  it('finds nothing in an empty storage and leaves it alone', async () => {
    const { storage, store } = setup()
    expect(await store.read(NOW)).toEqual({ kind: 'none' })
    expect(storage.keys()).toEqual([])
  })

  it('removes an expired session and reports none', async () => {
    const { storage, store } = setup(JSON.stringify({ v: 1, ...tokens('r1', NOW) }))
    expect(await store.read(NOW)).toEqual({ kind: 'none' })
    expect(storage.get(KEY)).toBeUndefined()
  })

  it.each([
    ['{"v":1', 'the stored session is not JSON'],
    ['42', 'the stored session is invalid ((record))'],
    ['[]', 'the stored session is invalid ((record))'],
    ['null', 'the stored session is invalid ((record))'],
    [
      JSON.stringify({ ...tokens('r1'), v: 1, loginId: 7 }),
      'the stored session is invalid (loginId)',
    ],
    [
      JSON.stringify({ ...tokens('r1'), v: 1, customerType: 'admin', accessLifetimeMs: -1 }),
      'the stored session is invalid (customerType, accessLifetimeMs)',
    ],
    [JSON.stringify({ ...tokens('r1'), v: 2 }), 'the stored session is invalid (v)'],
    [
      JSON.stringify({ v: 1, ...tokens('r1'), accessExpiresAt: 'x', usid: '' }),
      'the stored session is invalid (usid, accessExpiresAt)',
    ],
  ])('removes corrupt data %s and names why', async (raw, reason) => {
    const { storage, store } = setup(raw)
    expect(await store.read(NOW)).toEqual({ kind: 'corrupt', reason })
    expect(storage.get(KEY)).toBeUndefined()
  })

  it('replaces only the session of the given refresh token (or none, or corrupt data)', async () => {
    const { storage, store } = setup(JSON.stringify({ v: 1, ...tokens('r1') }))
    expect(await store.replace('r0', measure(tokens('r2'), NOW, 0))).toBe(false)
    expect((await record(storage)).refreshToken).toBe('r1')
    expect(await store.replace('r1', measure(tokens('r2'), NOW, 0))).toBe(true)
    expect((await record(storage)).refreshToken).toBe('r2')
    storage.set(KEY, 'corrupt')
    expect(await store.replace('r9', measure(tokens('r3'), NOW, 0))).toBe(true)
    storage.remove(KEY)
    expect(await store.replace('r9', measure(tokens('r4'), NOW, 0))).toBe(true)
    expect((await record(storage)).refreshToken).toBe('r4')
  })

  it('removes only the session of the given refresh token, or always without one', async () => {
    const { storage, store } = setup(JSON.stringify({ v: 1, ...tokens('r1') }))
    await store.remove('r0')
    expect(storage.get(KEY)).toBeDefined()
    await store.remove('r1')
    expect(storage.get(KEY)).toBeUndefined()
    storage.set(KEY, JSON.stringify({ v: 1, ...tokens('r1') }))
    await store.remove()
    expect(storage.get(KEY)).toBeUndefined()
    storage.set(KEY, 'corrupt')
    await store.remove('r0')
    expect(storage.get(KEY)).toBeUndefined()
  })
})
