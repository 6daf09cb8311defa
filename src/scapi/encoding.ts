/**
 * Byte/text encodings shared by the SLAS client: base64 for HTTP Basic credentials and base64url
 * for PKCE and JWTs. Built on `btoa`/`atob` and `TextEncoder`, which browsers and Node share.
 *
 * @module
 */

/** Standard base64 of raw bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  // One character per byte (no spread: very long inputs would hit the argument limit).
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
}

/** base64url without padding (RFC 4648 section 5), as PKCE and JWTs use it. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * The HTTP Basic credential `base64(user:secret)` of the UTF-8 bytes: `btoa` alone throws on
 * characters above U+00FF, which a shopper's password or login may well contain.
 */
export function basicCredentials(user: string, secret: string): string {
  return bytesToBase64(new TextEncoder().encode(`${user}:${secret}`))
}

/** Decodes base64url (without padding) to text; throws on malformed input. */
export function base64UrlToText(value: string): string {
  // atob decodes unpadded input and throws on an impossible length; only its alphabet is ours.
  if (/[^\w-]/.test(value)) throw new TypeError('not base64url')
  const bytes = Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (char) =>
    char.charCodeAt(0),
  )
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}
