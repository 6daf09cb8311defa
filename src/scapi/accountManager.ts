/**
 * The Account Manager token (OAuth 2.0 client-credentials grant): the Bearer token Shopper
 * Customers wants for getResetPasswordToken, resetPassword and getExternalProfile (scope
 * `sfcc.shopper-customers.login`). It needs an Account Manager client secret: server only.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  baseUrlField,
  headerSecret,
  lazyFetch,
  nonEmpty,
  parseConfig,
  requestTimeoutField,
} from './configFields.ts'
import { basicCredentials } from './encoding.ts'
import { looseModel } from './schemaKit.ts'
import { readJson, runOperation, sendTo } from './http.ts'
import { issueDetails } from './issueDetails.ts'
import { type CallOptions, parseParams } from './params.ts'

/**
 * Where and as whom to ask Account Manager for a token.
 *
 * @example
 * ```ts
 * const config: AccountManagerConfig = {
 *   clientId: process.env.AM_CLIENT_ID ?? '',
 *   clientSecret: process.env.AM_CLIENT_SECRET ?? '',
 * }
 * ```
 */
export interface AccountManagerConfig {
  /** The Account Manager API client id. */
  clientId: string
  /** Its secret. Server only: never ship it to a browser. */
  clientSecret: string
  /** Account Manager's origin; default `https://account.demandware.com`. */
  baseUrl?: string
  /** The fetch to use. Default: the global `fetch`, read at call time. */
  fetch?: typeof fetch
  /** Extra headers sent with every request (the client's own headers win on a clash). */
  headers?: Record<string, string>
  /** Per-request deadline (ms); a request without an answer by then is `timeout`. Default 10 000. */
  timeoutMs?: number
}

const LABEL = 'Account Manager config'
const DEFAULT_ORIGIN = 'https://account.demandware.com'

const ConfigSchema = z.object({
  clientId: nonEmpty(256),
  clientSecret: headerSecret(1024),
  baseUrl: baseUrlField,
  fetch: z.optional(
    z.custom<typeof fetch>((value) => typeof value === 'function', 'must be a function'),
  ),
  headers: z.optional(z.record(z.string(), z.string())),
  timeoutMs: requestTimeoutField,
})

/** Parameters of {@link getAccountManagerToken}. */
export interface GetAccountManagerTokenParams {
  /** Space-separated scopes, e.g. `sfcc.shopper-customers.login`; default: the client's. */
  scope?: string
}

const ParamsSchema = z.object({ scope: z.optional(nonEmpty(2048)) })

/** A validated Account Manager token answer (other keys it carries are kept at runtime). */
export interface AccountManagerToken {
  access_token: string
  token_type: string
  expires_in: number
  scope?: string | undefined
}

/**
 * An Account Manager token answer: the `AmOAuth2` security scheme of the Shopper Customers API
 * (an OAuth client-credentials answer).
 */
export const AccountManagerTokenSchema = looseModel<AccountManagerToken>()({
  access_token: z.string().check(z.minLength(1, 'must not be empty')),
  token_type: z
    .string()
    .check(z.refine((value) => value.toLowerCase() === 'bearer', 'must be "Bearer"')),
  expires_in: z.number().check(z.nonnegative('must be a non-negative number')),
  scope: z.optional(z.string()),
})

/**
 * POST `{baseUrl}/dwsso/oauth2/access_token` with `grant_type=client_credentials` and HTTP Basic
 * client authentication. Refused credentials map to `invalid_client`.
 *
 * @example
 * ```ts
 * const { access_token } = await getAccountManagerToken(amConfig, {
 *   scope: 'sfcc.shopper-customers.login',
 * })
 * await getResetPasswordToken(scapiConfig, { accessToken: access_token, body: { login } })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` components.securitySchemes.AmOAuth2
 */
export function getAccountManagerToken(
  config: AccountManagerConfig,
  params: GetAccountManagerTokenParams = {},
  options: CallOptions = {},
): Promise<AccountManagerToken> {
  const operation = 'getAccountManagerToken'
  return runOperation(operation, options.signal, async () => {
    const value = parseConfig(LABEL, ConfigSchema, config, issueDetails)
    const p = parseParams(operation, ParamsSchema, params)
    const origin = (value.baseUrl ?? DEFAULT_ORIGIN).replace(/\/+$/, '')
    const transport = { fetch: lazyFetch(value.fetch, value.timeoutMs), headers: value.headers ?? {} }
    const url = new URL(`${origin}/dwsso/oauth2/access_token`)
    const authorization = `Basic ${basicCredentials(value.clientId, value.clientSecret)}`
    const request = {
      operation,
      api: 'accountManager',
      method: 'POST',
      form: { grant_type: 'client_credentials', scope: p.scope },
      headers: { authorization },
      signal: options.signal,
    } as const
    return readJson(request, await sendTo(transport, url, request), AccountManagerTokenSchema)
  })
}
