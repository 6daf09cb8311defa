/**
 * The PKCE half that the guest login (`/authorize`) and the shopper login (`/login`) share, for
 * the public flows and the session alike: a fresh verifier, its S256 challenge and a `state`
 * for the redirect step, then the `authorization_code_pkce` grant for the code it returns.
 *
 * @module
 */
import { randomBase64Url, s256 } from '../pkce.ts'
import type { AuthorizationRedirect } from '../redirect.ts'
import type { AuthorizationCodePkceGrant } from './tokenRequest.ts'

/** What the redirect step sends: the PKCE challenge and the `state` its redirect must echo. */
export interface PkceChallenge {
  /** base64url(SHA-256(verifier)), the S256 challenge. */
  codeChallenge: string
  /** A fresh, unguessable value the redirect must echo. */
  state: string
}

/**
 * Runs the redirect step `authorize` with a fresh challenge and state, then `redeem`s its code
 * with the verifier, keeping the redirect's USID (else `usid`). `authorize` must check that the
 * redirect echoes the state (as `requestRedirect` does when given it).
 *
 * @example
 * ```ts
 * const tokens = await exchangeWithPkce(
 *   usid,
 *   (challenge) => {
 *     const request = authorizeRequest(slas, { ...challenge, hint: 'guest', usid })
 *     return requestRedirect(slas, request, challenge.state)
 *   },
 *   (grant) => requestJson(slas, tokenRequest(slas, grant), TokenResponseSchema),
 * )
 * ```
 */
export async function exchangeWithPkce<T>(
  usid: string | undefined,
  authorize: (challenge: PkceChallenge) => Promise<AuthorizationRedirect>,
  redeem: (grant: AuthorizationCodePkceGrant) => Promise<T>,
): Promise<T> {
  // What createCodeVerifier(), generateCodeChallenge() and createState() give, without checking
  // the input they never get wrong here.
  const codeVerifier = randomBase64Url(128)
  const codeChallenge = await s256(codeVerifier)
  const redirect = await authorize({ codeChallenge, state: randomBase64Url(43) })
  const grantType = 'authorization_code_pkce'
  return redeem({ grantType, code: redirect.code, codeVerifier, usid: redirect.usid ?? usid })
}
