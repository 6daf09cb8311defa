/**
 * Operations on an existing shopper session: logout, revoke, introspect and userinfo.
 *
 * @module
 */
import * as z from 'zod/mini'
import { bool, oneOf } from '../checks.ts'
import { issueDetails } from '../issueDetails.ts'
import type { SlasClientConfig } from '../config.ts'
import { requestJson } from '../http.ts'
import {
  type EmptiedTokenResponse,
  EmptiedTokenResponseSchema,
  type Introspection,
  IntrospectionSchema,
  type UserInfo,
  UserInfoSchema,
} from '../slasSchemas.ts'
import { clientAuthorization } from './clientAuth.ts'
import { type CallOptions, headerText, requireSecret, slasOperation, text } from './common.ts'
import { type LogoutCustomerParams, logoutRequest } from './logoutRequest.ts'

export type { LogoutCustomerParams } from './logoutRequest.ts'

const LogoutSchema = z.object({
  accessToken: headerText(8192),
  refreshToken: text(256),
  allSessions: z.optional(bool()),
})

/**
 * GET `/oauth2/logout`: revokes the shopper's access and refresh token (registered shoppers).
 * A 303 here means "rate limited" and maps to `rate_limited`.
 *
 * @example
 * ```ts
 * await logoutCustomer(config, { accessToken, refreshToken })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `logoutCustomer`
 */
export function logoutCustomer(
  config: SlasClientConfig,
  params: LogoutCustomerParams,
  options?: CallOptions,
): Promise<EmptiedTokenResponse> {
  return slasOperation('logoutCustomer', config, LogoutSchema, params, options, (slas, p, call) => {
    const request = logoutRequest(slas, p, call.signal)
    return requestJson(slas, request, EmptiedTokenResponseSchema, { allowEmpty: true })
  })
}

const TokenActionSchema = /* @__PURE__ */ (() =>
  z.object({
    token: text(8192),
    tokenTypeHint: z.optional(oneOf('access_token', 'refresh_token')),
  }))()

/** Parameters of {@link revokeToken} and {@link introspectToken}. */
export interface TokenActionParams {
  token: string
  tokenTypeHint?: 'access_token' | 'refresh_token'
}

/**
 * POST `/oauth2/revoke`: invalidates a refresh token. The spec requires Basic client auth, so this
 * is for private clients only: without `clientSecret` it fails with `invalid_config` before any
 * request (a public client ends a session with {@link logoutCustomer}).
 *
 * @example
 * ```ts
 * await revokeToken(config, { token: refreshToken, tokenTypeHint: 'refresh_token' })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `revokeToken`
 */
export function revokeToken(
  config: SlasClientConfig,
  params: TokenActionParams,
  options?: CallOptions,
): Promise<EmptiedTokenResponse> {
  return tokenAction('revokeToken', 'revoke', config, params, options, EmptiedTokenResponseSchema)
}

/** POST `/oauth2/{path}` with a token and its hint, Basic client auth (private clients only). */
function tokenAction<S extends z.ZodMiniType>(
  operation: string,
  path: string,
  config: SlasClientConfig,
  params: TokenActionParams,
  options: CallOptions | undefined,
  schema: S,
): Promise<z.output<S>> {
  return slasOperation(operation, config, TokenActionSchema, params, options, (slas, p, call) => {
    requireSecret(slas, operation)
    const form = { token: p.token, token_type_hint: p.tokenTypeHint }
    const headers = { authorization: clientAuthorization(slas) }
    const request = { ...call, method: 'POST', path, form, headers } as const
    // The introspection answer is a discriminated union: zod's own kinds, worded in detail.
    const allowEmpty = path === 'revoke'
    return requestJson(slas, request, schema, { allowEmpty, details: issueDetails })
  })
}

/**
 * POST `/oauth2/introspect`: whether a token is active, and its properties. Private clients only:
 * without `clientSecret` this fails with `invalid_config` before any request.
 *
 * @example
 * ```ts
 * const info = await introspectToken(privateConfig, { token: accessToken })
 * if (info.active) console.log(info.exp)
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `introspectToken`
 */
export function introspectToken(
  config: SlasClientConfig,
  params: TokenActionParams,
  options?: CallOptions,
): Promise<Introspection> {
  return tokenAction('introspectToken', 'introspect', config, params, options, IntrospectionSchema)
}

const UserInfoParamsSchema = /* @__PURE__ */ (() =>
  z.object({
    accessToken: headerText(4096),
    channelId: z.optional(text(100)),
    idpValidate: z.optional(z.boolean()),
  }))()

/** Parameters of {@link getUserInfo}. */
export interface GetUserInfoParams {
  /** The shopper's access token (sent as Bearer). */
  accessToken: string
  /** Site id; default: the config's `siteId` (required by SLAS for B2C Commerce shoppers). */
  channelId?: string
  /** `false`: use what SLAS stored instead of asking the IDP. */
  idpValidate?: boolean
}

/**
 * GET `/oauth2/userinfo`: OIDC claims about the shopper.
 *
 * @example
 * ```ts
 * const { email } = await getUserInfo(config, { accessToken })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `getUserInfo`
 */
export function getUserInfo(
  config: SlasClientConfig,
  params: GetUserInfoParams,
  options?: CallOptions,
): Promise<UserInfo> {
  const schema = UserInfoParamsSchema
  return slasOperation('getUserInfo', config, schema, params, options, (slas, p, call) => {
    const query = {
      channel_id: p.channelId ?? slas.siteId,
      idpValidate: p.idpValidate === undefined ? undefined : String(p.idpValidate),
    }
    const headers = { authorization: `Bearer ${p.accessToken}` }
    const request = { ...call, method: 'GET', path: 'userinfo', query, headers } as const
    return requestJson(slas, request, UserInfoSchema)
  })
}
