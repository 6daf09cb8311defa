/**
 * Reads who a SLAS shopper JWT is about (customer type, customer id, usid, login) from its `sub`
 * and `isb` claims, the way commerce-sdk-react does (reference b.3, b.4). No signature check: the
 * client only reads its own token; SLAS and SCAPI verify every token they receive.
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import { base64UrlToText } from './encoding.ts'

/** What a shopper access token says about its shopper. */
export interface ShopperTokenClaims {
  /** `guest` when `isb` carries `upn:Guest`, else `registered`. */
  customerType: 'guest' | 'registered'
  /** `gcid` for guests, `rcid` for registered shoppers. */
  customerId: string
  /** `guest` for guests, else the `upn` (the login). */
  loginId: string
  /** The shopper's USID, from `sub` (`cc-slas::{tenant}::scid:{clientId}::usid:{usid}`). */
  usid: string
  /** The identity provider origin (`uido`), e.g. `slas` or `ecom`. */
  uido: string | undefined
  /** The site (`chid`). */
  siteId: string | undefined
  /** Expiry and issue time, epoch seconds, when present. */
  exp: number | undefined
  iat: number | undefined
  /** The Do Not Track claim as sent (`'0'`/`'1'`), when present. */
  dnt: string | undefined
  /** Every `key:value` pair of `isb`. */
  isb: Readonly<Record<string, string>>
}

function fail(reason: string): ShopperSessionError {
  return new ShopperSessionError('invalid_response', `Shopper token could not be read: ${reason}`)
}

/** `key:value` pairs joined by `::`; a value may itself contain `:` (escaped `%3A` in names). */
function pairs(text: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of typeof text === 'string' ? text.split('::') : []) {
    const colon = part.indexOf(':')
    if (colon > 0) out[part.slice(0, colon)] = part.slice(colon + 1).replace(/%3a/gi, ':')
  }
  return out
}

/** `value`, unless it is missing or empty. */
function claim(value: string | undefined, name: string): string {
  if (!value) throw fail(`claim ${name} is missing`)
  return value
}

const optionalNumber = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

/**
 * Decodes the claims of a SLAS shopper access token. Throws
 * `ShopperSessionError('invalid_response')` (never another error) when the token is not a JWT
 * or lacks the claims.
 *
 * @example
 * ```ts
 * const { customerType, customerId, usid } = decodeJwtClaims(tokens.access_token)
 * ```
 */
export function decodeJwtClaims(token: string): ShopperTokenClaims {
  const segments = typeof token === 'string' ? token.split('.') : []
  let payload: unknown
  try {
    payload = JSON.parse(base64UrlToText(segments[1] ?? ''))
  } catch {
    // Never attach the parse error: its message may quote the payload.
  }
  if (
    segments.length !== 3 ||
    typeof payload !== 'object' ||
    payload === null ||
    Array.isArray(payload)
  ) {
    throw fail('not a JWT with a JSON object payload')
  }
  const { sub, isb, exp, iat, dnt } = payload as Record<string, unknown>
  const usid = claim(pairs(sub).usid, 'sub (usid)')
  const bundle = pairs(isb)
  const guest = bundle.upn === 'Guest'
  const customerId = claim(guest ? bundle.gcid : bundle.rcid, guest ? 'isb (gcid)' : 'isb (rcid)')
  return {
    customerType: guest ? 'guest' : 'registered',
    customerId,
    loginId: guest ? 'guest' : claim(bundle.upn, 'isb (upn)'),
    usid,
    uido: bundle.uido,
    siteId: bundle.chid,
    exp: optionalNumber(exp),
    iat: optionalNumber(iat),
    dnt: typeof dnt === 'string' ? dnt : undefined,
    isb: bundle,
  }
}
