/**
 * `shopper-session/emulator`: a local emulator of SLAS (Shopper Login and API Access Service) as a
 * web-standard handler. Runs in-process (`emulator.handle` / `emulator.fetch`, no sockets) or over
 * HTTP (`serveEmulator` from `shopper-session/emulator/node`, or `npm run emulator`).
 *
 * @example
 * ```ts
 * const emulator = createEmulator()
 * const response = await emulator.fetch(
 *   `/shopper/auth/v1/organizations/${emulator.settings.organizationId}/oauth2/jwks`,
 * )
 * emulator.control.failNext('getAccessToken', { status: 503 })
 * emulator.control.advanceTime(31 * 60_000) // access tokens have expired
 * ```
 * @see `shared/specs/auth-oas-v1-public.yaml` (the official SLAS OpenAPI file)
 * @module
 */
import { accountManagerModule } from './accountManager/index.ts'
import { basketsModule } from './baskets/index.ts'
import { callbackPaths } from './callback.ts'
import { createClock } from './clock.ts'
import { createControl, type EmulatorControl } from './control.ts'
import type { EmulatorCore } from './core.ts'
import { createCors } from './cors.ts'
import { customersModule } from './customers/index.ts'
import { createFaultQueue } from './faults.ts'
import { checkHooks } from './hooks.ts'
import { createEmulatorFetch } from './fetch.ts'
import { generateSigningKey, type SigningKey } from './jwt.ts'
import { type EmulatorOptions, type EmulatorSettings, resolveSettings } from './options.ts'
import { createPipeline, type RequestLogEntry } from './pipeline.ts'
import { createRateLimiter } from './rateLimit.ts'
import { createRouter } from './router.ts'
import { slasModule } from './slas/index.ts'
import { createState } from './state.ts'
import { createThrottleQueue } from './throttle.ts'

export type { EmulatorControl, SessionFilter } from './control.ts'
export type { SecretKind } from './state.ts'
export { ConnectionDropped, type Fault } from './faults.ts'
export type {
  EmulatorHooks,
  HookContext,
  HookCustomer,
  HookResult,
  OperationHooks,
} from './hooks.ts'
export type { ForcedRateLimit } from './throttle.ts'
export type { BasketOptions, BasketRecord } from './baskets/index.ts'
export type { AccountManagerOptions, AccountManagerSettings } from './accountManager/settings.ts'
export type {
  PasswordPolicy,
  PasswordRules,
  PasswordValidator,
  ResolvedPasswordPolicy,
} from './customers/passwordPolicy.ts'
export type { OutboxEntry } from './customers/controlApi.ts'
export type {
  ClientOptions,
  EmulatorClient,
  EmulatorOptions,
  EmulatorSettings,
  EmulatorShopper,
  LifetimeOptions,
  RateLimitOptions,
  ShopperSeed,
} from './options.ts'
export { MAX_BODY_BYTES } from './options.ts'
export type { RequestLogEntry } from './pipeline.ts'

/** A running emulator. */
export interface Emulator {
  /** The web-standard handler. Rejects only with `ConnectionDropped` (a `drop` fault). */
  handle(request: Request): Promise<Response>
  /** A drop-in `fetch` answering from `handle`; a drop rejects with `TypeError('fetch failed')`. */
  fetch: typeof fetch
  /** Time, faults, reset, revocation, secrets, request log. */
  control: EmulatorControl
  /** The resolved settings (organization, sites, clients, seeded shoppers with passwords, …). */
  settings: EmulatorSettings
  /**
   * What a shopper session (or a SLAS client) needs to talk to this emulator in-process: its
   * `baseUrl`, organization, first site, a client id with its redirect URI, its `fetch`, and its
   * clock as `now`, so `control.advanceTime` moves the session's time too. `'private'` gives the
   * private client, with its secret (server code only).
   */
  clientConfig(kind?: 'public' | 'private'): EmulatorClientConfig
}

/** See {@link Emulator.clientConfig}. */
export interface EmulatorClientConfig {
  baseUrl: string
  organizationId: string
  siteId: string
  clientId: string
  redirectURI: string
  fetch: typeof fetch
  now: () => number
  clientSecret?: string
}

/**
 * Creates an emulator. Synchronous: the ES256 key is generated on the first request that needs it.
 *
 * @param options - all optional; see {@link EmulatorOptions} for the defaults.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const settings = resolveSettings(options)
  const clock = createClock(options.now)
  let key: Promise<SigningKey> | undefined
  // Keys rotated out, newest first: still in the JWKS, still accepted.
  const retired: SigningKey[] = []
  const core: EmulatorCore = {
    settings,
    clock,
    state: createState(settings),
    signingKey() {
      key ??= generateSigningKey().catch((error: unknown) => {
        key = undefined // a failed generation must not poison every later request
        throw error
      })
      return key
    },
    async signingKeys() {
      return [await core.signingKey(), ...retired]
    },
    async rotateSigningKey() {
      const next = await generateSigningKey()
      // Read after the generation: another rotation may have finished meanwhile.
      retired.unshift(await core.signingKey())
      key = Promise.resolve(next)
      return next
    },
  }
  const router = createRouter([slasModule, basketsModule, customersModule, accountManagerModule])
  const faults = createFaultQueue(() => router.operations())
  const throttle = createThrottleQueue(() => router.operations())
  const hooks = checkHooks(options.hooks, router.operations())
  const rateLimiter = createRateLimiter(settings.rateLimit)
  const log: RequestLogEntry[] = []
  const handle = createPipeline({
    core,
    router,
    faults,
    rateLimiter,
    cors: createCors(settings.corsOrigins),
    log,
    callbackPaths: callbackPaths(settings),
    throttle,
    hooks,
  })
  const fetch = createEmulatorFetch(handle, settings.baseUrl)
  const control = createControl({ core, clock, faults, rateLimiter, log, throttle })
  return {
    handle,
    fetch,
    control,
    settings,
    clientConfig(kind = 'public') {
      const client = settings.clients[kind]
      return {
        baseUrl: settings.baseUrl,
        organizationId: settings.organizationId,
        siteId: settings.siteIds[0] ?? 'RefArch',
        clientId: client.clientId,
        redirectURI: settings.redirectURI,
        fetch,
        now: () => control.now(),
        ...(kind === 'private' && client.secret ? { clientSecret: client.secret } : {}),
      }
    },
  }
}
