/**
 * `/e2e/twoOrigins.html`, served by the shop origin of test/e2e/twoOrigins.ts: the browser
 * entry's `createShopperSession` with the API (the emulator) on another origin, and
 * `createShopperCustomers` for a profile read. Reports tags, events and error codes, never a
 * token or a password.
 */
import { createShopperSession, type ShopperSession } from '../../../src/browser.ts'
import { createShopperCustomers } from '../../../src/customers.ts'
import { isShopperSessionError } from '../../../src/errors.ts'

/** Where the session talks to: the API's origin and the redirect URI are the test's choice. */
export interface TwoOriginsConfig {
  /** The API's base URL, on another origin than the page. */
  baseUrl: string
  redirectURI: string
  organizationId: string
  siteId: string
  clientId: string
}

/** What the page reports: no tokens. */
export interface TwoOriginsState {
  tags: string[]
  customerType: string | undefined
  loginId: string | undefined
  events: string[]
}

/** How a call ended: its state, or the coded error it rejected with. */
export type Outcome =
  | { ok: true; state: TwoOriginsState }
  | { ok: false; code: string; message: string; transient: boolean }

/** `window.e2eTwoOrigins`. */
export interface TwoOriginsPageApi {
  /** Creates the session and waits for `ready()`. */
  start(config: TwoOriginsConfig): Promise<Outcome>
  login(username: string, password: string): Promise<Outcome>
  register(login: string, password: string): Promise<Outcome>
  /** `getAccessToken({ force: true })`: a refresh. */
  refresh(): Promise<Outcome>
  /** The registered shopper's login, read with getCustomer (Shopper Customers). */
  profileLogin(): Promise<string | undefined>
  logout(): Promise<Outcome>
  state(): TwoOriginsState
}

declare global {
  interface Window {
    e2eTwoOrigins?: TwoOriginsPageApi
  }
}

let session: ShopperSession | undefined
const events: string[] = []

function current(): ShopperSession {
  if (session === undefined) throw new Error('twoOrigins page: call start() first')
  return session
}

function state(): TwoOriginsState {
  const active = current()
  const tokens = active.getTokens()
  return {
    tags: [...active.getSnapshot().tags].sort(),
    customerType: tokens?.customerType,
    loginId: tokens?.loginId,
    events: [...events],
  }
}

async function outcome(action: () => Promise<unknown>): Promise<Outcome> {
  try {
    await action()
    return { ok: true, state: state() }
  } catch (error) {
    if (!isShopperSessionError(error)) throw error
    return { ok: false, code: error.code, message: error.message, transient: error.transient }
  }
}

const api: TwoOriginsPageApi = {
  start(config) {
    session = createShopperSession({
      ...config,
      // Quick retries and a short wait: a failure that is retried as `network` shows within a
      // second as more requests, and `ready()` gives up on it well within the test's time.
      retry: { baseDelayMs: 50, maxDelayMs: 50 },
      waitTimeoutMs: 3_000,
    })
    for (const type of [
      'session.started',
      'session.startFailed',
      'session.unavailable',
      'token.refreshed',
      'login.failed',
    ] as const) {
      session.on(type, () => events.push(type))
    }
    return outcome(() => current().ready())
  },
  login: (username, password) => outcome(() => current().login(username, password)),
  register: (login, password) =>
    outcome(() =>
      current().register({ login, email: login, lastName: 'Origins', firstName: 'Two' }, password),
    ),
  refresh: () => outcome(() => current().getAccessToken({ force: true })),
  async profileLogin() {
    const profile = await createShopperCustomers(current()).getCustomer()
    return profile.login
  },
  logout: () => outcome(() => current().logout()),
  state,
}

window.e2eTwoOrigins = api
