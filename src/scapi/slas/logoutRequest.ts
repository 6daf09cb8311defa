/**
 * The one way a GET `/oauth2/logout` request is built, from parameters that are already checked:
 * `logoutCustomer` checks a caller's, the session makes its own.
 *
 * @module
 */
import type { ResolvedSlasConfig } from '../config.ts'
import type { SlasRequest } from '../http.ts'

/** Parameters of `logoutCustomer`. */
export interface LogoutCustomerParams {
  /** The access token of the session to end (sent as Bearer). */
  accessToken: string
  /** Its refresh token. */
  refreshToken: string
  /** `hint=all-sessions`: end every session of this shopper of the same session type. */
  allSessions?: boolean
}

/**
 * GET `/oauth2/logout` for `params`, with the access token as Bearer.
 *
 * @example
 * ```ts
 * const request = logoutRequest(slas, { accessToken, refreshToken })
 * await readNothing(request, await send(slas, request))
 * ```
 */
export function logoutRequest(
  config: ResolvedSlasConfig,
  params: LogoutCustomerParams,
  signal?: AbortSignal,
): SlasRequest {
  const query = {
    refresh_token: params.refreshToken,
    client_id: config.clientId,
    channel_id: config.siteId,
    hint: params.allSessions === true ? 'all-sessions' : undefined,
  }
  const headers = { authorization: `Bearer ${params.accessToken}` }
  return { operation: 'logoutCustomer', method: 'GET', path: 'logout', query, headers, signal }
}
