/**
 * The storage contract (test/adapters/storage/contract.ts) in Chromium against the real
 * `localStorage`, `sessionStorage` and `document.cookie`, plus what each browser adapter adds:
 * cookie attributes and chunks as the browser keeps them, and the sessionStorage hand-off that
 * keeps refresh tokens away from copied tabs.
 */
import type { Page } from '@playwright/test'
import { sessionLikeRecord, storageContract } from '../adapters/storage/contract.ts'
import { expect, test } from './fixtures.ts'
import type { AdapterOptions, BrowserAdapterName } from './pages/api.ts'

const KEY = 'shopper-session:f_ecom_zzte_001:RefArch:client-1'
const COOKIE = 'shopper-session%3Af_ecom_zzte_001%3ARefArch%3Aclient-1'

const variants: { label: string; adapter: BrowserAdapterName; options?: AdapterOptions }[] = [
  { label: 'localStorage', adapter: 'localStorage' },
  { label: 'sessionStorage', adapter: 'sessionStorage' },
  {
    label: 'sessionStorage (allowRefreshToken)',
    adapter: 'sessionStorage',
    options: { allowRefreshToken: true },
  },
  { label: 'cookie', adapter: 'cookie' },
  {
    label: 'cookie (Secure, Strict, small chunks)',
    adapter: 'cookie',
    options: { secure: true, sameSite: 'Strict', chunkSize: 1000 },
  },
]

/** Waits for the storage page's API (after a navigation, a reload or in a new tab). */
async function storageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.e2eStorage !== undefined)
}

async function storagePage(page: Page): Promise<void> {
  await page.goto('/e2e/storage.html')
  await storageReady(page)
}

/** Stores `value` under `key` through a fresh `adapter` in the page. */
async function storeThrough(
  page: Page,
  adapter: BrowserAdapterName,
  key: string,
  value: string,
  options: AdapterOptions = {},
): Promise<void> {
  await page.evaluate(
    ([name, k, v, o]) => window.e2eStorage?.set(name, k, v, o),
    [adapter, key, value, options] as const,
  )
}

/** What a fresh `adapter` in the page reads under `key`. */
async function readThrough(
  page: Page,
  adapter: BrowserAdapterName,
  key: string,
): Promise<string | null | undefined> {
  return page.evaluate(([name, k]) => window.e2eStorage?.get(name, k), [adapter, key] as const)
}

for (const { label, adapter, options } of variants) {
  test.describe(`storage contract in Chromium: ${label}`, () => {
    for (const contractCase of storageContract) {
      test(contractCase.name, async ({ page }) => {
        await storagePage(page)
        const outcome = await page.evaluate(
          ([name, caseName, caseOptions]) => window.e2eStorage?.run(name, caseName, caseOptions),
          [adapter, contractCase.name, options ?? {}] as const,
        )
        expect(outcome).toBe('passed')
      })
    }
  })
}

test.describe('cookie adapter in Chromium', () => {
  test('on http://localhost: no Secure by default, SameSite=Lax, Path=/, Max-Age, chunks', async ({
    page,
    context,
  }) => {
    await storagePage(page)
    const value = sessionLikeRecord(6 * 1024)
    await storeThrough(page, 'cookie', KEY, value)
    const cookies = await context.cookies()
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual([`${COOKIE}.0`, `${COOKIE}.1`])
    const now = Date.now() / 1000
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ path: '/', secure: false, sameSite: 'Lax', httpOnly: false })
      expect(cookie.expires - now).toBeGreaterThan(89 * 24 * 3600)
      expect(cookie.name.length + cookie.value.length).toBeLessThanOrEqual(4096)
    }
    expect((await readThrough(page, 'cookie', KEY)) === value).toBe(true)
    await storeThrough(page, 'cookie', KEY, 'short')
    expect((await context.cookies()).map((cookie) => cookie.name)).toEqual([COOKIE])
    await page.evaluate((key) => window.e2eStorage?.remove('cookie', key), KEY)
    expect(await context.cookies()).toEqual([])
  })

  test('secure: true sets Secure (Chromium keeps it on localhost)', async ({ page, context }) => {
    await storagePage(page)
    await storeThrough(page, 'cookie', KEY, 'v', { secure: true })
    expect(await context.cookies()).toMatchObject([{ name: COOKIE, secure: true, sameSite: 'Lax' }])
  })

  test('a cookie the browser refuses makes set throw and leaves no partial chunks', async ({
    page,
    context,
  }) => {
    await storagePage(page)
    // A long key: its name plus a full 4000-byte chunk passes the 4096-byte limit per cookie,
    // which Chromium enforces by dropping the cookie without an error.
    const outcome = await page.evaluate(
      ([key, record]) =>
        window.e2eStorage?.set('cookie', key, record, { chunkSize: 4000 }).then(
          () => 'stored',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        ),
      [`${KEY}:${'k'.repeat(200)}`, 'x'.repeat(9000)] as const,
    )
    expect(outcome).toMatch(/did not keep/)
    expect(await context.cookies()).toEqual([])
  })

  test('factories validate options', async ({ page }) => {
    await storagePage(page)
    const error = await page.evaluate(() =>
      window.e2eStorage?.createError('cookie', { chunkSize: 5 }),
    )
    expect(error).toMatch(/^RangeError: cookie: chunkSize/)
  })
})

test.describe('sessionStorage adapter in Chromium', () => {
  const record = sessionLikeRecord(2000)

  /** The storage page with `record` stored through the sessionStorage adapter. */
  async function pageWithRecord(page: Page): Promise<void> {
    await storagePage(page)
    await storeThrough(page, 'sessionStorage', KEY, record)
  }

  async function storedHoldsToken(page: Page): Promise<boolean> {
    return page.evaluate(() => {
      for (let index = 0; index < sessionStorage.length; index++) {
        const key = sessionStorage.key(index) ?? ''
        if ((sessionStorage.getItem(key) ?? '').includes('contract-refresh-')) return true
      }
      return false
    })
  }

  test('the refresh token never rests in sessionStorage while the page is open', async ({
    page,
  }) => {
    await pageWithRecord(page)
    expect(await storedHoldsToken(page)).toBe(false)
    expect((await readThrough(page, 'sessionStorage', KEY)) === record).toBe(true)
  })

  test('a reload restores the record through the pagehide hand-off, which is then gone', async ({
    page,
  }) => {
    await pageWithRecord(page)
    await page.reload()
    await storageReady(page)
    expect((await readThrough(page, 'sessionStorage', KEY)) === record).toBe(true)
    expect(await storedHoldsToken(page)).toBe(false)
  })

  test('a tab opened from the page (sessionStorage copied) gets the record without the token', async ({
    page,
  }) => {
    await pageWithRecord(page)
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate(() => void window.open('/e2e/storage.html')),
    ])
    await storageReady(popup)
    const copied = await popup.evaluate((key) => sessionStorage.getItem(key) !== null, KEY)
    expect(copied).toBe(true) // Chromium copied the opener's sessionStorage
    expect(await storedHoldsToken(popup)).toBe(false)
    expect(await readThrough(popup, 'sessionStorage', KEY)).toBeNull()
    expect((await readThrough(page, 'sessionStorage', KEY)) === record).toBe(true)
  })
})
