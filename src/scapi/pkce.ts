/**
 * PKCE (RFC 7636, S256 only, as SLAS requires) and the OAuth `state` value, on WebCrypto, which
 * browsers and Node 20 both provide as `globalThis.crypto`.
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import { bytesToBase64Url } from './encoding.ts'

// RFC 7636 unreserved characters: A-Z a-z 0-9 - . _ ~
const VERIFIER = /^[\w.~-]{43,128}$/

function webCrypto(): Crypto {
  const crypto = globalThis.crypto as Crypto | undefined
  if (!crypto?.subtle || typeof crypto.getRandomValues !== 'function') {
    const reason = 'PKCE needs WebCrypto (crypto.subtle, a secure context)'
    throw new ShopperSessionError('invalid_config', reason)
  }
  return crypto
}

/** `length` random base64url characters (unchecked: the public functions check their input). */
export function randomBase64Url(length: number): string {
  // Every base64url character carries 6 random bits; `length` bytes make more than enough.
  return bytesToBase64Url(webCrypto().getRandomValues(new Uint8Array(length))).slice(0, length)
}

/** base64url(SHA-256(`verifier`)), unchecked (see {@link generateCodeChallenge}). */
export async function s256(verifier: string): Promise<string> {
  const digest = await webCrypto().subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return bytesToBase64Url(new Uint8Array(digest))
}

/**
 * A fresh PKCE code verifier: `length` (43–128, default 128) random base64url characters.
 *
 * @example
 * ```ts
 * const verifier = createCodeVerifier()
 * const challenge = await generateCodeChallenge(verifier)
 * ```
 * @see `auth-oas-v1-public.yaml` components.parameters.code_challenge
 */
export function createCodeVerifier(length = 128): string {
  if (!Number.isInteger(length) || length < 43 || length > 128) {
    throw new ShopperSessionError('invalid_config', 'length: must be an integer from 43 to 128')
  }
  return randomBase64Url(length)
}

/**
 * The S256 challenge of `verifier`: base64url(SHA-256(verifier)) without padding.
 *
 * @example
 * ```ts
 * await generateCodeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
 * // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' (RFC 7636 appendix B)
 * ```
 * @see `auth-oas-v1-public.yaml` components.parameters.code_challenge
 */
export async function generateCodeChallenge(verifier: string): Promise<string> {
  if (typeof verifier !== 'string' || !VERIFIER.test(verifier)) {
    throw new ShopperSessionError(
      'invalid_config',
      'codeVerifier: must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)',
    )
  }
  return s256(verifier)
}

/**
 * A fresh, unguessable OAuth `state` (43 base64url characters, 256 bits) to bind a redirect to its
 * request.
 *
 * @example
 * ```ts
 * const state = createState()
 * ```
 * @see `auth-oas-v1-public.yaml` components.parameters.state
 */
export function createState(): string {
  return randomBase64Url(43)
}
