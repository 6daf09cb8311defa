/**
 * Configuration of the SLAS client, validated with zod/mini into an `invalid_config` error that
 * names the bad field and why.
 *
 * @module
 */
import * as z from 'zod/mini'
import { ShopperSessionError } from '../errors.ts'
import { describeFirstIssue } from './issues.ts'

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
}

/**
 * A validated configuration with its defaults applied; fields not documented here mean what they
 * mean in {@link SlasClientConfig}.
 */
export interface ResolvedSlasConfig {
  /** API origin plus optional path prefix, without a trailing slash. */
  origin: string
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

// Limits from the SLAS reference (section a.1) and the OpenAPI parameters.
const ORGANIZATION_ID = /^f_ecom_[a-z]{4}_(?:prd|stg|dev|s\d{2}|\d{3})$/
const SHORT_CODE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i
// Header values may not carry control characters; fetch would throw with the value in its message.
const HEADER_SAFE = /^[^\0-\x1f\x7f]*$/

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

function isHttpBase(value: string): boolean {
  if (!parsesAsUrl(value)) return false
  const url = new URL(value)
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === ''
  )
}

const nonEmpty = (max: number) =>
  z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max))

const ConfigSchema = z.object({
  shortCode: z.optional(
    z.string().check(z.regex(SHORT_CODE, 'must be a host name label like kv7kzm78')),
  ),
  baseUrl: z.optional(
    z
      .string()
      .check(z.refine(isHttpBase, 'must be an http(s) URL without credentials, query or hash')),
  ),
  organizationId: z
    .string()
    .check(z.maxLength(32), z.regex(ORGANIZATION_ID, 'must look like f_ecom_abcd_001')),
  clientId: nonEmpty(40),
  siteId: nonEmpty(100),
  redirectURI: nonEmpty(256).check(z.refine(parsesAsUrl, 'must be an absolute URI')),
  clientSecret: z.optional(
    nonEmpty(1024).check(
      z.refine((value) => HEADER_SAFE.test(value), 'must not contain control characters'),
    ),
  ),
  fetch: z.optional(
    z.custom<typeof fetch>((value) => typeof value === 'function', 'must be a function'),
  ),
  redirect: z.optional(z.enum(['manual', 'follow'])),
  strictClientAuth: z.optional(z.boolean()),
  headers: z.optional(z.record(z.string(), z.string())),
})

function invalid(reason: string): ShopperSessionError {
  return new ShopperSessionError('invalid_config', `Invalid SLAS client config: ${reason}`)
}

/**
 * Validates `config` and applies defaults. Throws `ShopperSessionError('invalid_config')` whose
 * message names the first bad field, e.g. `organizationId: must look like f_ecom_abcd_001`.
 * Values are never echoed (one of them may be the client secret).
 */
export function resolveSlasConfig(config: SlasClientConfig): ResolvedSlasConfig {
  if (typeof config !== 'object' || config === null) throw invalid('(root): must be an object')
  const result = ConfigSchema.safeParse(config)
  if (!result.success) throw invalid(describeFirstIssue(result.error.issues, config))
  const value = result.data
  if (value.shortCode === undefined && value.baseUrl === undefined) {
    throw invalid('shortCode: is required unless baseUrl is set')
  }
  if (value.strictClientAuth === true && value.clientSecret === undefined) {
    throw invalid(
      'strictClientAuth: needs clientSecret (only private clients can send x-slas-client-auth)',
    )
  }
  const origin =
    value.baseUrl !== undefined
      ? value.baseUrl.replace(/\/+$/, '')
      : `https://${value.shortCode ?? ''}.api.commercecloud.salesforce.com`
  const userFetch = value.fetch
  return {
    origin,
    organizationId: value.organizationId,
    clientId: value.clientId,
    siteId: value.siteId,
    redirectURI: value.redirectURI,
    clientSecret: value.clientSecret,
    // Read the global lazily so test spies and late polyfills apply (style practice 5).
    fetch: userFetch ?? ((input, init) => globalThis.fetch(input, init)),
    redirect: value.redirect ?? (typeof document !== 'undefined' ? 'follow' : 'manual'),
    strictClientAuth: value.strictClientAuth ?? false,
    headers: value.headers ?? {},
  }
}
