/**
 * `createRemoteSession`'s config, checked with the rules every client config shares
 * (src/scapi/configRules.ts): the API named by `shortCode` or `baseUrl`, the endpoint's fetch with
 * its per-request deadline, exact trusted origins.
 *
 * @module
 */
import {
  apiOrigin,
  baseUrlRule,
  headersRule,
  lazyFetch,
  organizationIdRule,
  requestTimeoutRule,
  shortCodeRule,
  trustedOriginsRule,
} from '../scapi/configRules.ts'
import { checkFields } from '../validation/checkFields.ts'
import { type FieldRules, fields } from '../validation/objects.ts'
import { boolean, holds, isFunction, oneOf, optional, text } from '../validation/rules.ts'
import { readState } from './state.ts'
import type { DehydratedSession } from './wire.ts'

/** The API a remote session's shopper data comes from. */
export interface RemoteApi {
  organizationId: string
  siteId: string
  /** The API's short code: `https://{shortCode}.api.commercecloud.salesforce.com`. */
  shortCode?: string | undefined
  /** The API's base URL instead of `shortCode` (a proxy, the emulator). */
  baseUrl?: string | undefined
}

/** Configuration of `createRemoteSession`. */
export interface RemoteSessionConfig {
  /** The URL of the app's `createSessionEndpoint` (`/api/session`; absolute outside browsers). */
  endpoint: string | URL
  /**
   * The API the shopper's data comes from, as the server session's config names it (`shortCode`
   * or `baseUrl`, one of them): the same `organizationId` and `siteId` make the same query keys,
   * so a server prefetch hydrates. The server's SLAS config object fits as it is.
   */
  scapi: RemoteApi
  /**
   * The server session's state as the page embedded it (`dehydrateSession(session)` on the
   * server): the first render reads it and nothing is requested. Without it the state is loaded
   * (`GET endpoint`) at once.
   */
  initial?: DehydratedSession | undefined
  /** Default: `globalThis.fetch`, looked up on each call. */
  fetch?: typeof fetch
  /** Deadline of each endpoint request (ms). Default 10 000. */
  timeoutMs?: number
  /** `fetch`'s `credentials` for the endpoint: `include` when it is on another origin. Default `same-origin`. */
  credentials?: RequestCredentials
  /** Extra headers on endpoint requests (the CSRF and content-type headers always win). */
  headers?: Record<string, string>
  /** Other origins `fetch` may send the access token to, besides the API's. */
  trustedOrigins?: readonly string[]
  /** Share state and order calls with the other tabs (BroadcastChannel, Web Locks). Default true. */
  crossTab?: boolean
  /** Names the tab channel and lock; pages of one origin with the same name share. */
  name?: string
}

/** The config with its defaults, the API's base URL and the endpoint's fetch (deadline applied). */
export interface ResolvedRemoteConfig {
  endpoint: string | URL
  scapi: { organizationId: string; siteId: string; baseUrl: string }
  initial: DehydratedSession | undefined
  /** The fetch given (or the global one, read at call time), for the API calls. */
  apiFetch: typeof fetch
  /** The same fetch with the per-request deadline, for the endpoint. */
  endpointFetch: typeof fetch
  credentials: RequestCredentials
  headers: Record<string, string>
  trustedOrigins: readonly string[]
  crossTab: boolean
  name: string
}

const LABEL = 'remote session config'
const DEFAULT_NAME = 'shopper-session:remote'

const RULES: FieldRules<RemoteSessionConfig> = {
  endpoint: holds(
    (value) => (typeof value === 'string' && value !== '') || value instanceof URL,
    'must be the URL of the session endpoint',
  ),
  scapi: fields({
    organizationId: organizationIdRule,
    siteId: text(100),
    shortCode: optional(shortCodeRule),
    baseUrl: optional(baseUrlRule),
  } satisfies FieldRules<RemoteApi>),
  initial: optional(
    holds((value) => readState(value) !== undefined, 'must be what dehydrateSession returned'),
  ),
  fetch: optional(isFunction),
  timeoutMs: optional(requestTimeoutRule),
  credentials: optional(oneOf('omit', 'same-origin', 'include')),
  headers: optional(headersRule),
  trustedOrigins: optional(trustedOriginsRule),
  crossTab: optional(boolean),
  name: optional(text(200)),
}

/** Checks `config` (`invalid_config` naming the first bad field) and applies the defaults. */
export function resolveRemoteConfig(config: RemoteSessionConfig): ResolvedRemoteConfig {
  const value = checkFields(LABEL, RULES, config)
  const { organizationId, siteId } = value.scapi
  const apiFetch: typeof fetch = value.fetch ?? ((input, init) => globalThis.fetch(input, init))
  return {
    endpoint: value.endpoint,
    scapi: { organizationId, siteId, baseUrl: apiOrigin(LABEL, value.scapi) },
    initial: value.initial === undefined ? undefined : readState(value.initial),
    apiFetch,
    endpointFetch: lazyFetch(apiFetch, value.timeoutMs),
    credentials: value.credentials ?? 'same-origin',
    headers: value.headers ?? {},
    trustedOrigins: value.trustedOrigins ?? [],
    crossTab: value.crossTab ?? true,
    name: value.name ?? DEFAULT_NAME,
  }
}
