/**
 * Byte/text encodings shared by the SLAS client: base64 for HTTP Basic credentials and base64url
 * for PKCE and JWTs. Built on `btoa`/`atob` and `TextEncoder`, which browsers and Node share.
 *
 * @module
 */

/** Standard base64 of raw bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  // Chunked so very long inputs never hit the argument limit of String.fromCharCode.
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
  }
  return btoa(binary)
}

/** base64url without padding (RFC 4648 section 5), as PKCE and JWTs use it. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Base64 of the UTF-8 bytes of `text`. `btoa` alone throws on characters above U+00FF, which a
 * shopper's password or login may well contain.
 */
export function utf8ToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text))
}

/** The HTTP Basic credential `base64(user:secret)`, UTF-8 safe. */
export function basicCredentials(user: string, secret: string): string {
  return utf8ToBase64(`${user}:${secret}`)
}

/** Decodes base64url (padding optional) to text; throws on malformed input. */
export function base64UrlToText(value: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) {
    throw new TypeError('not base64url')
  }
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}
