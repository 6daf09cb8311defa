/**
 * The typed SCAPI clients: SLAS (operations named after the SLAS OpenAPI operationIds, the
 * composed session flows, PKCE), Shopper Customers, the Shopper Baskets subset and the Account
 * Manager token, with their schemas and the error mapping.
 *
 * @module
 */
export {
  type AccountManagerConfig,
  type AccountManagerToken,
  AccountManagerTokenSchema,
  type GetAccountManagerTokenParams,
  getAccountManagerToken,
} from './accountManager.ts'
export * from './baskets/index.ts'
export { type ResolvedSlasConfig, resolveSlasConfig, type SlasClientConfig } from './config.ts'
export {
  type ApiName,
  type ErrorResponseInput,
  mapErrorResponse,
  mapFetchFailure,
} from './errorMapping.ts'
export * from './customers/index.ts'
export { decodeJwtClaims, type ShopperTokenClaims } from './jwtClaims.ts'
export { createCodeVerifier, createState, generateCodeChallenge } from './pkce.ts'
export {
  type AuthenticateCustomerParams,
  type AuthorizationRedirect,
  type AuthorizeCustomerParams,
  authenticateCustomer,
  authorizeCustomer,
} from './slas/authorize.ts'
export {
  type ResolvedScapiConfig,
  resolveScapiConfig,
  type ScapiClientConfig,
} from './scapiConfig.ts'
export type { ScapiOperation, TokenParams } from './scapiOperation.ts'
export type { ShopperApi } from './scapiUrl.ts'
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
