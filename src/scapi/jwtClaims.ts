/**
 * Reads who a SLAS shopper JWT is about (customer type, customer id, usid, login) from its `sub`
 * and `isb` claims, the way commerce-sdk-react does. No signature check: the client only reads
 * its own token; SLAS and SCAPI verify every token they receive.
 *
 * @module
 */
import { ShopperSessionError } from '../errors.ts'
import { base64UrlToText } from './encoding.ts'

/** Who a shopper access token is about: what the session keeps of it. */
export interface ShopperIdentity {
  /** `guest` when `isb` carries `upn:Guest`, else `registered`. */
  customerType: 'guest' | 'registered'
  /** `gcid` for guests, `rcid` for registered shoppers. */
  customerId: string
  /** `guest` for guests, else the `upn` (the login). */
  loginId: string
  /** The shopper's USID, from `sub` (`cc-slas::{tenant}::scid:{clientId}::usid:{usid}`). */
  usid: string
}

/** What a shopper access token says about its shopper. */
export interface ShopperTokenClaims extends ShopperIdentity {
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

/** The pair `key`, unless it is missing or empty (the key names its claim: usid is in sub). */
function need(found: Record<string, string>, key: string): string {
  const value = found[key]
  if (!value) throw fail(`${key} is missing`)
  return value
}

const optionalNumber = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

/** The JSON object payload of a JWT, else `invalid_response`. */
function payloadOf(token: string): Record<string, unknown> {
  const segments = typeof token === 'string' ? token.split('.') : []
  let payload: unknown
  try {
    payload = JSON.parse(base64UrlToText(segments[1] ?? ''))
  } catch {
    // Never attach the parse error: its message may quote the payload.
  }
  if (segments.length !== 3 || typeof payload !== 'object' || !payload || Array.isArray(payload)) {
    throw fail('not a JWT with a JSON object payload')
  }
  return payload as Record<string, unknown>
}

/**
 * Who a SLAS shopper access token is about: the part of {@link decodeJwtClaims} the session
 * keeps, and the one reader of those claims underneath both. Throws as {@link decodeJwtClaims}.
 */
export function readShopperToken(token: string): ShopperIdentity {
  const claims = payloadOf(token)
  const isb = pairs(claims.isb)
  const guest = isb.upn === 'Guest'
  return {
    customerType: guest ? 'guest' : 'registered',
    customerId: need(isb, guest ? 'gcid' : 'rcid'),
    loginId: guest ? 'guest' : need(isb, 'upn'),
    usid: need(pairs(claims.sub), 'usid'),
  }
}

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
  const shopper = readShopperToken(token)
  // Read again for the claims the session does not keep (a token is a few hundred bytes).
  const { exp, iat, dnt, isb: text } = payloadOf(token)
  const isb = pairs(text)
  return {
    ...shopper,
    uido: isb.uido,
    siteId: isb.chid,
    exp: optionalNumber(exp),
    iat: optionalNumber(iat),
    dnt: typeof dnt === 'string' ? dnt : undefined,
    isb,
  }
}
