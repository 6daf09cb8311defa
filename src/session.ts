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
import {
  backoffDelay,
  clampDelay,
  type RetryPolicy,
  type SessionTokens,
} from '../machines/contracts.ts'
import {
  type RegistrationCustomer,
  type SessionEmitted,
  type SessionEvent,
  sessionMachine,
} from '../machines/sessionMachine.ts'
import { tokenRefreshMachine } from '../machines/tokenRefreshMachine.ts'
import {
  bindSessionWork,
  createSessionWork,
  type IdentifyTokens,
  type RefreshSharing,
  refreshActor,
  sessionActors,
} from './actors.ts'
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
import { createShopperCalls } from './session/shopperCalls.ts'
import { createSessionSlas } from './session/slasWire.ts'
import { createSessionStore, storageKey } from './session/store.ts'
import { measure } from './session/tokens.ts'
import { until } from './session/until.ts'

export type { ShopperSessionConfig } from './session/config.ts'
export type { RegistrationCustomer, SessionEmitted } from '../machines/sessionMachine.ts'
export type { SessionTag, SessionTokens } from '../machines/contracts.ts'

/** A snapshot of the session machine. Read tags (`hasTag('registered')`), not state paths. */
export type SessionSnapshot = SnapshotFrom<typeof sessionMachine>

/** Handler of one emitted event type. */
export type SessionEventHandler<T extends SessionEmitted['type']> = (
  event: Extract<SessionEmitted, { type: T }>,
) => void

/** A running shopper session. */
export interface ShopperSession {
  /** The XState actor (for inspection and `@xstate/react`). */
  readonly actor: Actor<typeof sessionMachine>
  /** Starts the machine (idempotent). `ready()`, `login()` and friends start it too. */
  start(): ShopperSession
  /** Stops the machine and its listeners. A refresh already sent still completes and is stored. */
  stop(): void
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
  /** A usable access token; concurrent callers share one refresh. */
  getAccessToken(options?: AccessTokenOptions): Promise<string>
  /** The current token set (a copy), or undefined. Never log it. */
  getTokens(): SessionTokens | undefined
  /**
   * Logs a shopper in (keeping the guest usid and basket). Resolves on this shopper's own login
   * only: `conflict` when another tab logged someone else in meanwhile, `aborted` when a logout
   * overtook it. Rejects with the coded error otherwise.
   */
  login(username: string, password: string, options?: ActionOptions): Promise<void>
  /** registerCustomer, then login (basket kept). Rejects with the coded error. */
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
   * `fetch` with the shopper's Bearer token, for the API's origin (and `trustedOrigins`) only: a
   * request elsewhere is refused with `invalid_config` before anything is sent. A 401 refreshes
   * once and retries once; no answer is `network`, `timeout` or `aborted`.
   */
  readonly fetch: typeof fetch
  /** Organization, site and API origin, for clients built on this session. */
  readonly scapi: { organizationId: string; siteId: string; baseUrl: string; fetch: typeof fetch }
}

/** Options of {@link ShopperSession.logout}. */
export interface LogoutOptions extends ActionOptions {
  /** End every session of the shopper at SLAS (`hint=all-sessions`). */
  allSessions?: boolean
  /** `false` skips SLAS (the credentials changed: it already refuses these tokens). */
  remote?: boolean
}

/** Internals the server entry plugs in. */
export interface SessionInternals {
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
}

// One provided machine per jitter source (normally just `Math.random`): building it per session
// would cost every server request ~50 KiB.
const machines = new WeakMap<() => number, ReturnType<typeof sessionMachine.provide>>()

function machineFor(random: () => number) {
  let machine = machines.get(random)
  if (!machine) {
    // Jitter spreads the retries of many shoppers; it never goes below the server's Retry-After.
    const retryBackoff = ({ context }: { context: JitterContext }) => {
      const base = backoffDelay(context.attempt, context.retry, undefined)
      return clampDelay(
        Math.max(context.error?.retryAfterMs ?? 0, base / 2 + (base / 2) * random()),
      )
    }
    machine = sessionMachine.provide({
      actors: {
        ...sessionActors,
        tokenRefresh: tokenRefreshMachine.provide({
          actors: { getAccessToken: refreshActor },
          delays: { retryBackoff },
        }),
      },
      delays: { retryBackoff },
    })
    machines.set(random, machine)
  }
  return machine
}

/** What the backoff delay reads from either machine's context. */
interface JitterContext {
  attempt: number
  retry: RetryPolicy
  error?: { retryAfterMs?: number } | undefined
}

/**
 * Creates a shopper session. Throws `ShopperSessionError('invalid_config')` naming the bad field.
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
 * await session.login('jane@example.com', password)
 * const response = await session.fetch(`${base}/checkout/shopper-baskets/v1/...`)
 * ```
 */
export function createShopperSession(
  config: ShopperSessionConfig,
  internals: SessionInternals = {},
): ShopperSession {
  const resolved = resolveSessionConfig(config)
  const { slas, now, random, leewayMs, retry } = resolved
  const log = createSafeLogger(resolved.logger)
  const storage = resolved.storage ?? createMemoryStorage()
  const coordination = resolved.coordination ?? createInProcessCoordination()
  const store = createSessionStore(
    storage,
    storageKey(resolved.storageKeyPrefix, slas.organizationId, slas.siteId, slas.clientId),
  )
  const origin = createState() // a random id on the coordination bus
  const { organizationId, siteId, origin: baseUrl, fetch: rawFetch } = slas
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
    origin,
    now,
    leewayMs,
    calls: createShopperCalls(scapi),
    onStorageError: (error) => {
      const reason = error instanceof Error ? error.message : 'the storage adapter failed'
      if (started) actor.send({ type: 'storage.failed', reason })
    },
  })
  const actor = createActor(machineFor(random), {
    inspect: resolved.inspect,
    input: {
      leewayMs,
      transferBasket: resolved.transferBasket,
      retry,
      proactiveRefresh: internals.proactiveRefresh ?? true,
    },
  })
  bindSessionWork(actor.system, work)

  let started = false
  const cleanups: Array<() => void> = []
  const start = (): ShopperSession => {
    if (started) return session
    started = true
    cleanups.push(
      coordination.subscribe((message) => {
        if (message.origin === origin || message.key !== store.key) return
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
        if (snapshot.hasTag('authenticated') || (tokens && !snapshot.hasTag('busy'))) {
          return [undefined]
        }
        if (!snapshot.hasTag('unavailable')) return undefined
        throw toShopperSessionError(
          error ?? { code: 'network', message: 'No session could be started.' },
        )
      },
      { signal: options.signal, timeoutMs: resolved.waitTimeoutMs },
    )
  }

  const getAccessToken = async (options: AccessTokenOptions = {}) => {
    await ready(options)
    return waitForAccessToken(actor, now, options, resolved.waitTimeoutMs)
  }

  const session: ShopperSession = {
    actor,
    start,
    stop() {
      for (const cleanup of cleanups.splice(0)) cleanup()
      actor.stop()
    },
    ready,
    getSnapshot: () => actor.getSnapshot(),
    // XState's `unsubscribe` is an arrow function: handed out as it is.
    subscribe: (listener) => actor.subscribe(listener).unsubscribe,
    on: (type, handler) => actor.on(type, handler as (event: SessionEmitted) => void).unsubscribe,
    getAccessToken,
    getTokens() {
      const tokens = actor.getSnapshot().context.tokens
      return tokens ? { ...tokens } : undefined
    },
    // The password goes into a box at once: the event, the login actor's input and every
    // snapshot carry only the box.
    login: (username, password, options) =>
      signIn(
        actor,
        ready,
        { type: 'login', username, password: secret(password) },
        username,
        options,
      ),
    async register(customer, password, options) {
      if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) {
        const message =
          'registerCustomer: customer: must be an object with login, email and lastName'
        throw new ShopperSessionError('bad_request', message, { operation: 'registerCustomer' })
      }
      const event = { type: 'register', customer, password: secret(password) } as const
      await signIn(actor, ready, event, customer.login, options)
    },
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
    fetch: createAuthorizedFetch({ getAccessToken }, rawFetch, resolved.tokenOrigins),
    scapi,
  }
  return session
}
