/**
 * The token endpoints: POST `/oauth2/token` (every grant the session uses) and POST
 * `/oauth2/trusted-system/token` (trusted system on behalf of a shopper), their parameters checked
 * before the request is built.
 *
 * @module
 */
import * as z from 'zod/mini'
import { oneOf } from '../checks.ts'
import type { ResolvedSlasConfig, SlasClientConfig } from '../config.ts'
import { requestJson } from '../http.ts'
import { type TokenResponse, TokenResponseSchema } from '../slasSchemas.ts'
import { clientAuthorization } from './clientAuth.ts'
import { type CallOptions, dnt, requireSecret, slasOperation, text } from './common.ts'
import { type TokenGrant, tokenRequest } from './tokenRequest.ts'

export type {
  AuthorizationCodeGrant,
  AuthorizationCodePkceGrant,
  ClientCredentialsGrant,
  RefreshTokenGrant,
  TokenGrant,
} from './tokenRequest.ts'

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

const GRANT_SCHEMAS = {
  authorization_code_pkce: PkceGrantSchema,
  authorization_code: CodeGrantSchema,
  refresh_token: RefreshGrantSchema,
  client_credentials: ClientGrantSchema,
}

// Checks `grantType` alone, for a value that names no grant: "must be one of ...".
const GrantTypeSchema = /* @__PURE__ */ (() =>
  z.object({ grantType: oneOf(...(Object.keys(GRANT_SCHEMAS) as TokenGrant['grantType'][])) }))()

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
  options?: CallOptions,
): Promise<TokenResponse> {
  const grantType = params?.grantType
  const known = Object.hasOwn(GRANT_SCHEMAS, grantType)
  return sendToken(config, params, options, known ? undefined : GrantTypeSchema, (slas) => {
    if (grantType === 'authorization_code' || grantType === 'client_credentials') {
      requireSecret(slas, `getAccessToken (${grantType})`)
    }
  })
}

/**
 * {@link getAccessToken} for the flows of `slasFlows.ts`, whose grants are well formed and which
 * only ask for a private grant (client_credentials) with a secret: no checks they would pass.
 */
export function requestToken(
  config: SlasClientConfig,
  params: TokenGrant,
  options?: CallOptions,
): Promise<TokenResponse> {
  return sendToken(config, params, options)
}

/**
 * POST `/oauth2/token` for `params`, checked against its grant's schema (else `schema`), then
 * `check`ed against the config.
 */
function sendToken(
  config: SlasClientConfig,
  params: TokenGrant,
  options: CallOptions | undefined,
  schema?: z.ZodMiniType,
  check?: (slas: ResolvedSlasConfig) => void,
): Promise<TokenResponse> {
  const grantType = params?.grantType
  const grantSchema: z.ZodMiniType = schema ?? GRANT_SCHEMAS[grantType]
  const operation = 'getAccessToken'
  return slasOperation(operation, config, grantSchema, params, options, (slas, parsed, call) => {
    check?.(slas)
    // The grant's schema checks its fields (and drops unknown ones); `grantType` picked it.
    const grant = { ...(parsed as object), grantType } as TokenGrant
    return requestJson(slas, tokenRequest(slas, grant, call.signal), TokenResponseSchema)
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
      oneOf(
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
      ),
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
  options?: CallOptions,
): Promise<TokenResponse> {
  const operation = 'getTrustedSystemAccessToken'
  return slasOperation(operation, config, TrustedSystemSchema, params, options, (slas, p, call) => {
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
      dnt: p.dnt?.toString(),
    }
    const headers = { authorization: clientAuthorization(slas) }
    const path = 'trusted-system/token'
    return requestJson(slas, { ...call, method: 'POST', path, form, headers }, TokenResponseSchema)
  })
}
