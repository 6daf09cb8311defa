/**
 * `shopper-session/adapters/storage/sessionStorage`: a session per tab in `window.sessionStorage`,
 * without ever leaving the refresh token there while a page of the origin is open.
 *
 * Why: duplicating a tab (or `window.open` from the page) copies its sessionStorage, and two tabs
 * holding one single-use refresh token end with one of them signed out. So by default a record
 * that carries a `refreshToken` (the session's JSON record) is split: sessionStorage gets the
 * record with `refreshToken: null`, the token itself stays in this page's memory. A copy made
 * while the page is open has no token: that tab reads no session and starts its own guest one.
 * To survive a reload, the token is handed over through sessionStorage only between `pagehide`
 * and the next page's adapter creation in the same tab, which takes it out again at once.
 *
 * Limits, on the safe side: a crash or a killed tab (no `pagehide`) loses the token, so the
 * shopper continues as a guest; a tab duplicated while it shows another site (the hand-off is
 * waiting) copies the hand-off. `allowRefreshToken: true` stores records as they are.
 *
 * @module
 */
import type { StorageAdapter } from './types.ts'
import { resolveWebStorage, type WebStorageLike } from './webStorage.ts'

export type { StorageAdapter } from './types.ts'
export type { WebStorageLike } from './webStorage.ts'

/** Options of {@link createSessionStorage}. */
export interface SessionStorageOptions {
  /**
   * Store records with their refresh token as they are. Default false: the token stays in page
   * memory (see the module notes). Turn it on only when duplicated tabs cannot share a token
   * (for instance, an app that always opens links with `noopener` and uses a refresh lock).
   */
  allowRefreshToken?: boolean
  /** The storage to use. Default `window.sessionStorage`; tests may pass another `Storage`. */
  storage?: WebStorageLike
}

/** Prefix of the hand-off entries that carry a refresh token from one page to the next. */
export const HANDOFF_PREFIX = 'shopper-session-handoff|'

interface Held {
  /** The record as the session wrote it. */
  full: string
  /** What sessionStorage holds for it: the record with `refreshToken: null`. */
  stripped: string
  refreshToken: string
}

interface PageState {
  /** Refresh tokens held in memory, by storage key. */
  held: Map<string, Held>
}

// One state per storage object, for the life of this page: every adapter on it shares what the
// page holds, and the page lifecycle listeners are added once.
const pages = new WeakMap<WebStorageLike, PageState>()

type JsonRecord = Record<string, unknown>

function parseRecord(value: string): JsonRecord | undefined {
  if (!value.trimStart().startsWith('{')) return undefined
  try {
    const parsed: unknown = JSON.parse(value)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as JsonRecord)
      : undefined
  } catch {
    return undefined
  }
}

// `refreshToken` replaced in place keeps the key order, so the record can be rebuilt exactly.
function split(value: string): Held | undefined {
  const record = parseRecord(value)
  if (record === undefined || typeof record.refreshToken !== 'string') return undefined
  const refreshToken = record.refreshToken
  return { full: value, stripped: JSON.stringify({ ...record, refreshToken: null }), refreshToken }
}

function isStripped(value: string): boolean {
  const record = parseRecord(value)
  return record !== undefined && 'refreshToken' in record && record.refreshToken === null
}

function rebuild(stripped: string, refreshToken: string): Held | undefined {
  const record = parseRecord(stripped)
  if (record === undefined || record.refreshToken !== null) return undefined
  return { full: JSON.stringify({ ...record, refreshToken }), stripped, refreshToken }
}

// Takes every waiting hand-off back into memory and out of sessionStorage.
function claim(storage: WebStorageLike, state: PageState): void {
  const keys: string[] = []
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index)
    if (key?.startsWith(HANDOFF_PREFIX)) keys.push(key)
  }
  for (const handoffKey of keys) {
    const refreshToken = storage.getItem(handoffKey)
    storage.removeItem(handoffKey)
    const key = handoffKey.slice(HANDOFF_PREFIX.length)
    const stripped = storage.getItem(key)
    if (refreshToken === null || stripped === null) continue
    const held = rebuild(stripped, refreshToken)
    if (held !== undefined) state.held.set(key, held)
  }
}

// Leaves the tokens for the next page of this tab; never throws (a lost hand-off is a guest).
function handOff(storage: WebStorageLike, state: PageState): void {
  for (const [key, held] of state.held) {
    try {
      if (storage.getItem(key) === held.stripped) {
        storage.setItem(`${HANDOFF_PREFIX}${key}`, held.refreshToken)
      }
    } catch {
      // Quota or blocked storage: the next page starts as a guest, which is safe.
    }
  }
}

interface PageEvents {
  addEventListener(type: string, listener: (event: { persisted?: boolean }) => void): void
}

function pageState(storage: WebStorageLike): PageState {
  let state = pages.get(storage)
  if (state !== undefined) return state
  const created: PageState = { held: new Map() }
  state = created
  pages.set(storage, created)
  claim(storage, created)
  const target = globalThis as Partial<PageEvents>
  if (typeof target.addEventListener === 'function') {
    target.addEventListener('pagehide', () => handOff(storage, created))
    // Back from the back/forward cache: take the hand-off again (a later page may have rotated it).
    target.addEventListener('pageshow', (event) => {
      if (event.persisted === true) claim(storage, created)
    })
  }
  return created
}

/**
 * Creates a storage adapter over `sessionStorage` (one session per tab). By default the refresh
 * token never rests in sessionStorage while the page is open (see the module notes): a tab
 * duplicated from this one starts its own guest session instead of sharing a single-use token,
 * and a reload still restores the session. Throws `TypeError` when Web Storage is missing or
 * blocked; a full quota makes `set` throw (the session reports `storage.failed`).
 *
 * @example
 * ```ts
 * import { createSessionStorage } from 'shopper-session/adapters/storage/sessionStorage'
 * const session = createShopperSession({ ...config, storage: createSessionStorage() })
 * ```
 */
export function createSessionStorage(options: SessionStorageOptions = {}): StorageAdapter {
  const { allowRefreshToken } = options
  if (allowRefreshToken !== undefined && typeof allowRefreshToken !== 'boolean') {
    throw new TypeError('sessionStorage: allowRefreshToken must be a boolean')
  }
  const storage = resolveWebStorage('sessionStorage', options.storage)
  if (allowRefreshToken === true) {
    return {
      get: (key) => storage.getItem(key),
      set: (key, value) => storage.setItem(key, value),
      remove: (key) => storage.removeItem(key),
    }
  }
  const { held } = pageState(storage)
  return {
    get(key) {
      const stored = storage.getItem(key)
      if (stored === null) {
        held.delete(key)
        return null
      }
      const mine = held.get(key)
      if (mine !== undefined && mine.stripped === stored) return mine.full
      // A record whose token this page does not hold (a copied tab): no session here.
      if (isStripped(stored)) return null
      // A whole record (from allowRefreshToken, or an older version): take the token out.
      const parts = split(stored)
      if (parts !== undefined) {
        storage.setItem(key, parts.stripped)
        held.set(key, parts)
      }
      return stored
    },
    set(key, value) {
      const parts = split(value)
      if (parts === undefined) {
        storage.setItem(key, value)
        held.delete(key)
        return
      }
      storage.setItem(key, parts.stripped)
      held.set(key, parts)
    },
    remove(key) {
      held.delete(key)
      storage.removeItem(key)
      storage.removeItem(`${HANDOFF_PREFIX}${key}`)
    },
  }
}
