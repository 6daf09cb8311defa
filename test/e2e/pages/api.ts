/**
 * What the test pages put on `window` for the Playwright specs to call through `page.evaluate`.
 * Values cross as JSON; nothing here returns a token (tests compare tokens inside the page).
 */

/** The storage adapters a page can create. */
export type BrowserAdapterName = 'localStorage' | 'sessionStorage' | 'cookie'

/** Adapter options that cross as JSON (see each adapter's options type). */
export type AdapterOptions = Record<string, string | number | boolean>

/** `window.e2eStorage` on `/e2e/storage.html`. */
export interface StoragePageApi {
  /** The contract case names, in order. */
  cases(): string[]
  /** Runs one contract case against fresh adapters; resolves `'passed'` or the failure message. */
  run(adapter: BrowserAdapterName, caseName: string, options?: AdapterOptions): Promise<string>
  set(
    adapter: BrowserAdapterName,
    key: string,
    value: string,
    options?: AdapterOptions,
  ): Promise<void>
  get(
    adapter: BrowserAdapterName,
    key: string,
    options?: AdapterOptions,
  ): Promise<string | null | undefined>
  remove(adapter: BrowserAdapterName, key: string, options?: AdapterOptions): Promise<void>
  /** `factory(options)` threw: its error name and message, else undefined. */
  createError(adapter: BrowserAdapterName, options?: AdapterOptions): string | undefined
}

/** Which storage the session page uses. */
export type SessionStorageKind = 'localStorage' | 'sessionStorage'

/** What the session page reports (no tokens). */
export interface SessionState {
  tags: string[]
  customerType: string | undefined
  loginId: string | undefined
  /** Events the session emitted so far, by type. */
  events: string[]
}

/** `window.e2eSession` on `/e2e/session.html`. */
export interface SessionPageApi {
  /** Creates the session on the given storage and waits for `ready()`. */
  start(storage: SessionStorageKind): Promise<SessionState>
  login(username: string, password: string): Promise<SessionState>
  state(): SessionState
  /** Whether any Web Storage value of this origin contains the current refresh token. */
  storageHoldsRefreshToken(): { localStorage: boolean; sessionStorage: boolean }
}

/** How a tabs page starts its session (`src/browser.ts`, localStorage, web coordination). */
export interface TabsStartOptions {
  /** Force the fallbacks: a lease lock in localStorage and notices through storage events. */
  fallback?: boolean
  /** The wake detector's interval (ms); long values keep it out of tests of other signals. */
  wakeIntervalMs?: number
  /** First retry delay after a transient failure (ms); long values leave only the page signals. */
  retryBaseDelayMs?: number
}

/** What a tabs page reports: no tokens, only a fingerprint to compare them. */
export interface TabState extends SessionState {
  /** The first 12 hex digits of the SHA-256 of the refresh token, or undefined. */
  refreshTokenTag: string | undefined
}

/** `window.e2eTabs` on `/e2e/tabs.html`. */
export interface TabsPageApi {
  /** Creates the session and waits for `ready()`. */
  start(options?: TabsStartOptions): Promise<TabState>
  login(username: string, password: string): Promise<TabState>
  logout(): Promise<TabState>
  /** `session.check()`, as the app or the lifecycle would. */
  check(): void
  state(): Promise<TabState>
  /** Overrides `document.visibilityState` and dispatches `visibilitychange`. */
  setVisibility(state: 'hidden' | 'visible'): void
  /** Dispatches `pageshow` with `persisted: true` (back from the back/forward cache). */
  pageshowFromBfcache(): void
  /** Dispatches `focus` on the window. */
  focus(): void
}

/** Calls the emulator's control API from page code (`POST /e2e/control`). */
export async function emulatorControl(method: string, ...args: unknown[]): Promise<unknown> {
  const response = await fetch('/e2e/control', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  })
  if (!response.ok) throw new Error(`control ${method}: HTTP ${response.status}`)
  return ((await response.json()) as { result: unknown }).result
}

declare global {
  interface Window {
    e2eStorage?: StoragePageApi
    e2eSession?: SessionPageApi
    e2eTabs?: TabsPageApi
  }
}
