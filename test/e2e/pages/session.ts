/**
 * `/e2e/session.html`: `createShopperSession` in the page, against the emulator on the same
 * origin, on a browser storage adapter. Reports tags and events, never tokens.
 */
import { createLocalStorage } from '../../../adapters/storage/localStorage.ts'
import { createSessionStorage } from '../../../adapters/storage/sessionStorage.ts'
import { createShopperSession, type ShopperSession } from '../../../src/session.ts'
import type { PageSettings } from '../server.ts'
import type { SessionPageApi, SessionState } from './api.ts'

let session: ShopperSession | undefined
const events: string[] = []

function current(): ShopperSession {
  if (session === undefined) throw new Error('session page: call start() first')
  return session
}

function state(): SessionState {
  const active = current()
  const snapshot = active.getSnapshot()
  const tokens = active.getTokens()
  return {
    tags: [...snapshot.tags].sort(),
    customerType: tokens?.customerType,
    loginId: tokens?.loginId,
    events: [...events],
  }
}

function holds(storage: Storage, token: string): boolean {
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index)
    if (key !== null && (storage.getItem(key) ?? '').includes(token)) return true
  }
  return false
}

const api: SessionPageApi = {
  async start(kind) {
    const settings = (await (await fetch('/e2e/settings')).json()) as PageSettings
    session = createShopperSession({
      baseUrl: location.origin,
      organizationId: settings.organizationId,
      siteId: settings.siteId,
      clientId: settings.clientId,
      redirectURI: settings.redirectURI,
      storage: kind === 'localStorage' ? createLocalStorage() : createSessionStorage(),
    })
    for (const type of [
      'session.started',
      'token.refreshed',
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
  state,
  storageHoldsRefreshToken() {
    const token = current().getTokens()?.refreshToken
    if (token === undefined) return { localStorage: false, sessionStorage: false }
    return {
      localStorage: holds(localStorage, token),
      sessionStorage: holds(sessionStorage, token),
    }
  },
}

window.e2eSession = api
