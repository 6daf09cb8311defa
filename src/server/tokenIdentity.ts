/**
 * Who a server session's shopper is, from the access token verified against SLAS's JWKS: the
 * ES256 signature, the issuer's tenant and the SLAS client, then the identity claims. Nothing the
 * browser holds (a cookie field) can name another shopper. Expiry is not checked: an expired
 * token still says whose session it was, and the session refreshes it (and checks the new one).
 *
 * @module
 */
import { compactVerify, decodeProtectedHeader } from 'jose'
import type { IdentifyTokens, TokenIdentity } from '../actors.ts'
import { ShopperSessionError } from '../errors.ts'
import { resolveSlasConfig, type SlasClientConfig } from '../scapi/config.ts'
import { readShopperToken } from '../scapi/jwtClaims.ts'
import { getJwksUri } from '../scapi/slas/discovery.ts'
import { createJwksCache, type JwksCache, type KeySet, MissingKeyError } from './jwksCache.ts'

const OPERATION = 'getJwksUri'

function tampered(reason: string): ShopperSessionError {
  return new ShopperSessionError('tampered', `Access token refused: ${reason}`)
}

/**
 * A JWKS failure as the session must see it: transient, so a stored shopper is kept and the
 * restore is retried. Network, timeout, 429, 5xx and maintenance keep their codes; anything else
 * (a 4xx from a proxy, an answer that is no key set) becomes `server_error`, since dropping the
 * shopper's session would punish the shopper for the key server's fault.
 */
function unavailable(error: unknown): ShopperSessionError {
  if (error instanceof ShopperSessionError) {
    if (error.transient || error.code === 'invalid_config') return error
  }
  const status = error instanceof ShopperSessionError ? error.status : undefined
  const message = `${OPERATION} failed: SLAS's JWKS gave no usable key set`
  return new ShopperSessionError('server_error', message, { operation: OPERATION, status })
}

/** What {@link createTokenIdentifier} checks tokens against. */
export interface TokenIdentifierOptions {
  /** SLAS's signing keys. */
  keys: JwksCache
  /** The tenant (`organizationId` without `f_ecom_`), as `iss` and `sub` name it. */
  tenant: string
  /** The SLAS client the tokens must be issued to (`scid` in `sub`). */
  clientId: string
  /** Clock for the key cache (epoch ms). */
  now: () => number
}

/** The issuer's and subject's tenant and client, else `tampered`. */
function checkClaims(payload: Uint8Array, tenant: string, clientId: string): void {
  let claims: { iss?: unknown; sub?: unknown }
  try {
    claims = JSON.parse(new TextDecoder().decode(payload)) as typeof claims
  } catch {
    throw tampered('its claims are not JSON')
  }
  const { iss, sub } = claims
  // `iss` is `slas/{env}/{tenant}`; `sub` is `cc-slas::{tenant}::scid:{clientId}::usid:{usid}`.
  const issuer = typeof iss === 'string' ? iss.toLowerCase().split('/') : []
  const subject = typeof sub === 'string' ? sub.toLowerCase().split('::') : []
  const forTenant =
    issuer.length === 3 && issuer[0] === 'slas' && issuer[2] === tenant && subject[1] === tenant
  if (!forTenant) throw tampered('it was issued for another tenant')
  if (!subject.includes(`scid:${clientId}`)) throw tampered('it was issued to another SLAS client')
}

/**
 * Creates the {@link IdentifyTokens} of a server session: rejects with `tampered` when the
 * token's signature, key, tenant or client does not check out (after fetching the keys again
 * for an unknown key id), or with a transient error when the keys cannot be fetched now.
 */
export function createTokenIdentifier(options: TokenIdentifierOptions): IdentifyTokens {
  const { keys, now } = options
  const tenant = options.tenant.toLowerCase()
  const clientId = options.clientId.toLowerCase()
  return async (token): Promise<TokenIdentity> => {
    let kid: unknown
    try {
      ;({ kid } = decodeProtectedHeader(token))
    } catch {
      throw tampered('it is not a JWT')
    }
    let found: KeySet
    try {
      found = await keys.keysFor(typeof kid === 'string' ? kid : undefined, now())
    } catch (error) {
      if (!(error instanceof MissingKeyError)) throw unavailable(error)
      if (error.reason === 'unknown') throw tampered("its signing key is not in SLAS's key set")
      // Keys were fetched moments ago: a brand-new key shows up once the cooldown is over.
      const message = `${OPERATION}: the token's signing key is not known yet; retry shortly`
      throw new ShopperSessionError('server_error', message, { operation: OPERATION })
    }
    let payload: Uint8Array
    try {
      ;({ payload } = await compactVerify(token, found.lookup, { algorithms: ['ES256'] }))
    } catch {
      throw tampered('its signature does not verify')
    }
    checkClaims(payload, tenant, clientId)
    let who: ReturnType<typeof readShopperToken>
    try {
      who = readShopperToken(token)
    } catch {
      throw tampered('it names no shopper')
    }
    const registered = who.customerType === 'registered'
    const { customerType, customerId, usid } = who
    return { customerType, customerId, usid, loginId: registered ? who.loginId : undefined }
  }
}

// Key caches shared by every session of the process: per fetch function (configs without one
// share the global fetch), then per SLAS origin and organization. Many sessions, one JWKS fetch.
const GLOBAL_FETCH = {}
const caches = new WeakMap<object, Map<string, JwksCache>>()

function sharedJwksCache(config: SlasClientConfig, baseUrl: string, organizationId: string) {
  const owner = config.fetch ?? GLOBAL_FETCH
  let byIssuer = caches.get(owner)
  if (!byIssuer) {
    byIssuer = new Map()
    caches.set(owner, byIssuer)
  }
  const id = `${baseUrl}\n${organizationId}`
  let cache = byIssuer.get(id)
  if (!cache) {
    cache = createJwksCache({
      load: async () => {
        const { keys } = await getJwksUri(config)
        return { keys }
      },
    })
    byIssuer.set(id, cache)
  }
  return cache
}

// One identifier per config object: withShopperSession and apps reuse theirs for every request.
const identifiers = new WeakMap<SlasClientConfig, IdentifyTokens>()

/**
 * The {@link IdentifyTokens} of server sessions built from `config` (already validated by the
 * session), checking tokens against the JWKS of its SLAS origin and organization.
 */
export function identifierFor(config: SlasClientConfig & { now?: () => number }): IdentifyTokens {
  let identify = identifiers.get(config)
  if (!identify) {
    const { baseUrl, organizationId, clientId } = resolveSlasConfig(config)
    identify = createTokenIdentifier({
      keys: sharedJwksCache(config, baseUrl, organizationId),
      tenant: organizationId.replace(/^f_ecom_/, ''),
      clientId,
      now: config.now ?? (() => Date.now()),
    })
    identifiers.set(config, identify)
  }
  return identify
}
