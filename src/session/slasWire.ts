/**
 * The SLAS requests a session makes (guest login, shopper login, refresh, logout), built
 * straight from the resolved config. The public operations in `scapi/slas/` check every
 * parameter a caller may get wrong; here the session builds the parameters itself, so only the
 * shopper's own input (username, password) is checked, and the browser entry carries no
 * parameter schemas. Requests, forms, headers and errors are the same as those operations'
 * (the conformance and wire-shape tests hold both to the same emulator).
 *
 * @module
 */
import type { ResolvedSlasConfig } from '../scapi/config.ts'
import { basicCredentials } from '../scapi/encoding.ts'
import {
  readNothing,
  requestRecord,
  runOperation,
  send,
  type SlasRequest,
} from '../scapi/http.ts'
import { operationError } from '../scapi/operationError.ts'
import { randomBase64Url, s256 } from '../scapi/pkce.ts'
import { requestRedirect } from '../scapi/redirect.ts'
import {
  SESSION_TOKEN_RESPONSE_RULES,
  type SessionTokenResponse,
} from '../scapi/tokenResponseRules.ts'

/** What the session's actors ask of SLAS. Every failure is a `ShopperSessionError`. */
export interface SessionSlas {
  /** A guest session: PKCE `/authorize?hint=guest`, or `client_credentials` for private clients. */
  guest(usid: string | undefined): Promise<SessionTokenResponse>
  /** A registered session: PKCE `/login` with the shopper's credentials, keeping `usid`. */
  login(username: string, password: string, usid: string): Promise<SessionTokenResponse>
  /** New tokens for a refresh token (single use for public clients). */
  refresh(refreshToken: string): Promise<SessionTokenResponse>
  /** `/logout`: revokes a registered shopper's tokens (`allSessions`: all of the shopper's). */
  logout(accessToken: string, refreshToken: string, allSessions: boolean): Promise<void>
}

// RFC 7617: a Basic user-id cannot hold a colon; control characters are no login's.
const BAD_USERNAME = /[:\0-\x1f\x7f]/

/** The shopper's own input, checked before it costs a request (`invalid_credentials`). */
function checkCredentials(username: string, password: string): void {
  const field = !isText(username, 256) || BAD_USERNAME.test(username)
    ? 'username'
    : !isText(password, 4096)
      ? 'password'
      : undefined
  if (field !== undefined) {
    const reason = `: ${field} is empty, too long or holds characters a login cannot have`
    throw operationError('invalid_credentials', 'authenticateCustomer', reason)
  }
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value !== '' && value.length <= max

/** The session's SLAS requests for one resolved config; `dnt` goes with every token request. */
export function createSessionSlas(slas: ResolvedSlasConfig, dnt?: boolean): SessionSlas {
  const { clientId, siteId, redirectURI, clientSecret } = slas
  const secret = clientSecret === undefined ? undefined : basicCredentials(clientId, clientSecret)
  // `x-slas-client-auth` (strict client auth) on /authorize and /login for private clients.
  const strict = slas.strictClientAuth && secret ? { 'x-slas-client-auth': secret } : {}

  const token = (form: Record<string, string | undefined>) =>
    requestRecord(
      slas,
      {
        operation: 'getAccessToken',
        method: 'POST',
        path: 'token',
        form: { ...form, channel_id: siteId, dnt: dnt?.toString() },
        headers: { authorization: secret && `Basic ${secret}` },
      },
      SESSION_TOKEN_RESPONSE_RULES,
    )

  // The PKCE half both code flows share: verifier, challenge and a checked state for the
  // redirect request (built from the parameters both send), then the authorization_code_pkce
  // grant for its code.
  const withPkce = async (
    usid: string | undefined,
    redirect: (params: Record<string, string | undefined>) => SlasRequest,
  ) => {
    const verifier = randomBase64Url(128)
    const params = {
      client_id: clientId,
      redirect_uri: redirectURI,
      code_challenge: await s256(verifier),
      channel_id: siteId,
      usid,
      state: randomBase64Url(43),
    }
    const { code, usid: redirectUsid } = await requestRedirect(slas, redirect(params), params.state)
    return token({
      grant_type: 'authorization_code_pkce',
      code,
      code_verifier: verifier,
      client_id: clientId,
      redirect_uri: redirectURI,
      usid: redirectUsid ?? usid,
    })
  }

  return {
    guest: (usid) =>
      runOperation('loginGuestUser', undefined, () =>
        secret
          ? token({ grant_type: 'client_credentials', usid })
          : withPkce(usid, (params) => ({
              operation: 'authorizeCustomer',
              method: 'GET',
              path: 'authorize',
              query: { ...params, response_type: 'code', hint: 'guest' },
              headers: strict,
            })),
      ),

    login: (username, password, usid) =>
      runOperation('loginRegisteredUser', undefined, async () => {
        checkCredentials(username, password)
        return withPkce(usid, (form) => ({
          operation: 'authenticateCustomer',
          method: 'POST',
          path: 'login',
          form,
          headers: { ...strict, authorization: `Basic ${basicCredentials(username, password)}` },
        }))
      }),

    refresh: (refreshToken) =>
      runOperation('getAccessToken', undefined, () =>
        token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }),
      ),

    logout: (accessToken, refreshToken, allSessions) =>
      runOperation('logoutCustomer', undefined, async () => {
        const request = {
          operation: 'logoutCustomer',
          api: 'slas',
          method: 'GET',
          path: 'logout',
          query: {
            refresh_token: refreshToken,
            client_id: clientId,
            channel_id: siteId,
            hint: allSessions ? 'all-sessions' : undefined,
          },
          headers: { authorization: `Bearer ${accessToken}` },
        } as const
        // The body (emptied tokens) tells nothing the session needs: only the status counts.
        await readNothing(request, await send(slas, request))
      }),
  }
}
