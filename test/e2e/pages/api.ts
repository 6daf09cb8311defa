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
  }
}
