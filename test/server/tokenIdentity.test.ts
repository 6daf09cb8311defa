/**
 * `createTokenIdentifier` on tokens signed here with jose: the identity comes from a token whose
 * ES256 signature, key, tenant and client check out, expired or not; anything else is `tampered`;
 * a key set that cannot be fetched is a transient error.
 */
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { ShopperSessionError } from '../../src/errors.ts'
import { createJwksCache } from '../../src/server/jwksCache.ts'
import { createTokenIdentifier } from '../../src/server/tokenIdentity.ts'
import { expectCode } from '../support/expectError.ts'

const TENANT = 'zzte_001'
const CLIENT = 'c9c45bfd-0ed3-4aa2-9971-40f88962b836'
const NOW = 1_767_225_600_000

type Pair = Awaited<ReturnType<typeof generateKeyPair>>
let signer: Pair
let stranger: Pair
let published: JWK

beforeAll(async () => {
  signer = await generateKeyPair('ES256')
  stranger = await generateKeyPair('ES256')
  published = { ...(await exportJWK(signer.publicKey)), kid: 'key-1', use: 'sig' }
})

interface TokenOptions {
  key?: Pair['privateKey']
  kid?: string
  claims?: Record<string, unknown>
  alg?: string
}

const REGISTERED = {
  iss: `slas/prod/${TENANT}`,
  sub: `cc-slas::${TENANT}::scid:${CLIENT}::usid:usid-1`,
  isb:
    'uido:ecom::upn:ada@example.com::uidn:Ada Lovelace::gcid:guest-1::rcid:customer-1' +
    '::chid:RefArch',
}

/** A SLAS-shaped access token, issued at NOW and valid 30 minutes, unless `claims` say else. */
function token(options: TokenOptions = {}): Promise<string> {
  const iat = Math.floor(NOW / 1000)
  const claims = { ...REGISTERED, iat, exp: iat + 1800, ...options.claims }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid ?? 'key-1' })
    .sign(options.key ?? signer.privateKey)
}

/** An identifier over a key set that `load` answers, counting fetches; `clock.now` is its time. */
function identifier(load: () => Promise<{ keys: JWK[] }> = async () => ({ keys: [published] })) {
  const clock = { now: NOW }
  let fetches = 0
  const identify = createTokenIdentifier({
    keys: createJwksCache({
      load: () => {
        fetches++
        return load()
      },
    }),
    tenant: TENANT,
    clientId: CLIENT,
    now: () => clock.now,
  })
  return { identify, fetches: () => fetches, clock }
}

describe('createTokenIdentifier', () => {
  it('a genuine registered token: its identity, from the verified claims', async () => {
    const { identify } = identifier()
    expect(await identify(await token())).toEqual({
      customerType: 'registered',
      customerId: 'customer-1',
      usid: 'usid-1',
      loginId: 'ada@example.com',
    })
  })

  it('a guest token: guest, its guest customer id, no loginId', async () => {
    const { identify } = identifier()
    const isb = 'uido:slas::upn:Guest::uidn:Guest User::gcid:guest-9::chid:RefArch'
    expect(await identify(await token({ claims: { isb } }))).toEqual({
      customerType: 'guest',
      customerId: 'guest-9',
      usid: 'usid-1',
      loginId: undefined,
    })
  })

  it('an expired token still says whose it is (the session refreshes it next)', async () => {
    const { identify } = identifier()
    const longAgo = Math.floor(NOW / 1000) - 86_400
    const expired = await token({ claims: { iat: longAgo, nbf: longAgo, exp: longAgo + 1800 } })
    expect((await identify(expired)).customerId).toBe('customer-1')
  })

  it('claims edited after signing: tampered', async () => {
    const { identify } = identifier()
    const [header, payload, signature] = (await token()).split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object
    const edited = { ...claims, isb: REGISTERED.isb.replace('customer-1', 'customer-2') }
    const body = Buffer.from(JSON.stringify(edited)).toString('base64url')
    const forged = `${header}.${body}.${signature}`
    const error = await expectCode(identify(forged), 'tampered')
    expect(error.message).toMatch(/signature does not verify/)
  })

  it("signed by another key under the issuer's kid: tampered", async () => {
    const { identify } = identifier()
    await expectCode(identify(await token({ key: stranger.privateKey })), 'tampered')
  })

  it('an unknown kid: the keys are fetched again once, then tampered', async () => {
    const { identify, fetches, clock } = identifier()
    await identify(await token())
    expect(fetches()).toBe(1)
    clock.now += 10_000 // past the cooldown
    const error = await expectCode(identify(await token({ kid: 'key-2' })), 'tampered')
    expect(error.message).toMatch(/signing key is not in SLAS's key set/)
    expect(fetches()).toBe(2)
  })

  it('an unknown kid moments after a fetch: transient (never a logout), no fetch', async () => {
    const { identify, fetches } = identifier()
    await identify(await token())
    const error = await expectCode(identify(await token({ kid: 'key-2' })), 'server_error')
    expect(error.transient).toBe(true)
    expect(fetches()).toBe(1)
  })

  it('another tenant or another SLAS client: tampered', async () => {
    const { identify } = identifier()
    const otherTenant = {
      iss: 'slas/prod/zzzz_002',
      sub: `cc-slas::zzzz_002::scid:${CLIENT}::usid:usid-1`,
    }
    const otherClient = { sub: `cc-slas::${TENANT}::scid:another-client::usid:usid-1` }
    const tenantError = await expectCode(identify(await token({ claims: otherTenant })), 'tampered')
    expect(tenantError.message).toMatch(/another tenant/)
    const clientError = await expectCode(identify(await token({ claims: otherClient })), 'tampered')
    expect(clientError.message).toMatch(/another SLAS client/)
    // The issuer's environment may be anything (prod, dev, stg).
    const dev = { iss: `slas/dev/${TENANT}` }
    expect((await identify(await token({ claims: dev }))).customerId).toBe('customer-1')
  })

  it('not a JWT, or a signed token that names no shopper: tampered', async () => {
    const { identify } = identifier()
    for (const text of ['', 'not-a-token', '{"v":1}']) await expectCode(identify(text), 'tampered')
    const nameless = await token({ claims: { isb: 'uido:ecom::upn:ada@example.com' } })
    const error = await expectCode(identify(nameless), 'tampered')
    expect(error.message).toMatch(/names no shopper/)
  })

  it('a key set that cannot be fetched: transient, with its code; never tampered', async () => {
    const failing = (error: unknown) => identifier(() => Promise.reject(error))
    const down = new ShopperSessionError('server_error', 'getJwksUri failed', { status: 503 })
    await expectCode(failing(down).identify(await token()), 'server_error')
    const offline = new ShopperSessionError('network', 'getJwksUri failed: network error')
    await expectCode(failing(offline).identify(await token()), 'network')
    // A 4xx or an answer that is no key set is the key server's fault: server_error, transient.
    const refused = new ShopperSessionError('not_found', 'getJwksUri failed', { status: 404 })
    const mapped = await expectCode(failing(refused).identify(await token()), 'server_error')
    expect(mapped.transient).toBe(true)
    expect(mapped.status).toBe(404)
    const empty = identifier(async () => ({ keys: [] }))
    await expectCode(empty.identify(await token()), 'server_error')
  })
})
