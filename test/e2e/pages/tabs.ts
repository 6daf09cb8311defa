/**
 * `/e2e/tabs.html`: the browser entry's `createShopperSession` (localStorage, Web Locks +
 * BroadcastChannel, page lifecycle) against the emulator on the page's origin; with `fallback`,
 * the lease lock (`lockFallback: createLeaseLock()`) and storage-event notices instead. Several of
 * these pages in one context are the tabs of test/e2e/tabs.spec.ts. Reports tags, events and a
 * token fingerprint, never a token.
 */
import { createLeaseLock } from '../../../adapters/coordination/leaseLock.ts'
import { createWebCoordination } from '../../../adapters/coordination/web.ts'
import { createShopperSession, type ShopperSession } from '../../../src/browser.ts'
import type { PageSettings } from '../server.ts'
import type { TabsPageApi, TabState } from './api.ts'
import { fingerprint } from './fingerprint.ts'

let session: ShopperSession | undefined
const events: string[] = []

function current(): ShopperSession {
  if (session === undefined) throw new Error('tabs page: call start() first')
  return session
}

async function state(): Promise<TabState> {
  const active = current()
  const tokens = active.getTokens()
  return {
    tags: [...active.getSnapshot().tags].sort(),
    customerType: tokens?.customerType,
    loginId: tokens?.loginId,
    events: [...events],
    refreshTokenTag: await fingerprint(tokens?.refreshToken),
  }
}

let visibility: DocumentVisibilityState = 'visible'
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
Object.defineProperty(document, 'hidden', {
  configurable: true,
  get: () => visibility === 'hidden',
})

const api: TabsPageApi = {
  async start(options = {}) {
    const settings = (await (await fetch('/e2e/settings')).json()) as PageSettings
    session = createShopperSession({
      baseUrl: location.origin,
      organizationId: settings.organizationId,
      siteId: settings.siteId,
      clientId: settings.clientId,
      redirectURI: settings.redirectURI,
      // The fallbacks: no Web Locks (the lease, opted into) and no BroadcastChannel.
      ...(options.fallback
        ? {
            coordination: createWebCoordination({
              locks: null,
              BroadcastChannel: null,
              lockFallback: createLeaseLock(),
            }),
          }
        : {}),
      ...(options.retryBaseDelayMs !== undefined
        ? { retry: { baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.retryBaseDelayMs } }
        : {}),
      pageLifecycle:
        options.wakeIntervalMs !== undefined ? { wakeIntervalMs: options.wakeIntervalMs } : true,
    })
    for (const type of [
      'session.started',
      'session.reauthRequired',
      'token.refreshed',
      'token.refreshFailed',
      'storage.corrupt',
      'storage.failed',
    ] as const) {
      session.on(type, () => events.push(type))
    }
    await session.ready()
    return state()
  },
  async login(username, password) {
    await current().login(username, password)
    return state()
  },
  async logout() {
    await current().logout()
    return state()
  },
  check: () => current().check(),
  state,
  setVisibility(next) {
    visibility = next
    document.dispatchEvent(new Event('visibilitychange'))
  },
  pageshowFromBfcache() {
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
  },
  focus() {
    window.dispatchEvent(new FocusEvent('focus'))
  },
}

window.e2eTabs = api
