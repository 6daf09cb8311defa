/**
 * What the browser storage adapters add to the contract, checked browser-free on stand-ins: the
 * sessionStorage split that keeps refresh tokens out of storage, cookie chunks and attributes,
 * and option checks. Chromium runs the real APIs in test/e2e/storage.spec.ts.
 */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { createCookieStorage } from '../../../adapters/storage/cookie.ts'
import { createLocalStorage } from '../../../adapters/storage/localStorage.ts'
import { createSessionStorage } from '../../../adapters/storage/sessionStorage.ts'
import type { StorageAdapter } from '../../../adapters/storage/types.ts'
import { sessionLikeRecord, storageContract } from './contract.ts'
import { fakeCookieJar, fakeWebStorage } from './fakes.ts'

const KEY = 'shopper-session:f_ecom_zzte_001:RefArch:client-1'

describe('the contract itself', () => {
  it('fails an adapter that loses data (each case can fail)', async () => {
    const map = new Map<string, string>()
    const lossy: StorageAdapter = {
      get: (key) => map.get(key)?.slice(1),
      set: (key, value) => void map.set(key, value),
      remove: (key) => void map.delete(key),
    }
    const outcomes = await Promise.all(
      storageContract.map((contractCase) =>
        contractCase
          .run(() => lossy)
          .then(
            () => 'passed',
            () => 'failed',
          ),
      ),
    )
    expect(outcomes.filter((outcome) => outcome === 'failed').length).toBeGreaterThanOrEqual(7)
  })
})

describe('factories outside a browser', () => {
  it('throw a TypeError naming the missing Web API', () => {
    expect(() => createLocalStorage()).toThrow(
      /localStorage: window\.localStorage is not available/,
    )
    expect(() => createSessionStorage()).toThrow(TypeError)
    expect(() => createCookieStorage()).toThrow(/document\.cookie is not available/)
  })

  it('reject malformed options', () => {
    expect(() => createLocalStorage({ storage: {} as never })).toThrow(TypeError)
    expect(() => createSessionStorage({ allowRefreshToken: 'yes' as never })).toThrow(TypeError)
    const document = fakeCookieJar()
    for (const options of [
      { chunkSize: 50 },
      { maxAgeSeconds: 0 },
      { path: 'x' },
      { sameSite: 'None' },
      { secure: 1 },
    ]) {
      expect(() => createCookieStorage({ document, ...(options as object) })).toThrow(RangeError)
    }
  })
})

describe('sessionStorage: the refresh token stays out of storage', () => {
  const record = sessionLikeRecord(1500)
  const refreshToken = (JSON.parse(record) as { refreshToken: string }).refreshToken

  it('stores the record with refreshToken null and reads the whole record back', () => {
    const storage = fakeWebStorage()
    const adapter = createSessionStorage({ storage })
    adapter.set(KEY, record)
    const stored = storage.entries.get(KEY) ?? ''
    expect(stored.includes(refreshToken)).toBe(false)
    expect(JSON.parse(stored)).toMatchObject({ v: 1, refreshToken: null })
    expect(adapter.get(KEY) === record).toBe(true)
    expect(createSessionStorage({ storage }).get(KEY) === record).toBe(true) // same page, shared
  })

  it('a copy of the storage (a duplicated tab) reads no session', () => {
    const storage = fakeWebStorage()
    createSessionStorage({ storage }).set(KEY, record)
    const copy = fakeWebStorage()
    for (const [key, value] of storage.entries) copy.setItem(key, value)
    expect(createSessionStorage({ storage: copy }).get(KEY)).toBeNull()
  })

  it('a waiting hand-off is taken back at creation and leaves storage', () => {
    const storage = fakeWebStorage()
    const stripped = JSON.stringify({ ...(JSON.parse(record) as object), refreshToken: null })
    storage.setItem(KEY, stripped)
    storage.setItem(`shopper-session-handoff|${KEY}`, refreshToken)
    const adapter = createSessionStorage({ storage })
    expect([...storage.entries.keys()]).toEqual([KEY])
    expect(adapter.get(KEY) === record).toBe(true)
  })

  it('values without a refresh token are stored as they are; remove clears everything', () => {
    const storage = fakeWebStorage()
    const adapter = createSessionStorage({ storage })
    adapter.set('plain', '{"refreshToken":42}')
    expect(storage.entries.get('plain')).toBe('{"refreshToken":42}')
    adapter.set(KEY, record)
    adapter.remove(KEY)
    expect(adapter.get(KEY)).toBeNull()
    expect(storage.entries.has(KEY)).toBe(false)
  })

  it('a whole record found in storage is read once, then its token leaves storage', () => {
    const storage = fakeWebStorage()
    storage.setItem(KEY, record)
    const adapter = createSessionStorage({ storage })
    expect(adapter.get(KEY) === record).toBe(true)
    expect((storage.entries.get(KEY) ?? '').includes(refreshToken)).toBe(false)
    expect(adapter.get(KEY) === record).toBe(true)
  })

  it('allowRefreshToken: true stores records as they are', () => {
    const storage = fakeWebStorage()
    createSessionStorage({ storage, allowRefreshToken: true }).set(KEY, record)
    expect(storage.entries.get(KEY) === record).toBe(true)
  })
})

describe('cookie', () => {
  const NAME = 'shopper-session%3Af_ecom_zzte_001%3ARefArch%3Aclient-1'

  it('writes Secure, SameSite=Lax, Path=/ and Max-Age by default, with an encoded name', () => {
    const document = fakeCookieJar()
    createCookieStorage({ document }).set(KEY, 'a; b')
    expect(document.written).toEqual([
      `${NAME}=a%3B%20b; Path=/; Secure; SameSite=Lax; Max-Age=7776000`,
    ])
  })

  it('splits above chunkSize, reassembles, and removes stale chunks when the value shrinks', () => {
    const document = fakeCookieJar()
    const adapter = createCookieStorage({
      document,
      chunkSize: 1000,
      secure: false,
      sameSite: 'Strict',
    })
    const large = sessionLikeRecord(2500)
    adapter.set(KEY, large)
    expect(document.names()).toEqual([`${NAME}.0`, `${NAME}.1`, `${NAME}.2`])
    expect(adapter.get(KEY) === large).toBe(true)
    expect(
      document.written.every((line) => line.includes('; Path=/; SameSite=Strict; Max-Age=')),
    ).toBe(true)
    adapter.set(KEY, 'small')
    expect(document.names()).toEqual([NAME])
    adapter.remove(KEY)
    expect(document.names()).toEqual([])
  })

  it('throws and leaves nothing behind when the browser refuses a cookie', () => {
    const document = fakeCookieJar(2000)
    const adapter = createCookieStorage({ document, chunkSize: 3000 })
    expect(() => adapter.set(KEY, sessionLikeRecord(6000))).toThrow(/did not keep/)
    expect(document.names()).toEqual([])
  })
})

describe('browser adapter entries', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url))

  it.each(['localStorage', 'sessionStorage', 'cookie'])(
    '%s bundles for the browser with nothing but itself and its helpers',
    async (name) => {
      // platform browser without externals: a `node:` import or src/ code would fail or show up.
      const result = await build({
        absWorkingDir: root,
        entryPoints: [`adapters/storage/${name}.ts`],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        metafile: true,
        logLevel: 'silent',
      })
      const inputs = Object.keys(result.metafile.inputs)
      expect(inputs.every((input) => input.startsWith('adapters/storage/'))).toBe(true)
    },
  )
})
