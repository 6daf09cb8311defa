/**
 * The authorization-code steps of SLAS as public operations: `/authorize` (guest and IDP) and
 * `/login` (B2C Commerce shoppers), their parameters checked before the request is built (by
 * `redirectRequests.ts`, as for the session). Both answer with a 303 to the redirect URI carrying
 * the code.
 *
 * @module
 */
import * as z from 'zod/mini'
import { holds, withChecks } from '../checks.ts'
import type { ResolvedSlasConfig, SlasClientConfig } from '../config.ts'
import { operationError } from '../operationError.ts'
import { type AuthorizationRedirect, requestRedirect } from '../redirect.ts'
import { type CallOptions, customParameters, headerText, slasOperation, text } from './common.ts'
import {
  type AuthenticateCustomerParams,
  type AuthorizeCustomerParams,
  authorizeRequest,
  loginRequest,
} from './redirectRequests.ts'

export type { AuthorizationRedirect } from '../redirect.ts'
export type { AuthenticateCustomerParams, AuthorizeCustomerParams } from './redirectRequests.ts'

const common = {
  codeChallenge: z.optional(text(128, 43)),
  state: z.optional(text(512)),
  channelId: z.optional(text(100)),
  redirectURI: z.optional(text(256)),
}

const AuthorizeSchema = z.object({
  ...common,
  hint: z.optional(text(256)),
  usid: z.optional(text(256)),
  scope: z.optional(text(256)),
  uiLocales: z.optional(text(256)),
})

const AuthenticateSchema = z.object({
  ...common,
  // RFC 7617: the user-id of Basic credentials cannot contain a colon.
  username: withChecks(
    headerText(256),
    holds((value: string) => !value.includes(':'), 'must not contain ":"'),
  ),
  password: text(4096),
  usid: z.optional(text(128)),
  customParameters,
})

/** What callers of the public operations get checked: PKCE is required of public clients. */
type Check = (
  slas: ResolvedSlasConfig,
  codeChallenge: string | undefined,
  operation: string,
) => void

const requireChallenge: Check = (slas, codeChallenge, operation) => {
  if (slas.clientSecret === undefined && codeChallenge === undefined) {
    const reason = ': codeChallenge: is required for public clients'
    throw operationError('invalid_config', operation, reason)
  }
}

/**
 * GET `/oauth2/authorize`: gets an authorization code (for `hint: 'guest'` at once) from SLAS's
 * 303 redirect. Reads `Location` with `redirect: 'manual'`, the final URL with `'follow'`.
 *
 * @example
 * ```ts
 * const verifier = createCodeVerifier()
 * const { code, usid } = await authorizeCustomer(config, {
 *   hint: 'guest',
 *   codeChallenge: await generateCodeChallenge(verifier),
 *   state: createState(),
 * })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `authorizeCustomer`
 */
export function authorizeCustomer(
  config: SlasClientConfig,
  params: AuthorizeCustomerParams,
  options?: CallOptions,
): Promise<AuthorizationRedirect> {
  return authorize(config, params, options, requireChallenge)
}

/**
 * {@link authorizeCustomer} without its PKCE check, for the flows of `slasFlows.ts` (which always
 * send a challenge).
 */
export function authorize(
  config: SlasClientConfig,
  params: AuthorizeCustomerParams,
  options?: CallOptions,
  check?: Check,
): Promise<AuthorizationRedirect> {
  const operation = 'authorizeCustomer'
  return slasOperation(operation, config, AuthorizeSchema, params, options, (slas, p, call) => {
    check?.(slas, p.codeChallenge, operation)
    return requestRedirect(slas, authorizeRequest(slas, p, call.signal), p.state)
  })
}

/**
 * POST `/oauth2/login`: logs a B2C Commerce shopper in with `Authorization: Basic
 * base64(username:password)` (UTF-8) and returns the code from the 303 redirect.
 *
 * @example
 * ```ts
 * const { code, usid } = await authenticateCustomer(config, {
 *   username, password, codeChallenge, state, usid: guestUsid,
 * })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `authenticateCustomer`
 */
export function authenticateCustomer(
  config: SlasClientConfig,
  params: AuthenticateCustomerParams,
  options?: CallOptions,
): Promise<AuthorizationRedirect> {
  return login(config, params, options, requireChallenge)
}

/**
 * {@link authenticateCustomer} without its PKCE check, for the flows of `slasFlows.ts` (which
 * always send a challenge).
 */
export function login(
  config: SlasClientConfig,
  params: AuthenticateCustomerParams,
  options?: CallOptions,
  check?: Check,
): Promise<AuthorizationRedirect> {
  const operation = 'authenticateCustomer'
  return slasOperation(operation, config, AuthenticateSchema, params, options, (slas, p, call) => {
    check?.(slas, p.codeChallenge, operation)
    return requestRedirect(slas, loginRequest(slas, p, call.signal), p.state)
  })
}
