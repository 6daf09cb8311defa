/**
 * zod schemas and types for SLAS responses. Every response is checked before it reaches a machine
 * (style practice 7); unknown fields are tolerated, known fields must have their type. The token
 * fields are the plain rules of `tokenResponseRules.ts`, which the session checks directly (the
 * browser entry carries no zod); here zod/mini wraps them.
 *
 * Each schema is built in a `/* @__PURE__ *\/` IIFE: bundlers cannot tell that these calls are
 * side-effect free, and a bundle must not carry the schemas of operations it never calls.
 *
 * @module
 */
import * as z from 'zod/mini'
import { holds, stringThat } from '../validation/rules.ts'
import { fromRule, num } from './checks.ts'
import { lifetimeRule, nonEmptyRule, secondsRule } from './tokenResponseRules.ts'

export type { SessionTokenResponse } from './tokenResponseRules.ts'

// z.looseObject, with a catchall that accepts anything as z.unknown does: z.custom is bundled
// anyway, z.unknown's two classes would cost gzip bytes in every entry that reads token answers.
const loose = <S extends z.core.$ZodLooseShape>(shape: S) =>
  new z.ZodMiniObject({ type: 'object', shape, catchall: z.custom() }) as unknown as z.ZodMiniObject<
    S,
    z.core.$loose
  >

// One field per rule serves every schema (zod schemas are immutable).
const nonEmpty = /* @__PURE__ */ (() => fromRule<string>(nonEmptyRule))()

// TokenResponse's fields (AccessTokenResponseSchema makes refresh_token optional).
const tokenFields = /* @__PURE__ */ (() => ({
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
 * `TokenResponse` of every token-issuing SLAS endpoint (reference a.15), with a refresh token.
 *
 * @see `auth-oas-v1-public.yaml` components.schemas.TokenResponse
 */
export const TokenResponseSchema = /* @__PURE__ */ (() => loose(tokenFields))()

/** A validated SLAS token response. */
export type TokenResponse = z.infer<typeof TokenResponseSchema>

/**
 * The fields of a token response a session keeps, as a zod schema for apps (the session checks
 * them with `SESSION_TOKEN_RESPONSE_RULES`, the same rules: no zod in the browser entry).
 */
export const SessionTokenResponseSchema = /* @__PURE__ */ (() =>
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
export const AccessTokenResponseSchema = /* @__PURE__ */ (() =>
  loose({
    ...tokenFields,
    refresh_token: z.optional(z.string()),
  }))()

/** A validated token response whose refresh token may be absent. */
export type AccessTokenResponse = z.infer<typeof AccessTokenResponseSchema>

/**
 * `/logout` and `/revoke` answer with a TokenResponse whose values are emptied (`""`, `"null"`, 0);
 * nothing in it is used, so only the known fields' types are checked.
 *
 * @see `auth-oas-v1-public.yaml` operations logoutCustomer, revokeToken (examples)
 */
export const EmptiedTokenResponseSchema = /* @__PURE__ */ (() =>
  loose({
    access_token: z.optional(z.string()),
    refresh_token: z.optional(z.string()),
    id_token: z.optional(z.string()),
    expires_in: z.optional(num()),
    token_type: z.optional(z.string()),
    usid: z.optional(z.string()),
    customer_id: z.optional(z.string()),
  }))()

/** The body of a logout or revoke answer. */
export type EmptiedTokenResponse = z.infer<typeof EmptiedTokenResponseSchema>

/**
 * Token introspection: `{ active: true, ... }` or (RFC 7662) `{ active: false }`.
 *
 * @see `auth-oas-v1-public.yaml` operation introspectToken (introspectTokenSuccess example)
 */
export const IntrospectionSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('active', [
    loose({
      active: z.literal(true),
      client_id: z.optional(z.string()),
      exp: z.optional(z.number()),
      iat: z.optional(z.number()),
      iss: z.optional(z.string()),
      scope: z.optional(z.string()),
      sub: z.optional(z.string()),
      token_type: z.optional(z.string()),
    }),
    loose({ active: z.literal(false) }),
  ]))()

/** A validated introspection answer. */
export type Introspection = z.infer<typeof IntrospectionSchema>

/**
 * OIDC claims about the shopper.
 *
 * @see `auth-oas-v1-public.yaml` operation getUserInfo (getUserInfoSuccess example)
 */
export const UserInfoSchema = /* @__PURE__ */ (() =>
  loose({
    sub: z.optional(z.string()),
    customer_id: z.optional(z.string()),
    email: z.optional(z.string()),
    external_id: z.optional(z.string()),
    family_name: z.optional(z.string()),
    given_name: z.optional(z.string()),
    name: z.optional(z.string()),
    validated: z.optional(z.boolean()),
  }))()

/** A validated userinfo answer. */
export type UserInfo = z.infer<typeof UserInfoSchema>

/**
 * The JSON Web Key Set SLAS signs shopper JWTs with (EC P-256, ES256).
 *
 * @see `auth-oas-v1-public.yaml` operation getJwksUri (getJwksSuccess example)
 */
export const JwksSchema = /* @__PURE__ */ (() =>
  loose({
    keys: z.array(
      loose({
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

/** A validated JWKS. */
export type Jwks = z.infer<typeof JwksSchema>

const strings = () => z.optional(z.array(z.string()))

/**
 * OpenID Connect discovery document.
 *
 * @see `auth-oas-v1-public.yaml` operation getWellknownOpenidConfiguration
 */
export const OpenIdConfigurationSchema = /* @__PURE__ */ (() =>
  loose({
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

/** A validated discovery document. */
export type OpenIdConfiguration = z.infer<typeof OpenIdConfigurationSchema>

export { decodeJwtClaims, type ShopperTokenClaims } from './jwtClaims.ts'
