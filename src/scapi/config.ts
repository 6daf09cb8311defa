/**
 * Configuration of the SLAS client, checked with plain field rules (no schema library: the
 * browser session carries this) into an `invalid_config` error that names the bad field and why.
 *
 * @module
 */
import { checkFields, configError } from '../validation/checkFields.ts'
import type { FieldRules } from '../validation/objects.ts'
import {
  all,
  boolean,
  isFunction,
  oneOf,
  optional,
  stringThat,
  text,
} from '../validation/rules.ts'
import {
  apiOrigin,
  baseUrlRule,
  headerSecretRule,
  headersRule,
  lazyFetch,
  organizationIdRule,
  parsesAsUrl,
  requestTimeoutRule,
  shortCodeRule,
} from './configRules.ts'

/**
 * Where and as whom the SLAS client talks.
 *
 * @example
 * ```ts
 * const config: SlasClientConfig = {
 *   shortCode: 'kv7kzm78',
 *   organizationId: 'f_ecom_zzxy_prd',
 *   clientId: 'c9c45bfd-0ed3-4aa2-9971-40f88962b836',
 *   siteId: 'RefArch',
 *   redirectURI: 'http://localhost:3000/callback',
 * }
 * ```
 */
export interface SlasClientConfig {
  /**
   * The instance short code: the API origin is
   * `https://{shortCode}.api.commercecloud.salesforce.com`.
   */
  shortCode?: string
  /**
   * Overrides the API origin (optionally with a path prefix), e.g. an emulator at
   * `http://localhost:8787`.
   */
  baseUrl?: string
  /** `f_ecom_{realm}_{instance}`, e.g. `f_ecom_zzxy_prd`. */
  organizationId: string
  /** The SLAS client id (public or private). */
  clientId: string
  /** The B2C Commerce site id, sent as `channel_id`. */
  siteId: string
  /** A redirect URI registered on the SLAS client. */
  redirectURI: string
  /** Secret of a private SLAS client. Server only: never ship it to a browser. */
  clientSecret?: string
  /** The fetch to use. Default: the global `fetch`, read at call time (spies and patches apply). */
  fetch?: typeof fetch
  /**
   * How SLAS's 303 redirects are handled: `'manual'` reads the `Location` header (Node),
   * `'follow'` follows it and reads the final URL (browsers, where `'manual'` hides `Location`).
   * Default: `'follow'` when a `document` exists, else `'manual'`.
   */
  redirect?: 'manual' | 'follow'
  /**
   * Send `x-slas-client-auth: base64(clientId:clientSecret)` on `/login` and `/authorize`
   * (needs `clientSecret`).
   */
  strictClientAuth?: boolean
  /** Extra headers sent with every request (the client's own headers win on a clash). */
  headers?: Record<string, string>
  /** Per-request deadline (ms); a request without an answer by then is `timeout`. Default 10 000. */
  timeoutMs?: number
}

/**
 * A validated configuration with its defaults applied; fields not documented here mean what they
 * mean in {@link SlasClientConfig}.
 */
export interface ResolvedSlasConfig {
  /** The API's base URL: its origin plus an optional path prefix, without a trailing slash. */
  baseUrl: string
  organizationId: string
  clientId: string
  siteId: string
  redirectURI: string
  clientSecret: string | undefined
  /** The configured fetch, or one that reads `globalThis.fetch` at call time. */
  fetch: typeof fetch
  /** The configured mode, or the platform default. */
  redirect: 'manual' | 'follow'
  strictClientAuth: boolean
  headers: Record<string, string>
}

const LABEL = 'SLAS client config'

/**
 * The rules of every {@link SlasClientConfig} field, in the order they are reported (the fields
 * every client has first, as `commonConfigFields` lists them for the zod configs).
 */
const SLAS_CONFIG_RULES: FieldRules<SlasClientConfig> = {
  shortCode: optional(shortCodeRule),
  baseUrl: optional(baseUrlRule),
  organizationId: organizationIdRule,
  fetch: optional(isFunction),
  headers: optional(headersRule),
  timeoutMs: optional(requestTimeoutRule),
  clientId: text(40),
  siteId: text(100),
  redirectURI: all(text(256), stringThat((value) => parsesAsUrl(value), 'must be an absolute URI')),
  clientSecret: optional(headerSecretRule(1024)),
  redirect: optional(oneOf('manual', 'follow')),
  strictClientAuth: optional(boolean),
}

/**
 * Validates `config` and applies defaults. Throws `ShopperSessionError('invalid_config')` whose
 * message names the first bad field, e.g. `organizationId: must look like f_ecom_abcd_001`.
 * Values are never echoed (one of them may be the client secret).
 */
export function resolveSlasConfig(config: SlasClientConfig): ResolvedSlasConfig {
  const value = checkFields(LABEL, SLAS_CONFIG_RULES, config)
  const resolvedBaseUrl = apiOrigin(LABEL, value)
  const { fetch, redirect, strictClientAuth = false, headers, clientSecret, timeoutMs } = value
  if (strictClientAuth && clientSecret === undefined) {
    // Only a private client has the secret that x-slas-client-auth carries.
    throw configError(LABEL, 'strictClientAuth: needs clientSecret (private clients only)')
  }
  return {
    organizationId: value.organizationId,
    clientId: value.clientId,
    siteId: value.siteId,
    redirectURI: value.redirectURI,
    baseUrl: resolvedBaseUrl,
    clientSecret,
    fetch: lazyFetch(fetch, timeoutMs),
    redirect: redirect ?? (typeof document !== 'undefined' ? 'follow' : 'manual'),
    strictClientAuth,
    headers: headers ?? {},
  }
}
