/**
 * Byte and text encodings the emulator needs (base64, base64url, UTF-8), on web-standard
 * globals only so the handler runs in any runtime.
 *
 * @module
 */

const encoder = new TextEncoder()

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text)
}

function toBinary(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return binary
}

/** base64url without padding (RFC 7515 section 2), as JWTs and PKCE use it. */
export function base64UrlEncode(bytes: Uint8Array): string {
  return btoa(toBinary(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes unpadded base64url; `undefined` for anything that is not well-formed. */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined
  const standard = text.replace(/-/g, '+').replace(/_/g, '/')
  return base64Decode(standard + '='.repeat((4 - (standard.length % 4)) % 4))
}

/** Decodes standard base64; `undefined` for anything that is not well-formed. */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
  } catch {
    // atob rejects impossible lengths (e.g. 4n+1 characters).
    return undefined
  }
}

/** Standard base64 of the UTF-8 bytes of `text` (the `Basic` credential encoding). */
export function base64EncodeUtf8(text: string): string {
  return btoa(toBinary(utf8(text)))
}

/** Strict UTF-8 decoding; `undefined` when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Upper-case hex of `bytes`. */
export function hexUpper(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
}
