/**
 * The SLAS requests a session makes (guest login, shopper login, refresh, logout). They are built
 * by the builders the public operations use (`scapi/slas/`: `tokenRequest.ts`,
 * `redirectRequests.ts`, `logoutRequest.ts`, `pkceExchange.ts`), so requests, forms, headers and
 * errors are the same. The public operations check their parameters before building; the session
 * makes its parameters itself and checks only the shopper's own input (username, password), so
 * the browser entry carries no parameter schemas.
 *
 * @module
 */
import type { ResolvedSlasConfig } from '../scapi/config.ts'
import { readNothing, requestRecord, runOperation, send, type SlasRequest } from '../scapi/http.ts'
import { operationError } from '../scapi/operationError.ts'
import { requestRedirect } from '../scapi/redirect.ts'
import { logoutRequest } from '../scapi/slas/logoutRequest.ts'
import { exchangeWithPkce, type PkceChallenge } from '../scapi/slas/pkceExchange.ts'
import { authorizeRequest, loginRequest } from '../scapi/slas/redirectRequests.ts'
import { type TokenGrant, tokenRequest } from '../scapi/slas/tokenRequest.ts'
import {
  SESSION_TOKEN_RESPONSE_RULES,
  type SessionTokenResponse,
} from '../scapi/tokenResponseRules.ts'
import { text } from '../validation/rules.ts'

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

/**
 * The shopper's own input, checked before it costs a request (`invalid_credentials`): non-empty
 * text of at most 256 (username) and 4096 (password) characters; a rule returns why it refuses.
 */
function checkCredentials(username: string, password: string): void {
  const field =
    text(256)(username) || BAD_USERNAME.test(username)
      ? 'username'
      : text(4096)(password)
        ? 'password'
        : undefined
  if (field !== undefined) {
    const reason = `: ${field} is empty, too long or holds characters a login cannot have`
    throw operationError('invalid_credentials', 'authenticateCustomer', reason)
  }
}

/** The session's SLAS requests for one resolved config; `dnt` goes with every token request. */
export function createSessionSlas(slas: ResolvedSlasConfig, dnt?: boolean): SessionSlas {
  const token = (grant: TokenGrant) =>
    requestRecord(slas, tokenRequest(slas, { ...grant, dnt }), SESSION_TOKEN_RESPONSE_RULES)

  // A code flow: the redirect request built for the exchange's challenge, its state checked.
  const withPkce = (usid: string | undefined, build: (challenge: PkceChallenge) => SlasRequest) =>
    exchangeWithPkce(
      usid,
      (challenge) => requestRedirect(slas, build(challenge), challenge.state),
      token,
    )

  return {
    guest: (usid) =>
      runOperation('loginGuestUser', undefined, () =>
        slas.clientSecret === undefined
          ? withPkce(usid, (challenge) =>
              authorizeRequest(slas, { ...challenge, hint: 'guest', usid }),
            )
          : token({ grantType: 'client_credentials', usid }),
      ),

    login: (username, password, usid) =>
      runOperation('loginRegisteredUser', undefined, async () => {
        checkCredentials(username, password)
        return withPkce(usid, (challenge) =>
          loginRequest(slas, { ...challenge, username, password, usid }),
        )
      }),

    refresh: (refreshToken) =>
      runOperation('getAccessToken', undefined, () =>
        token({ grantType: 'refresh_token', refreshToken }),
      ),

    logout: (accessToken, refreshToken, allSessions) =>
      runOperation('logoutCustomer', undefined, async () => {
        const request = logoutRequest(slas, { accessToken, refreshToken, allSessions })
        // The body (emptied tokens) tells nothing the session needs: only the status counts.
        await readNothing({ ...request, api: 'slas' }, await send(slas, request))
      }),
  }
}
