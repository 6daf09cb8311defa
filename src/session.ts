/**
 * `createShopperSession(config)`: the composition root. Validates the config, wires the session
 * machine to the real actors, storage and coordination, and speaks to the app through promises,
 * snapshots, tags and typed events.
 *
 * @module
 */
import { type Actor, createActor, type SnapshotFrom } from 'xstate'
import { createInProcessCoordination } from '../adapters/coordination/inProcess.ts'
import { createMemoryStorage } from '../adapters/storage/memory.ts'
import type { SessionTokens } from '../machines/contracts.ts'
import type {
  RegistrationCustomer,
  SessionEmitted,
  sessionMachine,
} from '../machines/sessionMachine.ts'
import { createSessionWork, type IdentifyTokens, type RefreshSharing } from './actors.ts'
import { ShopperSessionError } from './errors.ts'
import type { SlasClientConfig } from './scapi/config.ts'
import { createState } from './scapi/pkce.ts'
import type { TokenResponse } from './scapi/slasSchemas.ts'
import { createSafeLogger } from './logger.ts'
import {
  type AccessTokenOptions,
  getAccessToken as waitForAccessToken,
} from './session/accessToken.ts'
import { createAuthorizedFetch } from './session/authorizedFetch.ts'
import { resolveSessionConfig, type ShopperSessionConfig } from './session/config.ts'
import { act, type ActionOptions, signIn } from './session/actions.ts'
import { secret } from './secret.ts'
import { toShopperSessionError } from './session/errors.ts'
import { nodeFriendlyClock } from './session/clock.ts'
import { createShopperCalls } from './session/shopperCalls.ts'
import { shopperOf, type Shopper } from './session/shopper.ts'
import { createSessionSlas } from './session/slasWire.ts'
import { createSessionStore, storageKey } from './session/store.ts'
import { IMPORT_PENDING, measure } from './session/tokens.ts'
import { keepWaiting, rejectWith, resolveWith, until } from './session/until.ts'
import { registerWork, wiredSessionMachine } from './session/wiring.ts'

export type { ShopperSessionConfig } from './session/config.ts'
export type { RegistrationCustomer, SessionEmitted } from '../machines/sessionMachine.ts'
export type { SessionTag, SessionTokens } from '../machines/contracts.ts'
export type { Shopper } from './session/shopper.ts'

/** A snapshot of the session machine. Read tags (`hasTag('registered')`), not state paths. */
export type SessionSnapshot = SnapshotFrom<typeof sessionMachine>

/** Handler of one emitted event type. */
export type SessionEventHandler<T extends SessionEmitted['type']> = (
  event: Extract<SessionEmitted, { type: T }>,
) => void

/** A running shopper session (`await using` stops it, where TypeScript's lib knows disposal). */
export type ShopperSession = ShopperSessionMembers & AsyncDisposableSession

/**
 * `[Symbol.asyncDispose]()` (stops the session) when the app's TypeScript lib declares the
 * symbol (ES2024 / esnext.disposable, or @types/node); nothing otherwise, so the declarations
 * check under any lib.
 */
export type AsyncDisposableSession = SymbolConstructor extends {
  readonly asyncDispose: infer Key extends symbol
}
  ? { [K in Key]: () => Promise<void> }
  : unknown

/** The members of a {@link ShopperSession}. */
export interface ShopperSessionMembers {
  /**
   * The XState actor (for `@xstate/react`). Its snapshots hold the tokens: to inspect it, use
   * the `inspect` option (`redactedInspector`), not `actor.system.inspect`.
   */
  readonly actor: Actor<typeof sessionMachine>
  /** Starts the machine (idempotent). `ready()`, `login()` and friends start it too. */
  start(): this
  /**
   * Stops the machine and its listeners. Resolves once work already sent has finished and been
   * stored (a refresh or login on the wire still writes its result). `await using` works too.
   */
  stop(): Promise<void>
  /**
   * Resolves once the session holds tokens (restored, or a new guest session). Rejects with the
   * coded error when no session can be started, and with the last transient failure (or
   * `timeout`) once `waitTimeoutMs` passed; the session keeps retrying meanwhile.
   */
  ready(options?: ActionOptions): Promise<void>
  getSnapshot(): SessionSnapshot
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void
  /** Listens to one typed event (`session.reauthRequired`, `basket.transferFailed`, ...). */
  on<T extends SessionEmitted['type']>(type: T, handler: SessionEventHandler<T>): () => void
  /**
   * Who the shopper is: guest or registered, with the ids the session knows (an id not known
   * yet, as after importing a PWA Kit session, is `undefined`). `undefined` before the session
   * holds tokens.
   */
  getShopper(): Shopper | undefined
  /**
   * A usable access token; concurrent callers share one refresh. `force: true` refreshes even
   * when the current token is still good, and never answers with it.
   */
  getAccessToken(options?: AccessTokenOptions): Promise<string>
  /**
   * The current token set (a copy), or `undefined`: also while an imported session waits for
   * its first refresh (it holds no access token yet). Never log it.
   */
  getTokens(): SessionTokens | undefined
  /**
   * Logs a shopper in (keeping the guest usid and basket). Resolves on this shopper's own login
   * only: `conflict` when another tab logged someone else in meanwhile, `aborted` when a logout
   * overtook it. Rejects with the coded error otherwise.
   */
  login(credentials: LoginCredentials): Promise<void>
  login(username: string, password: string, options?: ActionOptions): Promise<void>
  /** registerCustomer, then login (basket kept). Rejects with the coded error. */
  register(registration: Registration): Promise<void>
  register(customer: RegistrationCustomer, password: string, options?: ActionOptions): Promise<void>
  /**
   * Signs out locally (always: storage, other tabs) and at SLAS, then starts a guest session.
   * `allSessions` ends every session of the shopper; `remote: false` skips SLAS (after a
   * credential change, when SLAS already refuses the old tokens). A logout during a login wins:
   * the login's tokens never become the session.
   */
  logout(options?: LogoutOptions): Promise<void>
  /** Re-checks expiry now (the browser adapters call it on visibility, online and wake). */
  check(): void
  /**
   * Tries again at once after the session became `unavailable` (or while it backs off, or waits
   * to retry a refresh), instead of waiting for the network or a timer.
   */
  retry(): void
  /**
   * `fetch` with the shopper's Bearer token, for the API's origin (and `trustedOrigins`) only: a
   * request elsewhere is refused with `invalid_config` before anything is sent. A 401 refreshes
   * once and retries once; no answer is `network`, `timeout` or `aborted`.
   */
  readonly fetch: typeof fetch
  /** Organization, site and API base URL, for clients built on this session. */
  readonly scapi: { organizationId: string; siteId: string; baseUrl: string; fetch: typeof fetch }
}

/** `login()`'s option-object form. */
export interface LoginCredentials extends ActionOptions {
  username: string
  password: string
}

/** `register()`'s option-object form. */
export interface Registration extends ActionOptions {
  customer: RegistrationCustomer
  password: string
}

/** Options of {@link ShopperSession.logout}. */
export interface LogoutOptions extends ActionOptions {
  /** End every session of the shopper at SLAS (`hint=all-sessions`). */
  allSessions?: boolean
  /** `false` skips SLAS (the credentials changed: it already refuses these tokens). */
  remote?: boolean
}

/**
 * How the entries built on this one (browser, server) shape the session they create: parts for
 * the session's work, members they add, and what must end when the session stops. All of it is
 * put together here, in one place.
 */
export interface SessionInternals<Extension extends object = object> {
  /** Shares one refresh between sessions holding the same refresh token (per process). */
  shareRefresh?: RefreshSharing
  /** Refresh on a timer before expiry. Default true; per-request server sessions turn it off. */
  proactiveRefresh?: boolean
  /** Trusted system on behalf, for `loginOnBehalf` (the server entry provides it). */
  trustedSystem?: (
    slas: SlasClientConfig,
    params: { loginId: string; usid: string; dnt?: boolean },
  ) => Promise<TokenResponse>
  /**
   * Verifies each access token read or received and says whose it is (server sessions: against
   * SLAS's JWKS), so no stored field the client could edit decides who the shopper is.
   */
  identify?: IdentifyTokens
  /** Members added to the session object (server: `setCookieHeaders`, `loginOnBehalf`). */
  extend?: (session: ShopperSession) => Extension
  /**
   * Starts watching something for the session (browser: the page lifecycle) when it is
   * created; the returned function stops watching when the session stops.
   */
  watch?: (session: ShopperSession) => () => void
}

// `Symbol.asyncDispose` where the runtime has it (Node 20, recent browsers); the registered
// symbol TypeScript's `await using` looks for everywhere else.
const ASYNC_DISPOSE: symbol =
  (Symbol as { asyncDispose?: symbol }).asyncDispose ?? Symbol.for('Symbol.asyncDispose')

/**
 * Creates a shopper session. Throws `ShopperSessionError('invalid_config')` naming the bad field.
 * The entries built on this one pass `internals` (see {@link SessionInternals}).
 *
 * @example
 * ```ts
 * const session = createShopperSession({
 *   shortCode: 'kv7kzm78',
 *   organizationId: 'f_ecom_zzte_001',
 *   clientId: 'your-public-client-id',
 *   siteId: 'RefArch',
 *   redirectURI: 'https://shop.example.com/callback',
 * })
 * await session.ready()
 * await session.login({ username: 'jane@example.com', password })
 * console.log(session.getShopper()) // { kind: 'registered', customerId: '…', loginId: '…', usid: '…' }
 * ```
 */
export function createShopperSession<Extension extends object = object>(
  config: ShopperSessionConfig,
  internals: SessionInternals<Extension> = {},
): ShopperSession & Extension {
  const resolved = resolveSessionConfig(config)
  const { slas, now, random, leewayMs, retry } = resolved
  const log = createSafeLogger(resolved.logger)
  const storage = resolved.storage ?? createMemoryStorage()
  const coordination = resolved.coordination ?? createInProcessCoordination()
  const store = createSessionStore(
    storage,
    storageKey(resolved.storageKeyPrefix, slas.organizationId, slas.siteId, slas.clientId),
  )
  const busId = createState() // this session's id on the coordination bus
  const { organizationId, siteId, baseUrl, fetch: rawFetch } = slas
  const scapi = { organizationId, siteId, baseUrl, fetch: rawFetch }
  const { dnt } = resolved
  const { trustedSystem } = internals
  const work = createSessionWork({
    shareRefresh: internals.shareRefresh,
    identify: internals.identify,
    trustedSystem:
      trustedSystem && ((loginId, usid) => trustedSystem(config, { loginId, usid, dnt })),
    slas: createSessionSlas(slas, dnt),
    store,
    coordination,
    busId,
    now,
    leewayMs,
    calls: createShopperCalls(scapi),
    onStorageError: (error) => {
      const reason = error instanceof Error ? error.message : 'the storage adapter failed'
      if (started) actor.send({ type: 'storage.failed', reason })
    },
  })
  const actor = createActor(wiredSessionMachine(random), {
    inspect: resolved.inspect,
    // Timers that do not keep a Node process alive: a script ends without `stop()`.
    clock: nodeFriendlyClock,
    input: {
      leewayMs,
      transferBasket: resolved.transferBasket,
      retry,
      proactiveRefresh: internals.proactiveRefresh ?? true,
    },
  })
  registerWork(actor.system, work)

  let started = false
  const cleanups: Array<() => void> = []
  const start = () => {
    if (started) return session
    started = true
    cleanups.push(
      coordination.subscribe((message) => {
        if (message.sender === busId || message.key !== store.key) return
        void followExternal()
      }),
      // Every emitted event reaches the logger (redacted); failures and storage trouble as
      // warnings.
      actor.on('*', (event) => {
        const warn = 'error' in event || event.type.startsWith('storage.')
        ;(warn ? log.warn : log.debug)(`shopper-session: ${event.type}`, event)
      }).unsubscribe,
    )
    actor.start()
    return session
  }

  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    actor.stop()
    await work.settled()
  }

  // Another session sharing the storage changed it: adopt what is there now.
  const followExternal = async () => {
    try {
      const found = await store.read(now())
      const tokens = found.kind === 'session' ? found.tokens : undefined
      // Nothing to do when storage still holds what this session holds (or both hold nothing).
      if (tokens?.refreshToken === actor.getSnapshot().context.tokens?.refreshToken) return
      actor.send({
        type: 'session.external',
        tokens: tokens ? measure(tokens, now(), leewayMs) : null,
      })
    } catch (error) {
      log.error('shopper-session: reading storage after a change notice failed', error)
    }
  }

  // Every public wait checks the clock first: a clock that returns no time is `invalid_config`
  // at once (the session's timers would otherwise wait for nothing).
  const ready = async (options: ActionOptions = {}): Promise<void> => {
    now()
    start()
    return until(
      actor,
      (snapshot) => {
        const { tokens, error } = snapshot.context
        if (snapshot.hasTag('tokenValid') || (tokens && !snapshot.hasTag('busy'))) {
          return resolveWith(undefined)
        }
        if (!snapshot.hasTag('unavailable')) return keepWaiting
        const failure = error ?? { code: 'network', message: 'No session could be started.' }
        return rejectWith(toShopperSessionError(failure))
      },
      { signal: options.signal, timeoutMs: resolved.waitTimeoutMs },
    )
  }

  const getAccessToken = async (options: AccessTokenOptions = {}) => {
    await ready(options)
    return waitForAccessToken(actor, now, options, resolved.waitTimeoutMs)
  }

  // The password goes into a box at once: the event, the login actor's input and every
  // snapshot carry only the box.
  const login = (
    first: string | LoginCredentials,
    password?: string,
    options?: ActionOptions,
  ): Promise<void> => {
    const given = typeof first === 'object' && first !== null ? first : undefined
    const username = given ? given.username : (first as string)
    const text = given ? given.password : (password as string)
    const event = { type: 'login', username, password: secret(text) } as const
    return signIn(actor, ready, event, username, given ?? options)
  }

  const register = async (
    first: RegistrationCustomer | Registration,
    password?: string,
    options?: ActionOptions,
  ): Promise<void> => {
    // The option-object form is told apart by its `customer` (a customer has `login`).
    const given = isRegistration(first) ? first : undefined
    const customer = given ? given.customer : (first as RegistrationCustomer)
    if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) {
      const message = 'registerCustomer: customer: must be an object with login, email and lastName'
      throw new ShopperSessionError('bad_request', message, { operation: 'registerCustomer' })
    }
    const text = given ? given.password : password
    const event = { type: 'register', customer, password: secret(text as string) } as const
    await signIn(actor, ready, event, customer.login, given ?? options)
  }

  const members: ShopperSessionMembers = {
    actor,
    start,
    stop,
    ready,
    getSnapshot: () => actor.getSnapshot(),
    // XState's `unsubscribe` is an arrow function: handed out as it is.
    subscribe: (listener) => actor.subscribe(listener).unsubscribe,
    on: (type, handler) => actor.on(type, handler as (event: SessionEmitted) => void).unsubscribe,
    getShopper: () => shopperOf(actor.getSnapshot().context.tokens),
    getAccessToken,
    getTokens() {
      const tokens = actor.getSnapshot().context.tokens
      // An imported session's placeholders are no tokens: there are none until its refresh.
      return tokens && tokens.accessToken !== IMPORT_PENDING ? { ...tokens } : undefined
    },
    login: login as ShopperSessionMembers['login'],
    register: register as ShopperSessionMembers['register'],
    async logout(options = {}) {
      if (typeof options !== 'object' || options === null) {
        throw new ShopperSessionError('invalid_config', 'logout: options must be an object')
      }
      await ready(options)
      const { allSessions, remote, signal } = options
      // Done once a new guest session runs.
      await act(
        actor,
        { type: 'logout', allSessions: allSessions === true, remote: remote !== false },
        'guest',
        { signal },
      )
    },
    check() {
      if (started) actor.send({ type: 'session.check', now: now() })
    },
    retry() {
      if (started) actor.send({ type: 'retry' })
    },
    fetch: createAuthorizedFetch({ getAccessToken }, rawFetch, resolved.tokenOrigins),
    scapi,
  }
  // The one place the session object is put together: its members, the disposal symbol, and
  // what the entry built on this one adds.
  const core = { ...members, [ASYNC_DISPOSE]: stop } as ShopperSession
  const session = { ...core, ...internals.extend?.(core) } as ShopperSession & Extension
  if (internals.watch) {
    const unwatch = internals.watch(session)
    cleanups.push(unwatch)
  }
  return session
}

/** Whether `value` is `register()`'s option-object form. */
function isRegistration(value: unknown): value is Registration {
  return typeof value === 'object' && value !== null && 'customer' in value && 'password' in value
}
