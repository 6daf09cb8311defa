/**
 * The one way the two authorization-code requests are built, GET `/oauth2/authorize` (guest and
 * IDP) and POST `/oauth2/login` (B2C Commerce shoppers), from parameters that are already checked:
 * `authorizeCustomer` and `authenticateCustomer` check a caller's, the session makes its own.
 * SLAS answers both with a 303 to the redirect URI carrying the code (see `redirect.ts`).
 *
 * @module
 */
import type { ResolvedSlasConfig } from '../config.ts'
import { basicCredentials } from '../encoding.ts'
import type { SlasRequest } from '../http.ts'
import { strictClientAuth } from './clientAuth.ts'

/** Parameters of `authorizeCustomer`. */
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

/** Parameters of `authenticateCustomer`. */
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

/** The fields both steps send (`/authorize` as its query, `/login` as its form). */
type CodeStepParams = Pick<
  AuthorizeCustomerParams,
  'codeChallenge' | 'state' | 'usid' | 'channelId' | 'redirectURI'
>

/** The query or form fields both steps send, the config's defaults filled in. */
function codeStepFields(config: ResolvedSlasConfig, params: CodeStepParams) {
  return {
    client_id: config.clientId,
    redirect_uri: params.redirectURI ?? config.redirectURI,
    code_challenge: params.codeChallenge,
    channel_id: params.channelId ?? config.siteId,
    usid: params.usid,
    state: params.state,
  }
}

/**
 * GET `/oauth2/authorize` for `params`, with `x-slas-client-auth` under strict client auth.
 *
 * @example
 * ```ts
 * const request = authorizeRequest(slas, { hint: 'guest', codeChallenge, state })
 * const { code, usid } = await requestRedirect(slas, request, state)
 * ```
 */
export function authorizeRequest(
  config: ResolvedSlasConfig,
  params: AuthorizeCustomerParams,
  signal?: AbortSignal,
): SlasRequest {
  const query = {
    ...codeStepFields(config, params),
    response_type: 'code',
    hint: params.hint,
    scope: params.scope,
    ui_locales: params.uiLocales,
  }
  const headers = strictClientAuth(config)
  const operation = 'authorizeCustomer'
  return { operation, method: 'GET', path: 'authorize', query, headers, signal }
}

/**
 * POST `/oauth2/login` for `params`: the shopper's credentials as `Authorization: Basic
 * base64(username:password)` (UTF-8), `x-slas-client-auth` under strict client auth.
 *
 * @example
 * ```ts
 * const request = loginRequest(slas, { username, password, codeChallenge, state, usid })
 * const { code } = await requestRedirect(slas, request, state)
 * ```
 */
export function loginRequest(
  config: ResolvedSlasConfig,
  params: AuthenticateCustomerParams,
  signal?: AbortSignal,
): SlasRequest {
  const form = { ...params.customParameters, ...codeStepFields(config, params) }
  const headers = {
    ...strictClientAuth(config),
    authorization: `Basic ${basicCredentials(params.username, params.password)}`,
  }
  const operation = 'authenticateCustomer'
  return { operation, method: 'POST', path: 'login', form, headers, signal }
}
