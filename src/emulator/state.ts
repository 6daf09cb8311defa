/**
 * The emulator's mutable state: shoppers, authorization codes, sessions (one per login, a chain
 * of refresh tokens), access tokens, usid → guest customer, login attempts. Plain maps, replaced
 * wholesale by `control.reset()`.
 *
 * @module
 */
import type { AmTokenRecord } from './accountManager/model.ts'
import type { BasketRecord } from './baskets/model.ts'
import type {
  CustomerRecord,
  ExternalProfileRecord,
  OrderRecord,
  ResetTokenRecord,
} from './customers/model.ts'
import type { EmulatorSettings, EmulatorShopper } from './options.ts'

/** Guest or registered shopper. */
export type CustomerKind = 'guest' | 'registered'

/**
 * How a session was created. `/authorize` and trusted-system sessions are separate "session
 * types" for logout `hint=all-sessions` (SLAS logoutCustomer).
 */
export type SessionType = 'authorize' | 'tsob'

/** A registered shopper (mutable: later Shopper Customers routes change passwords and logins). */
export type ShopperRecord = EmulatorShopper

/** An authorization code from /authorize or /login, waiting for /token. */
export interface CodeRecord {
  code: string
  clientId: string
  redirectURI: string
  /** PKCE S256 challenge; absent for private clients that skipped PKCE. */
  challenge: string | undefined
  usid: string
  /** `channel_id` given at /authorize or /login, if any; /token must use the same. */
  siteId: string | undefined
  kind: CustomerKind
  /** Registered codes: the shopper's login. */
  login: string | undefined
  expiresAt: number
  used: boolean
}

/** One login: the chain of refresh tokens and the access tokens issued from it. */
export interface SessionRecord {
  id: string
  clientId: string
  usid: string
  siteId: string
  kind: CustomerKind
  sessionType: SessionType
  /** Guest customer id of the usid (also carried by registered tokens). */
  gcid: string
  /** Registered customer id. */
  rcid: string | undefined
  login: string | undefined
  /** `uido` in the `isb`: `slas` for guests, `ecom` (or the TSOB idp_origin) for registered. */
  uido: string
  /** Last `dnt` sent (`'true'`/`'false'`), if any. */
  dnt: string | undefined
  /** Absolute expiry of the current refresh token (ms). */
  refreshExpiresAt: number
  /** The live refresh token of the chain. */
  refreshToken: string
  /** Logged out, revoked or ended by reuse detection. */
  ended: boolean
}

/** A refresh token ever issued. */
export interface RefreshRecord {
  token: string
  sessionId: string
  /** Issue time (ms, emulator time). */
  issuedAt: number
  /** `rotated`: replaced by a newer token of its chain; using it again is reuse. */
  status: 'active' | 'rotated' | 'revoked'
}

/** An access token ever issued (kept so revocation and `reset()` can invalidate it). */
export interface AccessRecord {
  jti: string
  token: string
  sessionId: string
  expiresAt: number
  revoked: boolean
  /** Why it was revoked, when a shopper-visible reason exists (Shopper Customers 401 detail). */
  revokedBecause?: 'credentialsChanged'
}

/** Failed-password bookkeeping per login. */
export interface LoginRecord {
  failures: number
  lockedUntil: number
  /** Last successful login (the 1-second conflict rule compares against it). */
  lastLoginAt: number | undefined
}

/** Everything the emulator remembers. */
export interface EmulatorState {
  /** By lower-cased login. */
  shoppers: Map<string, ShopperRecord>
  codes: Map<string, CodeRecord>
  sessions: Map<string, SessionRecord>
  refreshTokens: Map<string, RefreshRecord>
  accessTokens: Map<string, AccessRecord>
  /** usid → its guest customer id. */
  usids: Map<string, { gcid: string }>
  /** By lower-cased login. */
  logins: Map<string, LoginRecord>
  /** Lower-cased logins with a trusted-system token request in flight (409 on overlap). */
  trustedSystemInFlight: Set<string>
  // --- Shopper Customers and Account Manager (customers/model.ts, accountManager/model.ts) ---
  /** Profiles, addresses, payment instruments, product lists: by customerId (guest or not). */
  customers: Map<string, CustomerRecord>
  /** By `externalProfileKey(authenticationProviderId, externalId)`. */
  externalProfiles: Map<string, ExternalProfileRecord>
  /** Password reset tokens, in issue order (the outbox). */
  resetTokens: Map<string, ResetTokenRecord>
  /** Orders by customerId (empty unless seeded with `control.seedOrders`). */
  orders: Map<string, OrderRecord[]>
  /** Account Manager access tokens by `jti`. */
  amTokens: Map<string, AmTokenRecord>
  // --- Shopper Baskets (baskets/model.ts) ---
  /** Open baskets by basketId (owner: `BasketRecord.customerId`, gcid or rcid). */
  baskets: Map<string, BasketRecord>
}

/** Lower-cases a login for lookups (B2C logins are case-insensitive). */
export function loginKey(login: string): string {
  return login.toLowerCase()
}

/** Fresh state seeded from the settings. */
export function createState(settings: EmulatorSettings): EmulatorState {
  return {
    shoppers: new Map(settings.shoppers.map((s) => [loginKey(s.login), { ...s }])),
    codes: new Map(),
    sessions: new Map(),
    refreshTokens: new Map(),
    accessTokens: new Map(),
    usids: new Map(),
    logins: new Map(),
    trustedSystemInFlight: new Set(),
    customers: new Map(),
    externalProfiles: new Map(),
    resetTokens: new Map(),
    orders: new Map(),
    amTokens: new Map(),
    baskets: new Map(),
  }
}

/** The kinds of secret the emulator knows (`control.secrets(kinds)`). */
export type SecretKind =
  | 'clientSecret'
  | 'password'
  | 'code'
  | 'refreshToken'
  | 'accessToken'
  | 'resetToken'
  | 'accountManagerToken'

/** The secrets in the state by kind: passwords, codes, refresh, access, reset and AM tokens. */
export function stateSecrets(
  state: EmulatorState,
): Record<Exclude<SecretKind, 'clientSecret'>, string[]> {
  return {
    password: Array.from(state.shoppers.values(), (s) => s.password),
    code: [...state.codes.keys()],
    refreshToken: [...state.refreshTokens.keys()],
    accessToken: Array.from(state.accessTokens.values(), (a) => a.token),
    resetToken: [...state.resetTokens.keys()],
    accountManagerToken: Array.from(state.amTokens.values(), (a) => a.token),
  }
}
