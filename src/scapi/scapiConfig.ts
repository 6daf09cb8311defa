/**
 * Configuration of the Shopper Customers and Shopper Baskets clients, validated like the SLAS one
 * into an `invalid_config` error that names the bad field.
 *
 * @module
 */
import * as z from 'zod/mini'
import { apiOrigin, commonConfigFields, lazyFetch, nonEmpty, parseConfig } from './configFields.ts'

/**
 * Where the Shopper APIs (Customers, Baskets) live. The shopper's access token is not part of it:
 * every call takes it explicitly, because it changes with each refresh.
 *
 * @example
 * ```ts
 * const config: ScapiClientConfig = {
 *   shortCode: 'kv7kzm78',
 *   organizationId: 'f_ecom_zzxy_prd',
 *   siteId: 'RefArch',
 * }
 * ```
 */
export interface ScapiClientConfig {
  /**
   * The instance short code: the API origin is
   * `https://{shortCode}.api.commercecloud.salesforce.com`.
   */
  shortCode?: string
  /** Overrides the API origin (optionally with a path prefix), e.g. `http://localhost:8787`. */
  baseUrl?: string
  /** `f_ecom_{realm}_{instance}`, e.g. `f_ecom_zzxy_prd`. */
  organizationId: string
  /** The B2C Commerce site id, sent as the `siteId` query parameter of every call. */
  siteId: string
  /** The fetch to use. Default: the global `fetch`, read at call time (spies and patches apply). */
  fetch?: typeof fetch
  /** Extra headers sent with every request (the client's own headers win on a clash). */
  headers?: Record<string, string>
  /** Per-request deadline (ms); a request without an answer by then is `timeout`. Default 10 000. */
  timeoutMs?: number
}

/** A validated {@link ScapiClientConfig}; `baseUrl` has no trailing slash. */
export interface ResolvedScapiConfig {
  baseUrl: string
  organizationId: string
  siteId: string
  fetch: typeof fetch
  headers: Record<string, string>
}

const LABEL = 'SCAPI client config'

// siteId: 1..32 characters, as the Shopper Customers OpenAPI declares the `siteId` parameter.
const ScapiConfigSchema = z.object({ ...commonConfigFields, siteId: nonEmpty(32) })

/**
 * Validates `config` and applies defaults. Throws `ShopperSessionError('invalid_config')` whose
 * message names the first bad field, e.g. `siteId: must not be empty`.
 */
export function resolveScapiConfig(config: ScapiClientConfig): ResolvedScapiConfig {
  const value = parseConfig(LABEL, ScapiConfigSchema, config)
  return {
    baseUrl: apiOrigin(LABEL, value),
    organizationId: value.organizationId,
    siteId: value.siteId,
    fetch: lazyFetch(value.fetch, value.timeoutMs),
    headers: value.headers ?? {},
  }
}
