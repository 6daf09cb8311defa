/**
 * zod schemas and types for SLAS responses. Every response is checked before it reaches a machine,
 * so a malformed answer becomes a coded error, not a crash; unknown fields are tolerated, known
 * fields must have their type. The token fields are the plain rules of `tokenResponseRules.ts`,
 * which the session checks directly (the browser entry carries no zod); here zod/mini wraps them.
 *
 * Each schema is built in a `/* @__PURE__ *\/` IIFE: bundlers cannot tell that these calls are
 * side-effect free, and a bundle must not carry the schemas of operations it never calls.
 *
 * @module
 */
import * as z from 'zod/mini'
import { holds, stringThat } from '../validation/rules.ts'
import { fromRule, num } from './checks.ts'
import type { ShapeOf } from './schemaKit.ts'
import {
  lifetimeRule,
  nonEmptyRule,
  secondsRule,
  type SessionTokenResponse,
} from './tokenResponseRules.ts'

export type { SessionTokenResponse } from './tokenResponseRules.ts'

// z.looseObject, with a catchall that accepts anything as z.unknown does: z.custom is bundled
// anyway, z.unknown's two classes would cost gzip bytes in every entry that reads token answers.
// The shape is written against the interface `T` (`ShapeOf`: every key, fitting schemas); the
// answer keeps unknown fields at runtime, while the exported type is `T` without an index
// signature, so a typo such as `tokens.acess_token` fails to compile.
type Loose<T> = z.ZodMiniObject<ShapeOf<T>, z.core.$loose>
const loose = <T>(shape: ShapeOf<T>) =>
  new z.ZodMiniObject({ type: 'object', shape, catchall: z.custom() }) as unknown as Loose<T>

// The exported constants' type: the answer typed as `T` (hovers and `.d.ts` show its name); the
// input is whatever arrived.
type Schema<T> = z.ZodMiniType<T>

/**
 * `TokenResponse` of every token-issuing SLAS endpoint.
 *
 * @see `auth-oas-v1-public.yaml` components.schemas.TokenResponse
 */
export interface TokenResponse {
  access_token: string
  /** Seconds until the access token expires; always positive. */
  expires_in: number
  /** `Bearer` (any case). */
  token_type: string
  usid: string
  customer_id: string
  id_token?: string
  enc_user_id?: string
  idp_access_token?: string
  idp_refresh_token?: string
  /** Seconds until the refresh token expires; older SLAS answers omit it. */
  refresh_token_expires_in?: number
  /** Do-not-track: the spec says `"true"`/`"false"`; a boolean means the same. */
  dnt?: string | boolean
  refresh_token: string
}

/**
 * A token response of a flow that may issue no refresh token (trusted agent).
 *
 * @see `auth-oas-v1-public.yaml` components.schemas.TokenResponse (refresh_token description)
 */
export interface AccessTokenResponse extends Omit<TokenResponse, 'refresh_token'> {
  refresh_token?: string
}

/**
 * The body of a logout or revoke answer: a TokenResponse with its values emptied.
 *
 * @see `auth-oas-v1-public.yaml` operations logoutCustomer, revokeToken (examples)
 */
export interface EmptiedTokenResponse {
  access_token?: string
  refresh_token?: string
  id_token?: string
  expires_in?: number
  token_type?: string
  usid?: string
  customer_id?: string
}

/**
 * The introspection of a live token.
 *
 * @see `auth-oas-v1-public.yaml` operation introspectToken (introspectTokenSuccess example)
 */
export interface ActiveIntrospection {
  active: true
  client_id?: string
  /** Expiry, seconds since the epoch. */
  exp?: number
  /** Issue time, seconds since the epoch. */
  iat?: number
  iss?: string
  scope?: string
  sub?: string
  token_type?: string
}

/** The introspection of a token that is expired, revoked or unknown (RFC 7662: nothing else). */
export interface InactiveIntrospection {
  active: false
}

/**
 * OIDC claims about the shopper.
 *
 * @see `auth-oas-v1-public.yaml` operation getUserInfo (getUserInfoSuccess example)
 */
export interface UserInfo {
  sub?: string
  customer_id?: string
  email?: string
  external_id?: string
  family_name?: string
  given_name?: string
  name?: string
  validated?: boolean
}

/**
 * One key of the JSON Web Key Set (EC P-256: `kty` `EC`, `crv` `P-256`, `x`, `y`).
 *
 * @see `auth-oas-v1-public.yaml` operation getJwksUri (getJwksSuccess example)
 */
export interface Jwk {
  kty: string
  kid?: string
  use?: string
  alg?: string
  crv?: string
  x?: string
  y?: string
}

/**
 * The JSON Web Key Set SLAS signs shopper JWTs with (ES256).
 *
 * @see `auth-oas-v1-public.yaml` operation getJwksUri (getJwksSuccess example)
 */
export interface Jwks {
  keys: Jwk[]
}

/**
 * The OpenID Connect discovery document.
 *
 * @see `auth-oas-v1-public.yaml` operation getWellknownOpenidConfiguration
 */
export interface OpenIdConfiguration {
  issuer: string
  jwks_uri: string
  token_endpoint: string
  authorization_endpoint?: string
  revocation_endpoint?: string
  userinfo_endpoint?: string
  grant_types_supported?: string[]
  code_challenge_methods_supported?: string[]
  response_types_supported?: string[]
  scopes_supported?: string[]
  claims_supported?: string[]
}

// One field per rule serves every schema (zod schemas are immutable).
const nonEmpty = /* @__PURE__ */ (() => fromRule<string>(nonEmptyRule))()

// TokenResponse's fields (AccessTokenResponseSchema makes refresh_token optional).
const tokenFields: ShapeOf<TokenResponse> = /* @__PURE__ */ (() => ({
  access_token: nonEmpty,
  expires_in: fromRule<number>(lifetimeRule),
  token_type: fromRule<string>(
    stringThat((value) => value.toLowerCase() === 'bearer', 'must be "Bearer"'),
  ),
  usid: nonEmpty,
  customer_id: nonEmpty,
  id_token: z.optional(z.string()),
  enc_user_id: z.optional(z.string()),
  idp_access_token: z.optional(z.string()),
  idp_refresh_token: z.optional(z.string()),
  refresh_token_expires_in: z.optional(fromRule<number>(secondsRule)),
  // The spec says a string ("true"/"false"); a boolean is read as the same thing. (A rule, not
  // z.union: a union class would cost 0.3 KiB gzip.)
  dnt: z.optional(
    fromRule<string | boolean>(
      holds(
        (value) => typeof value === 'string' || typeof value === 'boolean',
        'must be a string or a boolean',
      ),
    ),
  ),
  refresh_token: nonEmpty,
}))()

/**
 * `TokenResponse` of every token-issuing SLAS endpoint, with a refresh token.
 *
 * @see `auth-oas-v1-public.yaml` components.schemas.TokenResponse
 */
export const TokenResponseSchema: Schema<TokenResponse> = /* @__PURE__ */ (() =>
  loose<TokenResponse>(tokenFields))()

/**
 * The fields of a token response a session keeps, as a zod schema for apps (the session checks
 * them with `SESSION_TOKEN_RESPONSE_RULES`, the same rules: no zod in the browser entry).
 */
export const SessionTokenResponseSchema: Schema<SessionTokenResponse> = /* @__PURE__ */ (() =>
  z.object({
    access_token: nonEmpty,
    refresh_token: nonEmpty,
    expires_in: tokenFields.expires_in,
    refresh_token_expires_in: tokenFields.refresh_token_expires_in,
    usid: nonEmpty,
    customer_id: nonEmpty,
  }))()

/**
 * A token response for flows that issue no refresh token (trusted agent): same checks, refresh
 * token optional.
 *
 * @see `auth-oas-v1-public.yaml` components.schemas.TokenResponse (refresh_token description)
 */
export const AccessTokenResponseSchema: Schema<AccessTokenResponse> = /* @__PURE__ */ (() =>
  loose<AccessTokenResponse>({
    ...tokenFields,
    refresh_token: z.optional(z.string()),
  }))()

/**
 * `/logout` and `/revoke` answer with a TokenResponse whose values are emptied (`""`, `"null"`, 0);
 * nothing in it is used, so only the known fields' types are checked.
 *
 * @see `auth-oas-v1-public.yaml` operations logoutCustomer, revokeToken (examples)
 */
export const EmptiedTokenResponseSchema: Schema<EmptiedTokenResponse> = /* @__PURE__ */ (() =>
  loose<EmptiedTokenResponse>({
    access_token: z.optional(z.string()),
    refresh_token: z.optional(z.string()),
    id_token: z.optional(z.string()),
    expires_in: z.optional(num()),
    token_type: z.optional(z.string()),
    usid: z.optional(z.string()),
    customer_id: z.optional(z.string()),
  }))()

/**
 * Token introspection: `{ active: true, ... }` or (RFC 7662) `{ active: false }`.
 *
 * @see `auth-oas-v1-public.yaml` operation introspectToken (introspectTokenSuccess example)
 */
export const IntrospectionSchema: Schema<Introspection> = /* @__PURE__ */ (() =>
  z.discriminatedUnion('active', [
    loose<ActiveIntrospection>({
      active: z.literal(true),
      client_id: z.optional(z.string()),
      exp: z.optional(z.number()),
      iat: z.optional(z.number()),
      iss: z.optional(z.string()),
      scope: z.optional(z.string()),
      sub: z.optional(z.string()),
      token_type: z.optional(z.string()),
    }),
    loose<InactiveIntrospection>({ active: z.literal(false) }),
  ]))()

/** A validated introspection answer: live (`active: true`, with its claims) or not. */
export type Introspection = ActiveIntrospection | InactiveIntrospection

/**
 * OIDC claims about the shopper.
 *
 * @see `auth-oas-v1-public.yaml` operation getUserInfo (getUserInfoSuccess example)
 */
export const UserInfoSchema: Schema<UserInfo> = /* @__PURE__ */ (() =>
  loose<UserInfo>({
    sub: z.optional(z.string()),
    customer_id: z.optional(z.string()),
    email: z.optional(z.string()),
    external_id: z.optional(z.string()),
    family_name: z.optional(z.string()),
    given_name: z.optional(z.string()),
    name: z.optional(z.string()),
    validated: z.optional(z.boolean()),
  }))()

/**
 * The JSON Web Key Set SLAS signs shopper JWTs with (EC P-256, ES256).
 *
 * @see `auth-oas-v1-public.yaml` operation getJwksUri (getJwksSuccess example)
 */
export const JwksSchema: Schema<Jwks> = /* @__PURE__ */ (() =>
  loose<Jwks>({
    keys: z.array(
      loose<Jwk>({
        kty: nonEmpty,
        kid: z.optional(z.string()),
        use: z.optional(z.string()),
        alg: z.optional(z.string()),
        crv: z.optional(z.string()),
        x: z.optional(z.string()),
        y: z.optional(z.string()),
      }),
    ),
  }))()

const strings = () => z.optional(z.array(z.string()))

/**
 * OpenID Connect discovery document.
 *
 * @see `auth-oas-v1-public.yaml` operation getWellknownOpenidConfiguration
 */
export const OpenIdConfigurationSchema: Schema<OpenIdConfiguration> = /* @__PURE__ */ (() =>
  loose<OpenIdConfiguration>({
    issuer: nonEmpty,
    jwks_uri: nonEmpty,
    token_endpoint: nonEmpty,
    authorization_endpoint: z.optional(z.string()),
    revocation_endpoint: z.optional(z.string()),
    userinfo_endpoint: z.optional(z.string()),
    grant_types_supported: strings(),
    code_challenge_methods_supported: strings(),
    response_types_supported: strings(),
    scopes_supported: strings(),
    claims_supported: strings(),
  }))()

export { decodeJwtClaims, type ShopperTokenClaims } from './jwtClaims.ts'
