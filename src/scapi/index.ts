/**
 * The typed SLAS client: operations named after the SLAS OpenAPI operationIds, the composed
 * session flows, PKCE, response schemas and the error mapping.
 *
 * @module
 */
export { type ResolvedSlasConfig, resolveSlasConfig, type SlasClientConfig } from './config.ts'
export { type ErrorResponseInput, mapErrorResponse, mapFetchFailure } from './errorMapping.ts'
export { decodeJwtClaims, type ShopperTokenClaims } from './jwtClaims.ts'
export { createCodeVerifier, createState, generateCodeChallenge } from './pkce.ts'
export {
  type AuthenticateCustomerParams,
  type AuthorizationRedirect,
  type AuthorizeCustomerParams,
  authenticateCustomer,
  authorizeCustomer,
} from './slas/authorize.ts'
export type { CallOptions, NoParams } from './slas/common.ts'
export { getJwksUri, getWellknownOpenidConfiguration } from './slas/discovery.ts'
export {
  type GetUserInfoParams,
  getUserInfo,
  introspectToken,
  type LogoutCustomerParams,
  logoutCustomer,
  revokeToken,
  type TokenActionParams,
} from './slas/session.ts'
export {
  type AuthorizationCodeGrant,
  type AuthorizationCodePkceGrant,
  type ClientCredentialsGrant,
  getAccessToken,
  getTrustedSystemAccessToken,
  type RefreshTokenGrant,
  type TokenGrant,
  type TrustedSystemIdpOrigin,
  type TrustedSystemTokenParams,
} from './slas/token.ts'
export {
  type LoginGuestUserParams,
  type LoginRegisteredUserParams,
  loginGuestUser,
  loginRegisteredUser,
  type RefreshAccessTokenParams,
  refreshAccessToken,
} from './slasFlows.ts'
export * from './slasSchemas.ts'
