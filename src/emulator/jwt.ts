/**
 * ES256 JSON Web Tokens on WebCrypto (P-256, as SLAS signs them): key generation, signing,
 * signature checking and the JWKS document.
 *
 * @module
 */
import { base64UrlDecode, base64UrlEncode, decodeUtf8, utf8 } from './encoding.ts'
import { uuid } from './ids.ts'

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const

/** The emulator's signing key with its JWKS entry. */
export interface SigningKey {
  kid: string
  privateKey: CryptoKey
  publicKey: CryptoKey
  /** The public key as published in the JWKS. */
  jwk: { crv: string; kid: string; kty: string; use: 'sig'; x: string; y: string }
}

/** Generates a fresh P-256 key pair with a UUID `kid`. */
export async function generateSigningKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])
  const exported = await crypto.subtle.exportKey('jwk', pair.publicKey)
  const kid = uuid()
  return {
    kid,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    jwk: {
      crv: exported.crv ?? 'P-256',
      kid,
      kty: exported.kty ?? 'EC',
      use: 'sig',
      x: exported.x ?? '',
      y: exported.y ?? '',
    },
  }
}

function encodeJson(value: object): string {
  return base64UrlEncode(utf8(JSON.stringify(value)))
}

/** Signs `payload` with the header of real SLAS tokens (ver, jku, kid, typ, clv, alg). */
export async function signJwt(
  key: SigningKey,
  payload: object,
  headerExtras: Record<string, string> = {},
): Promise<string> {
  const header = {
    ver: '1.0',
    ...headerExtras,
    kid: key.kid,
    typ: 'jwt',
    clv: 'J2.3.4',
    alg: 'ES256',
  }
  const input = `${encodeJson(header)}.${encodeJson(payload)}`
  // WebCrypto ECDSA signatures are already r||s (IEEE P1363), exactly the JWS format.
  const signature = await crypto.subtle.sign(SIGNATURE, key.privateKey, utf8(input))
  return `${input}.${base64UrlEncode(new Uint8Array(signature))}`
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  const bytes = base64UrlDecode(part)
  const text = bytes && decodeUtf8(bytes)
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** Decoded parts of a JWT whose signature checked out. */
export interface VerifiedJwt {
  header: Record<string, unknown>
  payload: Record<string, unknown>
}

/**
 * Checks the structure, `alg`, `kid` and ES256 signature of `token` against the key its `kid`
 * names among `keys`. Claims (exp, revocation) are the caller's business. Never throws.
 */
export async function verifyJwtSignature(
  keys: SigningKey | readonly SigningKey[],
  token: string,
): Promise<VerifiedJwt | undefined> {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const [h = '', p = '', s = ''] = parts
  const header = decodeJson(h)
  const payload = decodeJson(p)
  const signature = base64UrlDecode(s)
  if (!header || !payload || !signature) return undefined
  const key = (Array.isArray(keys) ? keys : [keys]).find((k: SigningKey) => k.kid === header.kid)
  if (header.alg !== 'ES256' || !key) return undefined
  const ok = await crypto.subtle.verify(SIGNATURE, key.publicKey, signature, utf8(`${h}.${p}`))
  return ok ? { header, payload } : undefined
}

/** The JWKS document (SLAS getJwksUri): every published key, the current one first. */
export function jwks(keys: SigningKey | readonly SigningKey[]): { keys: SigningKey['jwk'][] } {
  return { keys: (Array.isArray(keys) ? keys : [keys]).map((key: SigningKey) => key.jwk) }
}
