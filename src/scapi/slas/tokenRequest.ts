/**
 * The one way a POST `/oauth2/token` request is built, from grant parameters that are already
 * checked: `getAccessToken` checks a caller's, the session makes its own.
 *
 * @module
 */
import type { ResolvedSlasConfig } from '../config.ts'
import type { SlasRequest } from '../http.ts'
import { clientAuthorization } from './clientAuth.ts'

/** Redeem a code from `/authorize` or `/login` with its PKCE verifier (any client). */
export interface AuthorizationCodePkceGrant {
  grantType: 'authorization_code_pkce'
  code: string
  codeVerifier: string
  /** The USID from the redirect. */
  usid?: string
  dnt?: boolean
  /** The redirect URI used to get the code; default: the config's. */
  redirectURI?: string
}

/** Redeem a code without PKCE (private clients only). */
export interface AuthorizationCodeGrant {
  grantType: 'authorization_code'
  code: string
  usid?: string
  dnt?: boolean
  redirectURI?: string
}

/** Trade a refresh token for new tokens (public clients get a new, single-use refresh token). */
export interface RefreshTokenGrant {
  grantType: 'refresh_token'
  refreshToken: string
  dnt?: boolean
}

/** A guest token for a private client, without a redirect. */
export interface ClientCredentialsGrant {
  grantType: 'client_credentials'
  usid?: string
  dnt?: boolean
}

/** The grants `getAccessToken` supports. */
export type TokenGrant =
  AuthorizationCodePkceGrant | AuthorizationCodeGrant | RefreshTokenGrant | ClientCredentialsGrant

/** Every field of every grant, as the form reads them (each grant is one of these). */
interface AnyGrant {
  grantType: TokenGrant['grantType']
  code?: string
  codeVerifier?: string
  refreshToken?: string
  usid?: string
  dnt?: boolean
  redirectURI?: string
}

/**
 * POST `/oauth2/token` for `grant`: `channel_id` always, Basic client auth whenever a
 * `clientSecret` is configured, and the form fields commerce-sdk-isomorphic sends for each grant.
 *
 * @example
 * ```ts
 * const request = tokenRequest(slas, { grantType: 'refresh_token', refreshToken })
 * const tokens = await requestJson(slas, request, TokenResponseSchema)
 * ```
 */
export function tokenRequest(
  config: ResolvedSlasConfig,
  grant: TokenGrant,
  signal?: AbortSignal,
): SlasRequest {
  const { grantType, code, codeVerifier, refreshToken, usid, dnt, redirectURI }: AnyGrant = grant
  const form = {
    grant_type: grantType,
    channel_id: config.siteId,
    dnt: dnt?.toString(),
    refresh_token: refreshToken,
    code,
    code_verifier: codeVerifier,
    // No client_id with client_credentials: the Basic header names the client (as the SDK does).
    client_id: grantType === 'client_credentials' ? undefined : config.clientId,
    redirect_uri: code === undefined ? undefined : (redirectURI ?? config.redirectURI),
    usid,
  }
  const headers = { authorization: clientAuthorization(config) }
  return { operation: 'getAccessToken', method: 'POST', path: 'token', form, headers, signal }
}
