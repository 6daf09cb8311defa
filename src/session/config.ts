/**
 * `createShopperSession` options: validation (an `invalid_config` error that names the field and
 * says why) and defaults.
 *
 * @module
 */
import type { InspectionEvent, Observer } from 'xstate'
import {
  DEFAULT_RETRY_POLICY,
  MAX_TIMER_DELAY_MS,
  type RetryPolicy,
} from '../../machines/contracts.ts'
import { ShopperSessionError } from '../errors.ts'
import {
  INSPECTOR_REQUIRED,
  inspectionObserver,
  type ShopperInspector,
} from '../inspect/registry.ts'
import type { CoordinationAdapter } from '../../adapters/coordination/types.ts'
import type { StorageAdapter } from '../../adapters/storage/types.ts'
import type { Logger } from '../logger.ts'
import {
  type ResolvedSlasConfig,
  resolveSlasConfig,
  type SlasClientConfig,
} from '../scapi/config.ts'
import { trustedOriginsRule } from '../scapi/configRules.ts'
import { checkFields } from '../validation/checkFields.ts'
import { fields, type FieldRules } from '../validation/objects.ts'
import {
  all,
  boolean,
  holds,
  integer,
  isFunction,
  matching,
  optional,
  type Rule,
  text,
} from '../validation/rules.ts'

/** Options of `createShopperSession`. The SLAS fields are those of {@link SlasClientConfig}. */
export interface ShopperSessionConfig extends SlasClientConfig {
  /** Where tokens live. Default: a fresh in-memory storage (nothing survives a restart). */
  storage?: StorageAdapter
  /** Locks and notices shared with other sessions on the same storage. Default: in-process. */
  coordination?: CoordinationAdapter
  /**
   * Storage key prefix; the key is `{prefix}:{organizationId}:{siteId}:{clientId}`. Default
   * `shopper-session`.
   */
  storageKeyPrefix?: string
  /** Refresh this long before the access token expires. Default 60 000 ms; at most 10 minutes. */
  leewayMs?: number
  /** Backoff for transient failures. Default 1 s doubling to 60 s, 8 automatic retries. */
  retry?: Partial<RetryPolicy>
  /** Carry the guest basket over on login and registration (transferBasket, merge). Default true. */
  transferBasket?: boolean
  /** Do Not Track, sent with every token request when set. */
  dnt?: boolean
  /** Where log lines go (redacted). Default: nowhere. */
  logger?: Logger
  /** Clock (epoch ms). Default `Date.now`. Only differences matter: a skewed clock is fine. */
  now?: () => number
  /** Randomness for backoff jitter, in [0, 1). Default `Math.random`. */
  random?: () => number
  /**
   * How long `ready()` and `getAccessToken()` wait while transient failures are retried (ms).
   * When it passes they reject with the last failure (`network`, `timeout`, …) and the session
   * keeps retrying. Default 15 000 (server sessions: 10 000).
   */
  waitTimeoutMs?: number
  /**
   * Origins besides the API's own that `session.fetch` may send the shopper's token to (exact
   * origins such as `https://api.shop.example.com`). Default none: a request elsewhere is refused
   * with `invalid_config` before anything is sent.
   */
  trustedOrigins?: readonly string[]
  /**
   * Where XState's inspection events of the session actor go, redacted: an inspector made by
   * `redactedInspector(observer)` from `shopper-session/inspect` (an observer, a function, or an
   * `@statelyai/inspect` inspector). Tokens and codes show as `[redacted]` in every event,
   * snapshot and actor ref it passes on. A plain function or observer is refused
   * (`invalid_config`): wrap it. Raw events, tokens included, only through
   * `unsafeRawInspector(observer)`.
   */
  inspect?: ShopperInspector
}

/** What XState's `inspect` option takes (and what `redactedInspector` wraps). */
export type InspectionObserver = Observer<InspectionEvent> | ((event: InspectionEvent) => void)

/** The options with their defaults. */
export interface ResolvedSessionConfig {
  /** The SLAS fields, checked and resolved. */
  slas: ResolvedSlasConfig
  storage: StorageAdapter | undefined
  coordination: CoordinationAdapter | undefined
  storageKeyPrefix: string
  leewayMs: number
  retry: RetryPolicy
  transferBasket: boolean
  dnt: boolean | undefined
  logger: Logger | undefined
  now: () => number
  random: () => number
  waitTimeoutMs: number
  /** The API origin and the trusted ones, e.g. `https://kv7kzm78.api.commercecloud.salesforce.com`. */
  tokenOrigins: readonly string[]
  /** The observer behind the `inspect` inspector (redacting, unless it is an unsafe one). */
  inspect: Observer<InspectionEvent> | undefined
}

const LABEL = 'shopper session config'

/** The options of a session beyond the SLAS fields (checked by `resolveSlasConfig`). */
type SessionOptions = Omit<ShopperSessionConfig, keyof SlasClientConfig>

/** An object with the methods `methods` (what a storage or coordination adapter must have). */
const adapter = (...methods: string[]): Rule =>
  holds(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function'),
    `must be an object with ${methods.join(', ')}`,
  )

/** A duration in milliseconds from `min` to `max`. */
const ms = (max: number, min = 0) => integer(min, max)

/** The rules of every session option, in the order they are reported. */
const SESSION_OPTION_RULES: FieldRules<SessionOptions> = {
  storage: optional(adapter('get', 'set', 'remove')),
  coordination: optional(adapter('lock', 'publish', 'subscribe')),
  storageKeyPrefix: optional(
    all(text(64), matching(/^[\w.-]+$/, 'must be letters, digits, _ . or -')),
  ),
  leewayMs: optional(ms(600_000)),
  retry: optional(
    fields({
      baseDelayMs: optional(ms(3_600_000, 1)),
      maxDelayMs: optional(ms(3_600_000, 1)),
      maxAttempts: optional(integer(0, 100)),
    } satisfies FieldRules<RetryPolicy>),
  ),
  transferBasket: optional(boolean),
  dnt: optional(boolean),
  logger: optional(
    holds((value) => typeof value === 'object' && value !== null, 'must be an object'),
  ),
  now: optional(isFunction),
  random: optional(isFunction),
  waitTimeoutMs: optional(ms(MAX_TIMER_DELAY_MS, 1)),
  trustedOrigins: optional(trustedOriginsRule),
  // Only an inspector from shopper-session/inspect: redaction cannot be skipped by accident.
  inspect: optional(holds((value) => inspectionObserver(value) !== undefined, INSPECTOR_REQUIRED)),
}

/** The clock, checked on every read: a clock that returns no time fails loudly, never hangs. */
function checkedClock(read: () => number): () => number {
  return () => {
    const time = read()
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new ShopperSessionError('invalid_config', 'now(): must return a finite number (ms)')
    }
    return time
  }
}

/** Validates `config` (SLAS fields included) and applies the defaults. */
export function resolveSessionConfig(config: ShopperSessionConfig): ResolvedSessionConfig {
  const resolvedSlas = resolveSlasConfig(config) // throws invalid_config naming the bad field
  const options = checkFields(LABEL, SESSION_OPTION_RULES, config)
  const { storage, coordination, storageKeyPrefix, leewayMs, retry, transferBasket } = options
  return {
    slas: resolvedSlas,
    storage,
    coordination,
    storageKeyPrefix: storageKeyPrefix ?? 'shopper-session',
    leewayMs: leewayMs ?? 60_000,
    retry: {
      baseDelayMs: retry?.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: retry?.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
      maxAttempts: retry?.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
    },
    transferBasket: transferBasket ?? true,
    dnt: options.dnt,
    logger: options.logger,
    now: checkedClock(options.now ?? (() => Date.now())),
    random: options.random ?? Math.random,
    waitTimeoutMs: options.waitTimeoutMs ?? 15_000,
    tokenOrigins: [new URL(resolvedSlas.baseUrl).origin, ...(options.trustedOrigins ?? [])],
    inspect: inspectionObserver(options.inspect),
  }
}
