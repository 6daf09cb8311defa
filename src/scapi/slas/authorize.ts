/**
 * The authorization-code steps of SLAS: `/authorize` (guest and IDP) and `/login` (B2C Commerce
 * shoppers). Both answer with a 303 to the redirect URI carrying the code (reference a.3, a.4).
 *
 * @module
 */
import * as z from 'zod/mini'
import { holds, withChecks } from '../checks.ts'
import type { ResolvedSlasConfig, SlasClientConfig } from '../config.ts'
import { basicCredentials } from '../encoding.ts'
import { operationError } from '../operationError.ts'
import { type AuthorizationRedirect, requestRedirect } from '../redirect.ts'
import {
  type CallOptions,
  customParameters,
  headerText,
  slasOperation,
  strictClientAuth,
  text,
} from './common.ts'

export type { AuthorizationRedirect } from '../redirect.ts'

const common = {
  codeChallenge: z.optional(text(128, 43)),
  state: z.optional(text(512)),
  channelId: z.optional(text(100)),
  redirectURI: z.optional(text(256)),
}

const AuthorizeSchema = z.object({
  ...common,
  hint: z.optional(text(256)),
  usid: z.optional(text(256)),
  scope: z.optional(text(256)),
  uiLocales: z.optional(text(256)),
})

/** Parameters of {@link authorizeCustomer}. */
export interface AuthorizeCustomerParams {
  /** IDP to use; `guest` with a public client is the guest login. */
  hint?: string
  /** PKCE S256 challenge; required for public clients. */
  codeChallenge?: string
  /** Opaque value SLAS echoes on the redirect; checked on return. */
  state?: string
  /** Keep this shopper id (else SLAS mints a new one). */
  usid?: string
  /** Site id; default: the config's `siteId`. */
  channelId?: string
  /** Default: the config's `redirectURI`. */
  redirectURI?: string
  /** `openid`, `offline_access` or `email`. */
  scope?: string
  /** Space-separated BCP 47 tags for the IDP's UI. */
  uiLocales?: string
}

/** What callers of the public operations get checked: PKCE is required of public clients. */
type Check = (
  slas: ResolvedSlasConfig,
  codeChallenge: string | undefined,
  operation: string,
) => void

const requireChallenge: Check = (slas, codeChallenge, operation) => {
  if (slas.clientSecret === undefined && codeChallenge === undefined) {
    const reason = ': codeChallenge: is required for public clients'
    throw operationError('invalid_config', operation, reason)
  }
}

/**
 * GET `/oauth2/authorize`: gets an authorization code (for `hint: 'guest'` at once) from SLAS's
 * 303 redirect. Reads `Location` with `redirect: 'manual'`, the final URL with `'follow'`.
 *
 * @example
 * ```ts
 * const verifier = createCodeVerifier()
 * const { code, usid } = await authorizeCustomer(config, {
 *   hint: 'guest',
 *   codeChallenge: await generateCodeChallenge(verifier),
 *   state: createState(),
 * })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `authorizeCustomer`
 */
export function authorizeCustomer(
  config: SlasClientConfig,
  params: AuthorizeCustomerParams,
  options?: CallOptions,
): Promise<AuthorizationRedirect> {
  return authorize(config, params, options, requireChallenge)
}

/**
 * {@link authorizeCustomer} without its PKCE check, for the flows of `slasFlows.ts` (which always
 * send a challenge).
 */
export function authorize(
  config: SlasClientConfig,
  params: AuthorizeCustomerParams,
  options?: CallOptions,
  check?: Check,
): Promise<AuthorizationRedirect> {
  const operation = 'authorizeCustomer'
  return slasOperation(operation, config, AuthorizeSchema, params, options, (slas, p, call) => {
    check?.(slas, p.codeChallenge, operation)
    const query = {
      redirect_uri: p.redirectURI ?? slas.redirectURI,
      response_type: 'code',
      client_id: slas.clientId,
      channel_id: p.channelId ?? slas.siteId,
      hint: p.hint,
      code_challenge: p.codeChallenge,
      state: p.state,
      usid: p.usid,
      scope: p.scope,
      ui_locales: p.uiLocales,
    }
    const headers = strictClientAuth(slas)
    const request = { ...call, method: 'GET', path: 'authorize', query, headers } as const
    return requestRedirect(slas, request, p.state)
  })
}

const AuthenticateSchema = z.object({
  ...common,
  // RFC 7617: the user-id of Basic credentials cannot contain a colon.
  username: withChecks(
    headerText(256),
    holds((value: string) => !value.includes(':'), 'must not contain ":"'),
  ),
  password: text(4096),
  usid: z.optional(text(128)),
  customParameters,
})

/** Parameters of {@link authenticateCustomer}. */
export interface AuthenticateCustomerParams {
  /** The shopper's login. */
  username: string
  /** The shopper's password: sent once in the Basic header, never kept or reported. */
  password: string
  /** PKCE S256 challenge; required for public clients. */
  codeChallenge?: string
  /** Opaque value SLAS echoes on the redirect; checked on return. */
  state?: string
  /** The guest USID to keep (needed for basket transfer/merge). */
  usid?: string
  /** Site id; default: the config's `siteId`. */
  channelId?: string
  /** Default: the config's `redirectURI`. */
  redirectURI?: string
  /** `c_*` parameters passed to B2C Commerce hooks. */
  customParameters?: Record<`c_${string}`, string>
}

/**
 * POST `/oauth2/login`: logs a B2C Commerce shopper in with `Authorization: Basic
 * base64(username:password)` (UTF-8) and returns the code from the 303 redirect.
 *
 * @example
 * ```ts
 * const { code, usid } = await authenticateCustomer(config, {
 *   username, password, codeChallenge, state, usid: guestUsid,
 * })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `authenticateCustomer`
 */
export function authenticateCustomer(
  config: SlasClientConfig,
  params: AuthenticateCustomerParams,
  options?: CallOptions,
): Promise<AuthorizationRedirect> {
  return login(config, params, options, requireChallenge)
}

/**
 * {@link authenticateCustomer} without its PKCE check, for the flows of `slasFlows.ts` (which
 * always send a challenge).
 */
export function login(
  config: SlasClientConfig,
  params: AuthenticateCustomerParams,
  options?: CallOptions,
  check?: Check,
): Promise<AuthorizationRedirect> {
  const operation = 'authenticateCustomer'
  return slasOperation(operation, config, AuthenticateSchema, params, options, (slas, p, call) => {
    check?.(slas, p.codeChallenge, operation)
    const form = {
      ...p.customParameters,
      client_id: slas.clientId,
      redirect_uri: p.redirectURI ?? slas.redirectURI,
      code_challenge: p.codeChallenge,
      channel_id: p.channelId ?? slas.siteId,
      usid: p.usid,
      state: p.state,
    }
    const headers = {
      ...strictClientAuth(slas),
      authorization: `Basic ${basicCredentials(p.username, p.password)}`,
    }
    const request = { ...call, method: 'POST', path: 'login', form, headers } as const
    return requestRedirect(slas, request, p.state)
  })
}
