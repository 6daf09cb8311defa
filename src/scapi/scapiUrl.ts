/**
 * Where the Shopper APIs live: `{baseUrl}/{api}/organizations/{organizationId}/...?siteId=...`.
 * Kept apart from the operation machinery (and its schemas) so the session's own calls can use
 * it without carrying them.
 *
 * @module
 */
import { defined } from './http.ts'

// Base path of each Shopper API below the base URL.
const API_PATHS = {
  customers: 'customer/shopper-customers/v1',
  baskets: 'checkout/shopper-baskets/v1',
} as const

/** The Shopper APIs this library speaks. */
export type ShopperApi = keyof typeof API_PATHS

/** What a Shopper URL is built from (a resolved SCAPI config has it). */
export interface ShopperLocation {
  /** The API's base URL: its origin plus an optional path prefix, without a trailing slash. */
  baseUrl: string
  organizationId: string
  siteId: string
}

/** `{baseUrl}/{api}/organizations/{organizationId}/{path}?siteId=...&{query}`; segments encoded. */
export function scapiUrl(
  location: ShopperLocation,
  api: ShopperApi,
  path: readonly string[],
  query: Record<string, string | undefined> = {},
): URL {
  const segments = [location.organizationId, ...path].map(encodeURIComponent).join('/')
  const url = new URL(`${location.baseUrl}/${API_PATHS[api]}/organizations/${segments}`)
  url.searchParams.append('siteId', location.siteId)
  for (const [key, value] of defined(query)) url.searchParams.append(key, value)
  return url
}
