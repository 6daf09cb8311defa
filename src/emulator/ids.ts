/**
 * Identifiers and opaque secrets the emulator mints, shaped like the real service's: 26-character
 * customer ids, `xxxx.yyyy` refresh tokens, `C2C…` JWT ids.
 *
 * @module
 */
import { base64UrlEncode, hexUpper, utf8 } from './encoding.ts'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const DIGITS = '0123456789'

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length))
}

/** A random string over `alphabet` (rejection sampling, so every character is equally likely). */
export function randomString(length: number, alphabet: string = ALPHANUMERIC): string {
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** A random UUID v4 (usids, key ids, session ids). */
export function uuid(): string {
  return crypto.randomUUID()
}

/** A B2C-style customer id: 26 alphanumeric characters (`gcid`/`rcid` in a SLAS `isb` claim). */
export function customerId(): string {
  return randomString(26)
}

/** An authorization code: 32 random bytes, base64url (43 characters). */
export function authorizationCode(): string {
  return base64UrlEncode(randomBytes(32))
}

/** An opaque refresh token in the real `xxxx.yyyy` shape (87 characters). */
export function refreshToken(): string {
  return `${base64UrlEncode(randomBytes(32))}.${base64UrlEncode(randomBytes(32))}`
}

/** A JWT id in the shape seen in real tokens, e.g. `C2C4856201860-18906789034985270413965222`. */
export function jwtId(): string {
  return `C2C${randomString(13, DIGITS)}-${randomString(26, DIGITS)}`
}

/**
 * `enc_user_id`: upper-case 32 hex characters. The real service uses MD5, which WebCrypto lacks,
 * so this is the first 16 bytes of SHA-256: same shape, different value.
 */
export async function encUserId(customer: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(customer)))
  return hexUpper(digest.slice(0, 16))
}
