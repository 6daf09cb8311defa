/**
 * The options of a password reset service, validated once when it is created: a bad option is
 * `invalid_config` naming the field (never its value: one is a client secret).
 *
 * @module
 */
import * as z from 'zod/mini'
import type { Logger } from '../../logger.ts'
import type { AccountManagerConfig } from '../../scapi/accountManager.ts'
import { oneOf } from '../../scapi/checks.ts'
import {
  apiOrigin,
  baseUrlField,
  commonConfigFields,
  headerSecret,
  nonEmpty,
  parseConfig,
} from '../../scapi/configFields.ts'
import { issueDetails } from '../../scapi/issueDetails.ts'
import type { ScapiClientConfig } from '../../scapi/scapiConfig.ts'
import type { DeliverToken } from './devOutbox.ts'
import type { RateLimitRule } from './rateLimit.ts'

/** The Account Manager API client whose token the reset calls carry. Server only. */
export interface PasswordResetAccountManager {
  /** The Account Manager API client id. */
  clientId: string
  /** Its secret. Never ship it to a browser. */
  clientSecret: string
  /** Account Manager's origin; default `https://account.demandware.com`. */
  baseUrl?: string
  /** Scopes to ask for, space separated; default: the client's own. */
  scope?: string
}

/** The rate limits of a password reset service, per action (request and reset count apart). */
export interface PasswordResetRateLimits {
  /** Per login (case-insensitive). Default 5 per 15 minutes; `false`: none. */
  perLogin?: RateLimitRule | false
  /** Per client key (e.g. IP address). Default 20 per 15 minutes; `false`: none. */
  perClient?: RateLimitRule | false
  /** The most keys each limiter keeps (default 10 000): memory stays bounded. */
  maxKeys?: number
}

/** Options of `createPasswordResetService`. */
export interface PasswordResetServiceOptions extends ScapiClientConfig {
  // The SCAPI location (`shortCode` or `baseUrl`, `organizationId`, `siteId`); `fetch` serves
  // Account Manager too; `headers` go to SCAPI only.
  /** The Account Manager API client whose client-credentials token both reset calls need. */
  accountManager: PasswordResetAccountManager
  /**
   * Hands each reset token to the shopper (e-mail a link). Default: a development outbox that
   * keeps deliveries in memory and logs a line without the token: nothing reaches shoppers.
   */
  deliverToken?: DeliverToken
  /**
   * An unknown login: `'not_found'` (default) rejects with `not_found`, as SCAPI answers 404;
   * `'neutral'` resolves as if a token was sent, so answers do not tell which logins exist. In
   * neutral mode a throwing `deliverToken` is logged and resolves too, for the same reason.
   */
  unknownLogin?: 'not_found' | 'neutral'
  /** Rate limits; `false` turns them off (e.g. when a gateway limits already). */
  rateLimit?: PasswordResetRateLimits | false
  /** The clock (epoch ms) for token expiry and limits. Default `Date.now`. */
  now?: () => number
  /** Gets redacted lines (the development outbox's, a failed delivery). Default: `console`. */
  logger?: Logger
}

/** Validated options, with defaults applied. */
export interface ResolvedPasswordResetOptions {
  scapi: ScapiClientConfig
  accountManager: AccountManagerConfig
  scope: string | undefined
  deliverToken: DeliverToken | undefined
  unknownLogin: 'not_found' | 'neutral'
  perLogin: RateLimitRule | undefined
  perClient: RateLimitRule | undefined
  maxKeys: number
  now: () => number
  logger: Logger | undefined
}

/** The default per-login limit: 5 requests per 15 minutes. */
export const DEFAULT_PER_LOGIN: RateLimitRule = { limit: 5, windowMs: 15 * 60_000 }

/** The default per-client limit: 20 requests per 15 minutes. */
export const DEFAULT_PER_CLIENT: RateLimitRule = { limit: 20, windowMs: 15 * 60_000 }

const LABEL = 'password reset service config'

const isFunction = (value: unknown) => typeof value === 'function'
const fn = <T>() => z.optional(z.custom<T>(isFunction, 'must be a function'))
/** An integer ≥ 1. */
export const positiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1

function isRule(value: unknown): value is RateLimitRule {
  const rule = value as Partial<RateLimitRule> | null
  return (
    typeof value === 'object' &&
    positiveInteger(rule?.limit) &&
    positiveInteger(rule?.windowMs) &&
    rule.windowMs <= 2_147_483_647
  )
}

/** A rate limit option: `false` or `{ limit, windowMs }` (also the session endpoint's). */
export const ruleField = z.optional(
  z.custom<RateLimitRule | false>(
    (value) => value === false || isRule(value),
    'must be false or { limit, windowMs } with integers ≥ 1 (windowMs at most 2^31 - 1)',
  ),
)

const RateLimitSchema = z.object({
  perLogin: ruleField,
  perClient: ruleField,
  maxKeys: z.optional(z.custom<number>(positiveInteger, 'must be an integer ≥ 1')),
})

const OptionsSchema = z.object({
  ...commonConfigFields,
  siteId: nonEmpty(32),
  accountManager: z.object({
    clientId: nonEmpty(256),
    clientSecret: headerSecret(1024),
    baseUrl: baseUrlField,
    scope: z.optional(nonEmpty(2048)),
  }),
  deliverToken: fn<DeliverToken>(),
  unknownLogin: z.optional(oneOf('not_found', 'neutral')),
  rateLimit: z.optional(RateLimitSchema),
  now: fn<() => number>(),
  logger: z.optional(
    z.custom<Logger>((value) => typeof value === 'object' && value !== null, 'must be an object'),
  ),
})

const NO_LIMITS = { perLogin: false, perClient: false } as const

/** Validates `options` and applies the defaults; `invalid_config` names the first bad field. */
export function resolvePasswordResetOptions(
  options: PasswordResetServiceOptions,
): ResolvedPasswordResetOptions {
  // `rateLimit: false` is read as both limits off, so one object schema names a nested bad field.
  const input =
    typeof options === 'object' && options !== null && options.rateLimit === false
      ? { ...options, rateLimit: NO_LIMITS }
      : options
  const value = parseConfig(LABEL, OptionsSchema, input, issueDetails)
  apiOrigin(LABEL, value) // shortCode or baseUrl, checked now rather than on the first call
  const { shortCode, baseUrl, organizationId, siteId, fetch, headers } = value
  const am = value.accountManager
  const limits = value.rateLimit
  const pick = (rule: RateLimitRule | false | undefined, fallback: RateLimitRule) =>
    rule === false ? undefined : (rule ?? fallback)
  return {
    scapi: { shortCode, baseUrl, organizationId, siteId, fetch, headers },
    accountManager: {
      clientId: am.clientId,
      clientSecret: am.clientSecret,
      baseUrl: am.baseUrl,
      fetch,
    },
    scope: am.scope,
    deliverToken: value.deliverToken,
    unknownLogin: value.unknownLogin ?? 'not_found',
    perLogin: pick(limits?.perLogin, DEFAULT_PER_LOGIN),
    perClient: pick(limits?.perClient, DEFAULT_PER_CLIENT),
    maxKeys: limits?.maxKeys ?? 10_000,
    now: value.now ?? (() => Date.now()),
    logger: value.logger,
  }
}
