import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../support/emulator.ts'
import {
  claims,
  FIXED_CLOCK,
  get,
  jwtHeader,
  loginGuest,
  loginRegistered,
  T0,
  userinfo,
} from './helpers.ts'

async function verifyWithJwks(jwks: { keys: JsonWebKey[] }, token: string): Promise<boolean> {
  const [h = '', p = '', s = ''] = token.split('.')
  const kid = jwtHeader(token).kid
  const jwk = jwks.keys.find((k) => (k as { kid?: string }).kid === kid)
  if (!jwk) return false
  const key = await crypto.subtle.importKey(
    'jwk',
    jwk,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  )
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    Buffer.from(s, 'base64url'),
    new TextEncoder().encode(`${h}.${p}`),
  )
}

describe('ES256 JWTs and the JWKS', () => {
  it('access tokens verify against /jwks with WebCrypto; a tampered one does not', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const response = await get(emulator, '/jwks')
    expect(response.status).toBe(200)
    const jwks = (await response.json()) as { keys: (JsonWebKey & { kid: string; use: string })[] }
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig' })
    expect(jwks.keys[0]!.kid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(await verifyWithJwks(jwks, guest.access_token)).toBe(true)
    const [h, p, s] = guest.access_token.split('.')
    const payload = Buffer.from(
      JSON.stringify({ ...claims(guest.access_token), isb: 'forged' }),
    ).toString('base64url')
    const forged = `${h}.${payload}.${s}`
    expect(await verifyWithJwks(jwks, forged)).toBe(false)
    expect(`${h}.${p}.${s}`).toBe(guest.access_token)
    expect((await userinfo(emulator, forged)).status).toBe(401)
  })

  it('header: ES256, kid of the JWKS key, jku', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const jwks = (await (await get(emulator, '/jwks')).json()) as { keys: { kid: string }[] }
    expect(jwtHeader(guest.access_token)).toEqual({
      ver: '1.0',
      jku: `slas/dev/${emulator.settings.tenantId}`,
      kid: jwks.keys[0]!.kid,
      typ: 'jwt',
      clv: 'J2.3.4',
      alg: 'ES256',
    })
  })

  it('guest claims have the reference shapes', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const guest = await loginGuest(emulator)
    const c = claims(guest.access_token)
    const tenant = 'zzte_001'
    const clientId = emulator.settings.clients.public.clientId
    expect(c).toMatchObject({
      aut: 'GUID',
      sub: `cc-slas::${tenant}::scid:${clientId}::usid:${guest.usid}`,
      ctx: 'slas',
      iss: `slas/dev/${tenant}`,
      ist: 1,
      aud: `commercecloud/dev/${tenant}`,
      sty: 'User',
      isb: `uido:slas::upn:Guest::uidn:Guest User::gcid:${guest.customer_id}::chid:RefArch`,
      iat: T0 / 1000,
      nbf: T0 / 1000,
      exp: T0 / 1000 + 1800,
    })
    expect(String(c.jti)).toMatch(/^C2C\d{13}-\d{26}$/)
    expect(String(c.scp).split(' ')).toContain('sfcc.shopper-myaccount.baskets')
    expect(c).not.toHaveProperty('dnt')
    // What commerce-sdk-react derives from the token.
    const parts = String(c.isb).split('::')
    expect(parts[1]).toBe('upn:Guest')
    expect(parts[3]).toBe(`gcid:${guest.customer_id}`)
    expect(String(c.sub).split('::')[3]).toBe(`usid:${guest.usid}`)
  })

  it('registered claims have the reference shapes', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const registered = await loginRegistered(emulator, { usid: guest.usid })
    const ada = emulator.settings.shoppers[0]!
    expect(claims(registered.access_token).isb).toBe(
      `uido:ecom::upn:${ada.login}::uidn:Ada Lovelace::gcid:${guest.customer_id}` +
        `::rcid:${ada.customerId}::chid:RefArch`,
    )
    const parts = String(claims(registered.access_token).isb).split('::')
    expect(parts[4]).toBe(`rcid:${registered.customer_id}`)
  })

  it('dnt: echoed in the TokenResponse, "1"/"0" in the JWT', async () => {
    const emulator = createTestEmulator()
    const on = await loginGuest(emulator, { dnt: 'true' })
    expect(on.dnt).toBe('true')
    expect(claims(on.access_token).dnt).toBe('1')
    const off = await loginGuest(emulator, { dnt: 'false' })
    expect(claims(off.access_token).dnt).toBe('0')
  })
})

describe('getWellknownOpenidConfiguration', () => {
  it('lists the endpoints on the request origin', async () => {
    const emulator = createTestEmulator()
    const response = await get(emulator, '/.well-known/openid-configuration')
    expect(response.status).toBe(200)
    const config = (await response.json()) as Record<string, unknown>
    const { organizationId } = emulator.settings
    const base = `http://emulator.local/shopper/auth/v1/organizations/${organizationId}/oauth2`
    expect(config).toMatchObject({
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwks`,
      revocation_endpoint: `${base}/revoke`,
      userinfo_endpoint: `${base}/userinfo`,
      code_challenge_methods_supported: ['S256'],
    })
    expect(config.grant_types_supported).toEqual(
      expect.arrayContaining([
        'authorization_code',
        'authorization_code_pkce',
        'client_credentials',
        'refresh_token',
      ]),
    )
  })
})
