/**
 * The browser entry (`src/browser.ts`): the main entry's API, browser defaults with a fallback
 * where the Web APIs are missing (here: Node), and the page lifecycle wired to `check()` until
 * `stop()`. Chromium runs it with real tabs in test/e2e/tabs.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createInProcessCoordination } from '../../adapters/coordination/inProcess.ts'
import { createMemoryStorage } from '../../adapters/storage/memory.ts'
import * as browser from '../../src/browser.ts'
import * as main from '../../src/index.ts'
import type { ShopperSession } from '../../src/session.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { fakeOrigin } from '../adapters/coordination/fakes.ts'
import { fakeTarget } from './fakes.ts'
import { publicSlasConfig } from '../support/slasConfig.ts'

const sessions: ShopperSession[] = []
afterEach(() => {
  for (const session of sessions.splice(0)) session.stop()
})

function config() {
  const emulator = createTestEmulator()
  return { emulator, config: publicSlasConfig(emulator) }
}

describe('the browser entry', () => {
  it('exports what the main entry exports', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(main).sort())
    expect(browser.createShopperSession).not.toBe(main.createShopperSession)
  })

  it('falls back to memory storage and in-process coordination where the Web APIs are missing', async () => {
    const warn = vi.fn()
    const { config: base } = config()
    const session = browser.createShopperSession({
      ...base,
      logger: { warn },
      pageLifecycle: false,
    })
    sessions.push(session)
    await session.ready()
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringMatching(/localStorage .*this page's memory/),
      expect.stringMatching(/web coordination: .*tabs are not coordinated/),
    ])
  })

  it('without Web Locks: localStorage and the degraded web coordination, with one warning', async () => {
    // A page outside a secure context: storage and BroadcastChannel (Node has one), no locks.
    vi.stubGlobal('navigator', {})
    vi.stubGlobal('localStorage', fakeOrigin().tab().storage)
    try {
      const warn = vi.fn()
      const { config: base } = config()
      const session = browser.createShopperSession({
        ...base,
        logger: { warn },
        pageLifecycle: false,
      })
      sessions.push(session)
      await session.ready()
      expect(localStorage.length).toBe(1)
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringMatching(
          /^shopper-session: web coordination: Web Locks are missing .*this page only .*lockFallback/,
        ),
      ])
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('uses the storage and coordination it is given, silently', async () => {
    const warn = vi.fn()
    const { config: base } = config()
    const storage = createMemoryStorage()
    const session = browser.createShopperSession({
      ...base,
      storage,
      coordination: createInProcessCoordination(),
      logger: { warn },
      pageLifecycle: false,
    })
    sessions.push(session)
    await session.ready()
    expect(storage.keys()).toHaveLength(1)
    expect(warn).not.toHaveBeenCalled()
  })

  it('checks on page signals until stop() removes every listener (also through start())', async () => {
    const { config: base } = config()
    const window = fakeTarget()
    const document = fakeTarget({ visibilityState: 'visible' })
    const session = browser.createShopperSession({
      ...base,
      storage: createMemoryStorage(),
      coordination: createInProcessCoordination(),
      pageLifecycle: { window, document },
    })
    sessions.push(session)
    const check = vi.spyOn(session, 'check')
    await session.ready()
    window.dispatch('online')
    document.dispatch('visibilitychange')
    window.dispatch('pageshow', { persisted: true })
    expect(check).toHaveBeenCalledTimes(3)
    expect(window.count() + document.count()).toBe(4)
    session.start().stop()
    expect(window.count() + document.count()).toBe(0)
  })

  it('a check from the page refreshes an access token that expired while the page slept', async () => {
    const { emulator, config: base } = config()
    let offset = 0
    const window = fakeTarget()
    const session = browser.createShopperSession({
      ...base,
      storage: createMemoryStorage(),
      coordination: createInProcessCoordination(),
      now: () => Date.now() + offset,
      pageLifecycle: { window, document: null },
    })
    sessions.push(session)
    await session.ready()
    const before = emulator.control.requests('getAccessToken').length
    offset = 31 * 60_000
    emulator.control.advanceTime(offset)
    window.dispatch('focus')
    await vi.waitFor(() => {
      expect(emulator.control.requests('getAccessToken').length).toBe(before + 1)
      expect(session.getSnapshot().hasTag('tokenValid')).toBe(true)
    })
  })
})
