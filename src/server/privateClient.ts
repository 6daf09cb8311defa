/**
 * Private SLAS clients (with a `clientSecret`): a guest token without a redirect, and a session
 * logged in through trusted system on behalf of a shopper. Server only: the secret must never
 * reach a browser, so these live on `shopper-session/server` alone.
 *
 * @module
 */
import type { SlasClientConfig } from '../scapi/config.ts'
import type { CallOptions } from '../scapi/slas/common.ts'
import { getAccessToken } from '../scapi/slas/token.ts'
import type { TokenResponse } from '../scapi/slasSchemas.ts'
import {
  createServerSession,
  type ServerSession,
  type ServerSessionConfig,
  type ServerSessionOptions,
} from './session.ts'

/** Parameters of {@link getClientCredentialsToken}. */
export interface ClientCredentialsParams {
  /** Keep this shopper id, else SLAS mints one. */
  usid?: string
  dnt?: boolean
}

/**
 * A guest shopper token for a private client: the `client_credentials` grant, authenticated with
 * the client secret (no `/authorize` redirect, no PKCE). A session whose config has a
 * `clientSecret` starts its guests this way by itself. Without a secret: `invalid_config`, and
 * nothing is sent.
 *
 * @example
 * ```ts
 * const secret = process.env.SLAS_CLIENT_SECRET
 * const tokens = await getClientCredentialsToken({ ...config, clientSecret: secret })
 * ```
 * @see `auth-oas-v1-public.yaml` operationId `getAccessToken`
 */
export function getClientCredentialsToken(
  config: SlasClientConfig,
  params: ClientCredentialsParams = {},
  options: CallOptions = {},
): Promise<TokenResponse> {
  return getAccessToken(config, { grantType: 'client_credentials', ...params }, options)
}

/** Options of {@link createOnBehalfSession}: the shopper's login plus where the session lives. */
export type OnBehalfSessionOptions = ServerSessionOptions & {
  /** The shopper's login id. */
  loginId: string
}

/**
 * A server session logged in as `loginId` through trusted system on behalf (SLAS
 * `getTrustedSystemAccessToken`): a private client with scope `sfcc.ts_ext_on_behalf_of`. A stored
 * session of that shopper is reused without a request; a stored guest is upgraded (its usid kept).
 * Rejects with the coded error (`invalid_config` without a secret, `invalid_client` without the
 * scope, `conflict` when another shopper is logged in), after stopping the session.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage() // this job's own
 * const session = await createOnBehalfSession(privateConfig, { loginId, storage })
 * const response = await session.fetch(`${base}/customer/shopper-customers/v1/...`)
 * session.stop()
 * ```
 */
export async function createOnBehalfSession(
  config: ServerSessionConfig,
  options: OnBehalfSessionOptions,
): Promise<ServerSession> {
  const { loginId, ...where } = options
  const session = createServerSession(config, where)
  try {
    await session.ready()
    const tokens = session.getTokens()
    // Logins are case-insensitive in B2C Commerce.
    const same = tokens?.loginId?.toLowerCase() === loginId.toLowerCase()
    if (!(same && tokens?.customerType === 'registered')) await session.loginOnBehalf(loginId)
    return session
  } catch (error) {
    session.stop()
    throw error
  }
}
