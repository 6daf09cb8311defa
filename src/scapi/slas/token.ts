/**
 * The token endpoints: POST `/oauth2/token` (every grant the session uses) and POST
 * `/oauth2/trusted-system/token` (trusted system on behalf of a shopper). Reference a.5, a.10.
 *
 * @module
 */
import * as z from 'zod/mini'
import { ShopperSessionError } from '../../errors.ts'
import { resolveSlasConfig, type SlasClientConfig } from '../config.ts'
import { requestJson, runOperation } from '../http.ts'
import { type TokenResponse, TokenResponseSchema } from '../slasSchemas.ts'
import {
  type CallOptions,
  clientAuthorization,
  dnt,
  formatDnt,
  parseParams,
  requireSecret,
  text,
} from './common.ts'

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

/** The grants {@link getAccessToken} supports. */
export type TokenGrant =
  AuthorizationCodePkceGrant | AuthorizationCodeGrant | RefreshTokenGrant | ClientCredentialsGrant

// One object schema per grant, picked by `grantType` (cheaper in a bundle than a discriminated
// union). The `/* @__PURE__ */` IIFEs let bundlers drop schemas nobody uses.
const codeGrantFields = {
  code: text(256),
  usid: z.optional(text(256)),
  dnt,
  redirectURI: z.optional(text(256)),
}
const PkceGrantSchema = /* @__PURE__ */ (() =>
  z.object({ ...codeGrantFields, codeVerifier: text(128, 43) }))()
const CodeGrantSchema = /* @__PURE__ */ (() => z.object(codeGrantFields))()
const RefreshGrantSchema = /* @__PURE__ */ (() => z.object({ refreshToken: text(256), dnt }))()
const ClientGrantSchema = /* @__PURE__ */ (() =>
  z.object({ usid: z.optional(text(256)), dnt }))()

const GRANT_TYPES =
  '"authorization_code_pkce", "authorization_code", "refresh_token", "client_credentials"'

/**
 * POST `/oauth2/token`. Sends `channel_id` always, Basic client auth whenever a `clientSecret` is
 * configured, and the form fields commerce-sdk-isomorphic sends for each grant. Private-only grants
 * without a secret fail with `invalid_config` before any request.
 *
 * @example
 * ```ts
 * const tokens = await getAccessToken(config, { grantType: 'refresh_token', refreshToken })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `getAccessToken`
 */
export function getAccessToken(
  config: SlasClientConfig,
  params: TokenGrant,
  options: CallOptions = {},
): Promise<TokenResponse> {
  const operation = 'getAccessToken'
  return runOperation(operation, options.signal, async () => {
    const slas = resolveSlasConfig(config)
    // Sent only once the grant's own schema accepted `params`.
    const base = {
      grant_type: params?.grantType,
      channel_id: slas.siteId,
      dnt: formatDnt(params?.dnt),
    }
    let form: Record<string, string | undefined>
    switch (params?.grantType) {
      case 'authorization_code_pkce': {
        const grant = parseParams(operation, PkceGrantSchema, params)
        form = {
          ...base,
          code: grant.code,
          code_verifier: grant.codeVerifier,
          client_id: slas.clientId,
          redirect_uri: grant.redirectURI ?? slas.redirectURI,
          usid: grant.usid,
        }
        break
      }
      case 'authorization_code': {
        const grant = parseParams(operation, CodeGrantSchema, params)
        requireSecret(slas, `${operation} (authorization_code)`)
        form = {
          ...base,
          code: grant.code,
          client_id: slas.clientId,
          redirect_uri: grant.redirectURI ?? slas.redirectURI,
          usid: grant.usid,
        }
        break
      }
      case 'refresh_token': {
        const grant = parseParams(operation, RefreshGrantSchema, params)
        form = { ...base, refresh_token: grant.refreshToken, client_id: slas.clientId }
        break
      }
      case 'client_credentials': {
        const grant = parseParams(operation, ClientGrantSchema, params)
        // No client_id in the body: the Basic header names the client (as the SDK does).
        requireSecret(slas, `${operation} (client_credentials)`)
        form = { ...base, usid: grant.usid }
        break
      }
      default:
        throw new ShopperSessionError(
          'invalid_config',
          `${operation}: grantType: must be one of ${GRANT_TYPES}`,
          { operation },
        )
    }
    const headers = { authorization: clientAuthorization(slas) }
    const request = { operation, method: 'POST', path: 'token', form, headers } as const
    return requestJson(slas, { ...request, signal: options.signal }, TokenResponseSchema)
  })
}

/** IDPs SLAS accepts as `idp_origin` for trusted system calls. */
export type TrustedSystemIdpOrigin =
  | 'apple'
  | 'auth0'
  | 'azure'
  | 'azure_adb2c'
  | 'cognito'
  | 'default'
  | 'ecom'
  | 'facebook'
  | 'forgerock'
  | 'gigya'
  | 'gigya_socialize'
  | 'google'
  | 'okta'
  | 'ping'
  | 'salesforce'

/** Parameters of {@link getTrustedSystemAccessToken}. */
export interface TrustedSystemTokenParams {
  /** The shopper's login; `guest` gets a guest token. */
  loginId: string
  /** Where the shopper's identity lives; default `ecom` (B2C Commerce). */
  idpOrigin?: TrustedSystemIdpOrigin
  /** Default (server side): the login id. */
  emailId?: string
  usid?: string
  dnt?: boolean
}

const TrustedSystemSchema = /* @__PURE__ */ (() =>
  z.object({
    loginId: text(128),
    idpOrigin: z.optional(
      z.enum([
        'apple',
        'auth0',
        'azure',
        'azure_adb2c',
        'cognito',
        'default',
        'ecom',
        'facebook',
        'forgerock',
        'gigya',
        'gigya_socialize',
        'google',
        'okta',
        'ping',
        'salesforce',
      ]),
    ),
    emailId: z.optional(text(128)),
    usid: z.optional(text(256)),
    dnt,
  }))()

/**
 * POST `/oauth2/trusted-system/token`: a shopper token obtained by a trusted backend on the
 * shopper's behalf (private clients with scope `sfcc.ts_ext_on_behalf_of`; server only).
 *
 * @example
 * ```ts
 * const tokens = await getTrustedSystemAccessToken(privateConfig, { loginId: 'jane@example.com' })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `getTrustedSystemAccessToken`
 */
export function getTrustedSystemAccessToken(
  config: SlasClientConfig,
  params: TrustedSystemTokenParams,
  options: CallOptions = {},
): Promise<TokenResponse> {
  const operation = 'getTrustedSystemAccessToken'
  return runOperation(operation, options.signal, async () => {
    const slas = resolveSlasConfig(config)
    const p = parseParams(operation, TrustedSystemSchema, params)
    requireSecret(slas, operation)
    const form = {
      grant_type: 'client_credentials',
      hint: 'ts_ext_on_behalf_of',
      login_id: p.loginId,
      idp_origin: p.idpOrigin ?? 'ecom',
      client_id: slas.clientId,
      channel_id: slas.siteId,
      email_id: p.emailId,
      usid: p.usid,
      dnt: formatDnt(p.dnt),
    }
    const headers = { authorization: clientAuthorization(slas) }
    const request = {
      operation,
      method: 'POST',
      path: 'trusted-system/token',
      form,
      headers,
    } as const
    return requestJson(slas, { ...request, signal: options.signal }, TokenResponseSchema)
  })
}
