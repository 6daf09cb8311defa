/**
 * `createRemoteSession`: the browser half of a server-held (BFF) session. The shopper's tokens
 * live in the app server's sealed HttpOnly cookies (`createSessionEndpoint`); this object shows
 * the server session's state to the React hooks (`SessionLike`), borrows the access token for
 * direct SCAPI calls, and asks the server to log in, register and log out. It never runs a SLAS
 * flow of its own and never sees a refresh token.
 *
 * @module
 */
import { isTransientError } from '../../machines/contracts.ts'
import { ShopperSessionError } from '../errors.ts'
import type { SessionLike } from '../react/sessionLike.ts'
import type { AccessTokenOptions } from '../session/accessToken.ts'
import { createAuthorizedFetch } from '../session/authorizedFetch.ts'
import type {
  LoginCredentials,
  LogoutOptions,
  Registration,
  SessionEmitted,
  SessionEventHandler,
  Shopper,
} from '../session.ts'
import { openStateChannel } from './channel.ts'
import { createEndpointClient, type EndpointResult } from './endpointClient.ts'
import { createGate } from './gate.ts'
import { type RemoteSessionConfig, resolveRemoteConfig } from './config.ts'
import { shopperIdentity } from './state.ts'
import { createRemoteStore, type RemoteSnapshot } from './store.ts'
import type { DehydratedSession, SessionEndpointBody } from './wire.ts'

/**
 * A session the app's server holds, seen from the browser. The React hooks and
 * `createShopperCustomers` take it as they take a `ShopperSession`.
 */
export interface RemoteSession extends SessionLike {
  getSnapshot(): RemoteSnapshot
  subscribe(listener: (snapshot: RemoteSnapshot) => void): () => void
  /** The server's shopper as last seen; `undefined` before any state arrived. */
  getShopper(): Shopper | undefined
  /**
   * An access token borrowed from the server (cached until shortly before it expires; concurrent
   * callers share one request). `force` or a `rejected` token asks the server to refresh.
   */
  getAccessToken(options?: AccessTokenOptions): Promise<string>
  /** Always `undefined`: the token set (with its refresh token) never leaves the server. */
  getTokens(): undefined
  /** Resolves once a state is known (at once with `initial`); rejects when it cannot load. */
  ready(): Promise<void>
  /** Reads the server's state again (after the app changed the session on its server). */
  reload(): Promise<void>
  /** `fetch` with the shopper's Bearer token, for the API's origin (and `trustedOrigins`) only. */
  readonly fetch: typeof fetch
  /** Organization, site and API base URL, for clients built on this session. */
  readonly scapi: { organizationId: string; siteId: string; baseUrl: string; fetch: typeof fetch }
  /** Stops listening to other tabs. */
  stop(): void
}

/** A borrowed token is used until this long (at most half its life) before it expires. */
const MAX_MARGIN_MS = 60_000

function aborted(operation: string): ShopperSessionError {
  return new ShopperSessionError('aborted', `${operation} aborted`, { operation })
}

/** `promise`, or `aborted` as soon as `signal` aborts (the work itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, operation: string) {
  if (signal === undefined) return promise
  if (signal.aborted) return Promise.reject(aborted(operation))
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(aborted(operation))
    signal.addEventListener('abort', stop, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop))
  })
}

/**
 * Creates the browser's view of the server-held session. With `initial` (the server's
 * `dehydrateSession`), nothing is requested until the page needs a token or an action: hydrating
 * a server-rendered page costs no request and no guest login.
 *
 * @example
 * ```ts
 * import { createRemoteSession } from 'shopper-session/remote'
 *
 * const session = createRemoteSession({
 *   endpoint: '/api/session',
 *   scapi: { baseUrl, organizationId, siteId },
 *   initial: window.__SESSION__, // dehydrateSession(session) on the server
 * })
 * await session.login({ username, password }) // the server logs in; cookies change
 * ```
 */
export function createRemoteSession(config: RemoteSessionConfig): RemoteSession {
  const { endpoint, scapi, initial, apiFetch, endpointFetch, credentials, headers, ...rest } =
    resolveRemoteConfig(config)
  const { trustedOrigins, crossTab, name } = rest
  const store = createRemoteStore(initial)
  const client = createEndpointClient({ endpoint, fetch: endpointFetch, credentials, headers })
  const gate = createGate(name, crossTab)
  let token: { value: string; usableUntil: number; shopper: string } | undefined
  let tokenRequest: Promise<string> | undefined
  let loading: Promise<void> | undefined

  // A state from the server, an answer or another tab: another shopper's token is never kept.
  const take = (state: DehydratedSession) => {
    store.apply(state)
    if (token !== undefined && token.shopper !== shopperIdentity(state.shopper)) token = undefined
  }
  const channel = openStateChannel(name, crossTab, take)

  /** The failure of `result`, after taking the state the server sent with it. */
  const failure = (result: Extract<EndpointResult<unknown>, { ok: false }>) => {
    if (result.state !== undefined) take(result.state)
    return result.error
  }

  const load = async (): Promise<void> => {
    const done = store.work()
    try {
      const result = await gate.shared(() => client.state())
      if (!result.ok) {
        const error = failure(result)
        if (store.state() === undefined) {
          store.unavailable(error)
          store.emit({ type: 'session.unavailable', error })
        }
        throw error
      }
      take(result.value)
    } finally {
      done()
    }
  }

  const requestToken = (force: boolean): Promise<string> =>
    gate.shared(async () => {
      const result = await client.token(force)
      if (!result.ok) {
        const error = failure(result)
        if (result.state === undefined && isTransientError(error) && store.state() !== undefined) {
          store.stale(error)
        }
        throw error
      }
      const { accessToken, expiresInMs, state } = result.value
      store.stale(false)
      take(state)
      const margin = Math.min(MAX_MARGIN_MS, expiresInMs / 2)
      const shopper = shopperIdentity(state.shopper)
      token = { value: accessToken, usableUntil: Date.now() + expiresInMs - margin, shopper }
      return accessToken
    })

  const getAccessToken = (options: AccessTokenOptions = {}): Promise<string> => {
    const { force = false, rejected, signal } = options
    const cached = token
    const usable = cached !== undefined && Date.now() < cached.usableUntil
    if (usable && !force && cached.value !== rejected) return Promise.resolve(cached.value)
    const refresh = force || (rejected !== undefined && rejected === cached?.value)
    if (tokenRequest === undefined || refresh) {
      const request = requestToken(refresh).finally(() => {
        if (tokenRequest === request) tokenRequest = undefined
      })
      tokenRequest = request
    }
    return untilAborted(tokenRequest, signal, 'getAccessToken')
  }

  /** A login, registration or logout: alone (no token read beside it), then told to other tabs. */
  const act = async (
    body: Exclude<SessionEndpointBody, { action: 'token' }>,
    signal: AbortSignal | undefined,
  ): Promise<void> => {
    const done = store.work()
    try {
      const result = await gate.exclusive(() => client.act(body, signal))
      if (!result.ok) {
        const error = failure(result)
        // An abort may come after the server acted: read what it did.
        if (error.code === 'aborted') void load().catch(() => undefined)
        store.fail(error)
        if (body.action === 'login' || body.action === 'register') {
          store.emit({ type: `${body.action}.failed`, error })
        }
        throw error
      }
      token = undefined // the cookies changed: the next token is the new session's
      take(result.value)
      channel.post(result.value)
    } finally {
      done()
    }
  }

  const ready = () => {
    if (store.state() !== undefined) return Promise.resolve()
    loading ??= load().finally(() => {
      loading = undefined
    })
    return loading
  }
  if (initial === undefined) void ready().catch(() => undefined)

  const tokenOrigins = [new URL(scapi.baseUrl).origin, ...trustedOrigins]
  return {
    getSnapshot: () => store.snapshot(),
    subscribe: (listener) => store.subscribe(listener),
    on: <T extends SessionEmitted['type']>(type: T, handler: SessionEventHandler<T>) =>
      store.on(type, handler),
    getShopper: () => store.snapshot().shopper,
    getAccessToken,
    getTokens: () => undefined,
    login: ({ username, password, signal }: LoginCredentials) =>
      act({ action: 'login', username, password }, signal),
    register: ({ customer, password, signal }: Registration) =>
      act({ action: 'register', customer, password }, signal),
    logout: ({ allSessions, remote, signal }: LogoutOptions = {}) =>
      act(
        {
          action: 'logout',
          ...(allSessions === undefined ? {} : { allSessions }),
          ...(remote === undefined ? {} : { remote }),
        },
        signal,
      ),
    ready,
    reload: load,
    fetch: createAuthorizedFetch({ getAccessToken }, apiFetch, tokenOrigins),
    scapi: { ...scapi, fetch: apiFetch },
    stop: () => channel.close(),
  }
}
