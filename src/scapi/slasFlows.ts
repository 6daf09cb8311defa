/**
 * The SLAS flows a session needs, composed from the operations the way commerce-sdk-isomorphic's
 * helpers compose them, plus a checked `state` on every redirect. The PKCE exchange is the one
 * the session uses (`slas/pkceExchange.ts`); each step checks its parameters as the public
 * operation does.
 *
 * @module
 */
import { resolveSlasConfig, type SlasClientConfig } from './config.ts'
import { runOperation } from './http.ts'
import { authorize, login } from './slas/authorize.ts'
import type { CallOptions } from './slas/common.ts'
import { exchangeWithPkce } from './slas/pkceExchange.ts'
import { requestToken } from './slas/token.ts'
import type { TokenResponse } from './slasSchemas.ts'

/** Parameters of {@link loginGuestUser}. */
export interface LoginGuestUserParams {
  /** Keep this shopper id (the stored USID), else SLAS mints one. */
  usid?: string
  dnt?: boolean
}

/**
 * A guest session. Public client: `/authorize?hint=guest` with PKCE and a checked `state`, then the
 * `authorization_code_pkce` grant. Private client: the `client_credentials` grant.
 *
 * @example
 * ```ts
 * const tokens = await loginGuestUser(config, { usid: storedUsid })
 * ```
 * @see `auth-oas-v1-public.yaml` operationIds `authorizeCustomer`, `getAccessToken`
 */
export function loginGuestUser(
  config: SlasClientConfig,
  params: LoginGuestUserParams = {},
  options: CallOptions = {},
): Promise<TokenResponse> {
  return runOperation('loginGuestUser', options.signal, async () => {
    const { usid, dnt } = params
    if (resolveSlasConfig(config).clientSecret !== undefined) {
      return requestToken(config, { grantType: 'client_credentials', usid, dnt }, options)
    }
    return exchangeWithPkce(
      usid,
      (challenge) => authorize(config, { ...challenge, hint: 'guest', usid }, options),
      (grant) => requestToken(config, { ...grant, dnt }, options),
    )
  })
}

/** Parameters of {@link loginRegisteredUser}. */
export interface LoginRegisteredUserParams {
  username: string
  /** Used for the one `/login` call, then dropped. */
  password: string
  /** The guest USID, so the registered session keeps the guest's basket. */
  usid?: string
  dnt?: boolean
  /** `c_*` parameters passed to B2C Commerce hooks. */
  customParameters?: Record<`c_${string}`, string>
}

/**
 * A registered B2C Commerce shopper session: `/login` (Basic shopper credentials, PKCE, checked
 * `state`), then the `authorization_code_pkce` grant (with Basic client auth when a secret is set).
 *
 * @example
 * ```ts
 * const tokens = await loginRegisteredUser(config, { username, password, usid: guest.usid })
 * ```
 * @see `auth-oas-v1-public.yaml` operationIds `authenticateCustomer`, `getAccessToken`
 */
export function loginRegisteredUser(
  config: SlasClientConfig,
  params: LoginRegisteredUserParams,
  options: CallOptions = {},
): Promise<TokenResponse> {
  return runOperation('loginRegisteredUser', options.signal, async () => {
    const { username, password, usid, customParameters, dnt } = params
    return exchangeWithPkce(
      usid,
      (challenge) =>
        login(config, { ...challenge, username, password, usid, customParameters }, options),
      (grant) => requestToken(config, { ...grant, dnt }, options),
    )
  })
}

/** Parameters of {@link refreshAccessToken}. */
export interface RefreshAccessTokenParams {
  refreshToken: string
  dnt?: boolean
}

/**
 * New tokens from a refresh token. A public client's refresh token is single use: store the new
 * one. A dead refresh token maps to `invalid_grant`.
 *
 * @example
 * ```ts
 * const tokens = await refreshAccessToken(config, { refreshToken })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `getAccessToken`
 */
export function refreshAccessToken(
  config: SlasClientConfig,
  params: RefreshAccessTokenParams,
  options: CallOptions = {},
): Promise<TokenResponse> {
  // The grant's schema keeps only `refreshToken` and `dnt`.
  return requestToken(config, { ...params, grantType: 'refresh_token' }, options)
}
