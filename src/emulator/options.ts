/**
 * `EmulatorOptions` (everything optional, defaults documented on each field) and their resolution
 * into `EmulatorSettings`, the fully defaulted view the routes and `emulator.settings` use.
 *
 * @module
 */
import { type BasketOptions, type BasketSettings, resolveBasketSettings } from './baskets/model.ts'
import {
  type AccountManagerOptions,
  type AccountManagerSettings,
  resolveAccountManager,
} from './accountManager/settings.ts'
import {
  type PasswordPolicy,
  type ResolvedPasswordPolicy,
  resolvePasswordPolicy,
} from './customers/passwordPolicy.ts'
import type { EmulatorHooks } from './hooks.ts'
import { customerId, randomString } from './ids.ts'
import {
  DEFAULT_ORGANIZATION_ID,
  DEFAULT_PRIVATE_CLIENT_ID,
  DEFAULT_PRIVATE_CLIENT_SECRET,
  DEFAULT_PUBLIC_CLIENT_ID,
  DEFAULT_REDIRECT_URIS,
  DEFAULT_SHOPPERS,
  DEFAULT_SHORT_CODE,
  DEFAULT_SITE_IDS,
  IN_PROCESS_ORIGIN,
  SHOPPER_SCOPES,
  type ShopperSeed,
  TRUSTED_SYSTEM_SCOPE,
} from './seed.ts'

export type { ShopperSeed } from './seed.ts'

/** Largest accepted request body (bytes); larger bodies get 413. */
export const MAX_BODY_BYTES = 64 * 1024

/** A SLAS client as given in options. */
export interface ClientOptions {
  /** Client id (≤ 40 characters). */
  clientId: string
  /** Client secret. Present = private client (Basic auth on /token, revoke, introspect, TSOB). */
  secret?: string
  /**
   * Registered redirect URIs; `*` matches one host label or the port. Default: the loopback
   * `/callback` set of `seed.ts`.
   */
  redirectURIs?: readonly string[]
  /** Scopes put in the JWT `scp`; include `sfcc.ts_ext_on_behalf_of` to allow trusted system. */
  scopes?: readonly string[]
  /**
   * Strict Client Auth: `x-slas-client-auth` required on /login and /authorize (private clients
   * only). Default false.
   */
  strictClientAuth?: boolean
}

/** Token lifetimes in seconds. */
export interface LifetimeOptions {
  /** Access token (JWT) lifetime. Default 1800 (30 min). */
  accessTokenSeconds?: number
  /** Guest refresh token lifetime. Default 2 592 000 (30 days). */
  guestRefreshTokenSeconds?: number
  /** Registered refresh token lifetime. Default 7 776 000 (90 days). */
  registeredRefreshTokenSeconds?: number
  /**
   * When true a rotated refresh token gets a fresh full lifetime; when false (default) it keeps
   * the absolute expiry of the login that started the chain (the real rule is unconfirmed).
   */
  slidingRefresh?: boolean
}

/** Rate-limit headers and optional enforcement, per client id, in emulator-time windows. */
export interface RateLimitOptions {
  /** `X-RateLimit-1M-Limit`. Default 600. */
  perMinute?: number
  /** `X-RateLimit-5M-Limit`. Default 2400. */
  perFiveMinutes?: number
  /** Answer 429 + `Retry-After` once a window is used up. Default false (headers only). */
  enforce?: boolean
}

/** Options of {@link createEmulator}; every field is optional. */
export interface EmulatorOptions {
  /** Default `f_ecom_zzte_001`. The tenant id in tokens is the part after `f_ecom_`. */
  organizationId?: string
  /** Default `emulator`. */
  shortCode?: string
  /** Valid `channel_id` values. Default `['RefArch']`. */
  siteIds?: readonly string[]
  /**
   * Clients. `public` / `private` are merged over the defaults (`emulator-public-client` with the
   * loopback redirect URIs; `emulator-private-client` with secret `emulator-private-client-secret`
   * and scope `sfcc.ts_ext_on_behalf_of`); `extra` adds more clients.
   */
  clients?: {
    public?: Partial<Omit<ClientOptions, 'secret'>>
    private?: Partial<ClientOptions>
    extra?: readonly ClientOptions[]
  }
  /** Registered shoppers; replaces the default Ada Lovelace and Grace Hopper (`seed.ts`). */
  shoppers?: readonly ShopperSeed[]
  /** Token lifetimes. */
  lifetimes?: LifetimeOptions
  /** Authorization code lifetime. Default 60 s. */
  codeTtlSeconds?: number
  /**
   * What a reused (already rotated) public refresh token does. `'reject'` (default): it fails.
   * `'revokeFamily'`: it fails and the newer token of the chain is revoked too (strict OAuth).
   */
  refreshTokenReuse?: 'reject' | 'revokeFamily'
  /** Lockout: by default 5 wrong passwords in a row lock the login 1800 s; maxAttempts 0: off. */
  lockout?: { maxAttempts?: number; lockSeconds?: number }
  /** Same login twice within this window → 409. Default 1000 ms; 0 disables. */
  loginConflictWindowMs?: number
  /** CORS origins (`*` wildcards as in redirect URIs; `'*'` = any). Default: loopback origins. */
  corsOrigins?: readonly string[]
  /** Rate-limit headers and enforcement. */
  rateLimit?: RateLimitOptions
  /** Base clock in epoch ms. Default `Date.now`, read at each call. */
  now?: () => number
  // --- Shopper Baskets and server hooks ---
  /** Basket currency and prices (default `USD`, a stable price per product id). */
  baskets?: BasketOptions
  /**
   * Server hooks by operationId (`before` / `after` / `modifyResponse`, see `hooks.ts`); an
   * unknown operation name throws a `TypeError`.
   */
  hooks?: EmulatorHooks
  // --- Shopper Customers and Account Manager ---
  /**
   * Shopper password policy (registration, password change, reset): rules or a function.
   * Default: at least 8 characters with upper case, lower case, digit and special character.
   */
  passwordPolicy?: PasswordPolicy
  /**
   * A `login` change in updateCustomer needs the matching `currentPassword` (B2C Commerce 24.7+).
   * Default true; false emulates older releases (no password needed).
   */
  loginChangeRequiresPassword?: boolean
  /** Password reset token lifetime (`expiresInMinutes`). Default 30. */
  resetTokenMinutes?: number
  /** The Account Manager API client. Default `emulator-am-client` / `emulator-am-client-secret`. */
  accountManager?: AccountManagerOptions
}

/** A resolved SLAS client. */
export interface EmulatorClient {
  clientId: string
  type: 'public' | 'private'
  /** Only private clients have one. */
  secret?: string
  redirectURIs: readonly string[]
  scopes: readonly string[]
  strictClientAuth: boolean
}

/** A resolved seeded shopper (password included: these are test credentials). */
export type EmulatorShopper = Required<ShopperSeed>

/** The resolved settings: `emulator.settings`. */
export interface EmulatorSettings {
  organizationId: string
  /** `organizationId` without `f_ecom_` (used in `sub`, `iss`, `aud`). */
  tenantId: string
  shortCode: string
  siteIds: readonly string[]
  /** Origin used for relative URLs with the in-process `fetch`. */
  baseUrl: string
  /** A redirect URI registered on the default clients, for in-process use. */
  redirectURI: string
  clients: { public: EmulatorClient; private: EmulatorClient; all: readonly EmulatorClient[] }
  shoppers: readonly EmulatorShopper[]
  lifetimes: Required<LifetimeOptions>
  codeTtlSeconds: number
  refreshTokenReuse: 'reject' | 'revokeFamily'
  lockout: { maxAttempts: number; lockSeconds: number }
  loginConflictWindowMs: number
  corsOrigins: readonly string[]
  rateLimit: Required<RateLimitOptions>
  maxBodyBytes: number
  /** Shopper Baskets: currency and price function. */
  baskets: BasketSettings
  /** Shopper Customers: password policy, loginId change rule, reset token lifetime (minutes). */
  passwordPolicy: ResolvedPasswordPolicy
  loginChangeRequiresPassword: boolean
  resetTokenMinutes: number
  /** The Account Manager API client. */
  accountManager: AccountManagerSettings
}

function count(value: number | undefined, fallback: number, name: string): number {
  const resolved = value ?? fallback
  if (!Number.isFinite(resolved) || resolved < 0) {
    throw new TypeError(`createEmulator: ${name} must be a finite number ≥ 0, got ${resolved}`)
  }
  return resolved
}

function client(options: ClientOptions, type: 'public' | 'private'): EmulatorClient {
  if (!options.clientId || options.clientId.length > 40) {
    throw new TypeError(`createEmulator: client id must be 1-40 characters: '${options.clientId}'`)
  }
  if (type === 'private' && !options.secret) {
    throw new TypeError(`createEmulator: private client '${options.clientId}' needs a secret`)
  }
  return {
    clientId: options.clientId,
    type,
    ...(type === 'private' ? { secret: options.secret } : {}),
    redirectURIs: [...(options.redirectURIs ?? DEFAULT_REDIRECT_URIS)],
    scopes: [...(options.scopes ?? SHOPPER_SCOPES)],
    // Strict Client Auth needs a secret to check against: meaningless for public clients.
    strictClientAuth: type === 'private' && (options.strictClientAuth ?? false),
  }
}

function shopper(seed: ShopperSeed): EmulatorShopper {
  return {
    ...seed,
    email: seed.email ?? seed.login,
    customerId: seed.customerId ?? customerId(),
    customerNo: seed.customerNo ?? randomString(8, '0123456789'),
  }
}

function positiveMinutes(value: number | undefined): number {
  const minutes = value ?? 30
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new TypeError(`createEmulator: resetTokenMinutes must be an integer ≥ 1: ${minutes}`)
  }
  return minutes
}

/** Applies the defaults; throws a `TypeError` for options that cannot work. */
export function resolveSettings(options: EmulatorOptions = {}): EmulatorSettings {
  const organizationId = options.organizationId ?? DEFAULT_ORGANIZATION_ID
  const publicClient = client(
    { clientId: DEFAULT_PUBLIC_CLIENT_ID, ...options.clients?.public },
    'public',
  )
  const privateClient = client(
    {
      clientId: DEFAULT_PRIVATE_CLIENT_ID,
      secret: DEFAULT_PRIVATE_CLIENT_SECRET,
      scopes: [...SHOPPER_SCOPES, TRUSTED_SYSTEM_SCOPE],
      ...options.clients?.private,
    },
    'private',
  )
  const extra = (options.clients?.extra ?? []).map((c) =>
    client(c, c.secret ? 'private' : 'public'),
  )
  const all = [publicClient, privateClient, ...extra]
  const ids = new Set(all.map((c) => c.clientId))
  if (ids.size !== all.length) throw new TypeError('createEmulator: duplicate client ids')
  const siteIds = [...(options.siteIds ?? DEFAULT_SITE_IDS)]
  if (siteIds.length === 0) throw new TypeError('createEmulator: siteIds must not be empty')
  const lifetimes = options.lifetimes ?? {}
  const rateLimit = options.rateLimit ?? {}
  return {
    organizationId,
    tenantId: organizationId.replace(/^f_ecom_/, ''),
    shortCode: options.shortCode ?? DEFAULT_SHORT_CODE,
    siteIds,
    baseUrl: IN_PROCESS_ORIGIN,
    redirectURI: `${IN_PROCESS_ORIGIN}/callback`,
    clients: { public: publicClient, private: privateClient, all },
    shoppers: (options.shoppers ?? DEFAULT_SHOPPERS).map(shopper),
    lifetimes: {
      accessTokenSeconds: count(lifetimes.accessTokenSeconds, 1800, 'accessTokenSeconds'),
      guestRefreshTokenSeconds: count(
        lifetimes.guestRefreshTokenSeconds,
        30 * 86400,
        'guestRefreshTokenSeconds',
      ),
      registeredRefreshTokenSeconds: count(
        lifetimes.registeredRefreshTokenSeconds,
        90 * 86400,
        'registeredRefreshTokenSeconds',
      ),
      slidingRefresh: lifetimes.slidingRefresh ?? false,
    },
    codeTtlSeconds: count(options.codeTtlSeconds, 60, 'codeTtlSeconds'),
    refreshTokenReuse: options.refreshTokenReuse ?? 'reject',
    lockout: {
      maxAttempts: count(options.lockout?.maxAttempts, 5, 'lockout.maxAttempts'),
      lockSeconds: count(options.lockout?.lockSeconds, 1800, 'lockout.lockSeconds'),
    },
    loginConflictWindowMs: count(options.loginConflictWindowMs, 1000, 'loginConflictWindowMs'),
    corsOrigins: [
      ...(options.corsOrigins ?? ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*']),
    ],
    rateLimit: {
      perMinute: count(rateLimit.perMinute, 600, 'rateLimit.perMinute'),
      perFiveMinutes: count(rateLimit.perFiveMinutes, 2400, 'rateLimit.perFiveMinutes'),
      enforce: rateLimit.enforce ?? false,
    },
    maxBodyBytes: MAX_BODY_BYTES,
    baskets: resolveBasketSettings(options.baskets),
    passwordPolicy: resolvePasswordPolicy(options.passwordPolicy),
    loginChangeRequiresPassword: options.loginChangeRequiresPassword ?? true,
    resetTokenMinutes: positiveMinutes(options.resetTokenMinutes),
    accountManager: resolveAccountManager(options.accountManager),
  }
}
