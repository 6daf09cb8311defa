/**
 * Sealing of server session cookies: authenticated encryption (JWE compact, `dir` + `A256GCM`,
 * through jose) under keys derived from the app's cookie secrets with WebCrypto HKDF. The first
 * secret seals; every secret opens, so secrets rotate without logging anyone out. Each storage
 * key gets its own encryption key, so a value sealed for one cookie opens under no other.
 * Runtime-neutral: WebCrypto and jose only.
 *
 * @module
 */
import { base64url, CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose'
import { ShopperSessionError } from '../errors.ts'

/** Shortest accepted cookie secret: 32 characters (≥ 128 bits even as hex or base64 text). */
export const MIN_SECRET_LENGTH = 32
// A secret longer than this is a mistake (a file's contents, a key pair), not a secret.
const MAX_SECRET_LENGTH = 4096
const MAX_SECRETS = 16

/**
 * Checks cookie secrets given as `field` (for `invalid_config` messages): a non-empty array of
 * strings of at least {@link MIN_SECRET_LENGTH} characters. Messages name the index, never a value.
 */
export function checkCookieSecrets(value: unknown, field: string): readonly string[] {
  const fail = (why: string) =>
    new ShopperSessionError('invalid_config', `Invalid server session config: ${field}${why}`)
  if (!Array.isArray(value) || value.length === 0) {
    throw fail(': must be a non-empty array of secrets (the first one seals, all of them open)')
  }
  if (value.length > MAX_SECRETS) throw fail(`: at most ${MAX_SECRETS} secrets`)
  value.forEach((secret: unknown, index) => {
    const long = typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH
    if (!long || secret.length > MAX_SECRET_LENGTH) {
      const lengths = `${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH}`
      throw fail(`[${index}]: must be a string of ${lengths} characters`)
    }
  })
  return value as readonly string[]
}

/** A value opened from its seal. */
export interface OpenedValue {
  value: string
  /** Sealed with the first secret; false means it should be sealed again (rotation). */
  current: boolean
}

/** Seals and opens the values of one set of secrets. */
export interface CookieSealer {
  /** `value` sealed for `key` with the first secret: a JWE compact string (cookie-safe). */
  seal(key: string, value: string): Promise<string>
  /**
   * The value sealed for `key`. Rejects with `ShopperSessionError('tampered')` when `sealed` is
   * not one of our seals, names a secret this server lacks, or does not decrypt for `key`
   * (edited, truncated, chunks of two cookies, another cookie's value). Messages never quote data.
   */
  open(key: string, sealed: string): Promise<OpenedValue>
}

const ALG = 'dir'
const ENC = 'A256GCM'
const encoder = new TextEncoder()
// Fixed HKDF salt: the secrets carry the entropy; the label keeps these keys apart from any
// other use an app makes of the same secret.
const SALT = encoder.encode('shopper-session/server cookie seal')
const KID_BYTES = 6 // 8 base64url characters: tells the secrets apart, says nothing about them

function tampered(reason: string): ShopperSessionError {
  return new ShopperSessionError('tampered', `Session cookie refused: ${reason}`)
}

/** One secret's key material, derived keys cached per storage key. */
class SecretKeys {
  private readonly material: Promise<CryptoKey>
  readonly kid: Promise<string>
  private readonly keys = new Map<string, Promise<CryptoKey>>()

  constructor(secret: string) {
    this.material = crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
      'deriveKey',
      'deriveBits',
    ])
    this.kid = this.material.then(async (material) => {
      const params = { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: encoder.encode('kid') }
      const bits = await crypto.subtle.deriveBits(params, material, KID_BYTES * 8)
      return base64url.encode(new Uint8Array(bits))
    })
  }

  /** The AES-256-GCM key for values stored under `storageKey`. */
  keyFor(storageKey: string): Promise<CryptoKey> {
    let key = this.keys.get(storageKey)
    if (!key) {
      // The storage key is HKDF info: a value sealed under one key decrypts under no other.
      const info = encoder.encode(`seal\n${storageKey}`)
      key = this.material.then((material) =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: SALT, info },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      )
      // A server uses one or two storage keys; the bound only guards against a caller's loop.
      if (this.keys.size >= 64) this.keys.clear()
      this.keys.set(storageKey, key)
    }
    return key
  }
}

// Sealers per secrets array: a config object reused across requests derives its keys once, and
// nothing module-wide keeps a secret once the app drops its config.
const sealers = new WeakMap<readonly string[], CookieSealer>()

/**
 * The sealer of `secrets` (already checked with {@link checkCookieSecrets}); built once per array.
 *
 * @example
 * ```ts
 * const sealer = cookieSealer([newSecret, oldSecret]) // the first seals, both open
 * const sealed = await sealer.seal(storageKey, record)
 * const { value } = await sealer.open(storageKey, sealed)
 * ```
 */
export function cookieSealer(secrets: readonly string[]): CookieSealer {
  let sealer = sealers.get(secrets)
  if (!sealer) {
    sealer = createCookieSealer(secrets)
    sealers.set(secrets, sealer)
  }
  return sealer
}

function createCookieSealer(secrets: readonly string[]): CookieSealer {
  const all = secrets.map((secret) => new SecretKeys(secret))
  const kids = Promise.all(all.map((keys) => keys.kid))
  const first = all[0]
  if (!first) throw new ShopperSessionError('invalid_config', 'cookie sealing needs a secret')
  return {
    async seal(key, value) {
      const header = { alg: ALG, enc: ENC, kid: await first.kid }
      const jwe = new CompactEncrypt(encoder.encode(value)).setProtectedHeader(header)
      return jwe.encrypt(await first.keyFor(key))
    },
    async open(key, sealed) {
      let header: { alg?: unknown; enc?: unknown; kid?: unknown }
      try {
        header = decodeProtectedHeader(sealed)
      } catch {
        header = {}
      }
      const shaped = sealed.split('.').length === 5 && header.alg === ALG && header.enc === ENC
      if (!shaped || typeof header.kid !== 'string') {
        throw tampered('it is not sealed by this server')
      }
      const index = (await kids).indexOf(header.kid)
      const keys = all[index]
      if (!keys) throw tampered('it is sealed with a secret this server does not have')
      let plaintext: Uint8Array
      try {
        const options = { keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC] }
        ;({ plaintext } = await compactDecrypt(sealed, await keys.keyFor(key), options))
      } catch {
        // jose's reason (tag mismatch, bad IV length) says nothing more useful to the app.
        throw tampered('its seal does not verify (edited, truncated, or parts of another cookie)')
      }
      return { value: new TextDecoder().decode(plaintext), current: index === 0 }
    },
  }
}
