/**
 * Token issuing: the SLAS JWT claims (`sub`, `isb`, `scp`, `iss`, `aud`, …), the signed access
 * token, and SLAS's `TokenResponse` body.
 *
 * @module
 */
import type { EmulatorCore } from './core.ts'
import { encUserId, jwtId } from './ids.ts'
import { signJwt } from './jwt.ts'
import type { SessionRecord, ShopperRecord } from './state.ts'
import { loginKey } from './state.ts'

/** The `tsob` pair appended to trusted-system `isb` values (exact real value unconfirmed). */
export const TSOB_ISB_PAIR = 'tsob:ts_ext_on_behalf_of'

/** SLAS's `TokenResponse` body. */
export interface TokenResponseBody {
  access_token: string
  id_token: string
  refresh_token: string
  expires_in: number
  refresh_token_expires_in: number
  token_type: 'Bearer'
  usid: string
  customer_id: string
  enc_user_id: string
  idp_access_token: string
  dnt?: string
}

// isb values are `key:value` pairs joined by `::`, so a colon inside a value is escaped.
function isbValue(text: string): string {
  return text.replace(/:/g, '%3A')
}

function shopperOf(core: EmulatorCore, session: SessionRecord): ShopperRecord | undefined {
  return session.login === undefined ? undefined : core.state.shoppers.get(loginKey(session.login))
}

/** The `isb` claim for a session. */
export function issuerSubject(core: EmulatorCore, session: SessionRecord): string {
  const pairs =
    session.kind === 'guest'
      ? ['uido:slas', 'upn:Guest', 'uidn:Guest User', `gcid:${session.gcid}`]
      : (() => {
          const shopper = shopperOf(core, session)
          const name = shopper ? `${shopper.firstName} ${shopper.lastName}` : (session.login ?? '')
          return [
            `uido:${session.uido}`,
            `upn:${isbValue(session.login ?? '')}`,
            `uidn:${isbValue(name)}`,
            `gcid:${session.gcid}`,
            `rcid:${session.rcid ?? ''}`,
          ]
        })()
  pairs.push(`chid:${session.siteId}`)
  if (session.sessionType === 'tsob') pairs.push(TSOB_ISB_PAIR)
  return pairs.join('::')
}

/** The access-token claims for `session` issued at `nowMs`. */
export function accessTokenClaims(
  core: EmulatorCore,
  session: SessionRecord,
  nowMs: number,
  jti: string,
): Record<string, string | number> {
  const { tenantId, clients, lifetimes } = core.settings
  const client = clients.all.find((c) => c.clientId === session.clientId)
  const iat = Math.floor(nowMs / 1000)
  return {
    aut: 'GUID',
    scp: (client?.scopes ?? []).join(' '),
    sub: `cc-slas::${tenantId}::scid:${session.clientId}::usid:${session.usid}`,
    ctx: 'slas',
    iss: `slas/dev/${tenantId}`,
    ist: 1,
    ...(session.dnt === undefined ? {} : { dnt: session.dnt === 'true' ? '1' : '0' }),
    aud: `commercecloud/dev/${tenantId}`,
    nbf: iat,
    sty: 'User',
    isb: issuerSubject(core, session),
    exp: iat + lifetimes.accessTokenSeconds,
    iat,
    jti,
  }
}

/**
 * Signs a new access token for `session` and answers the TokenResponse. Call after the state
 * change is committed: nothing here can fail on bad input.
 */
export async function issueTokens(
  core: EmulatorCore,
  session: SessionRecord,
  nowMs: number,
): Promise<TokenResponseBody> {
  // Read everything from the state before the first await: a reset may swap it meanwhile.
  const state = core.state
  const jti = jwtId()
  const claims = accessTokenClaims(core, session, nowMs, jti)
  const token = await signJwt(await core.signingKey(), claims, {
    jku: `slas/dev/${core.settings.tenantId}`,
  })
  const exp = Number(claims.exp)
  state.accessTokens.set(jti, {
    jti,
    token,
    sessionId: session.id,
    expiresAt: exp * 1000,
    revoked: false,
  })
  const customer = session.kind === 'guest' ? session.gcid : (session.rcid ?? session.gcid)
  return {
    access_token: token,
    // An ECOM login has no OIDC id token to pass on (what SLAS sends here is undocumented).
    id_token: '',
    refresh_token: session.refreshToken,
    expires_in: core.settings.lifetimes.accessTokenSeconds,
    refresh_token_expires_in: Math.max(0, Math.floor((session.refreshExpiresAt - nowMs) / 1000)),
    token_type: 'Bearer',
    usid: session.usid,
    customer_id: customer,
    enc_user_id: await encUserId(customer),
    idp_access_token: '',
    ...(session.dnt === undefined ? {} : { dnt: session.dnt }),
  }
}
