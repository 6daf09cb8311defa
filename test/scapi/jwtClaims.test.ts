import { describe, expect, it } from 'vitest'
import { decodeJwtClaims, readShopperToken } from '../../src/scapi/jwtClaims.ts'
import { expectCode } from '../support/expectError.ts'
import { makeJwt } from './fakeFetch.ts'

const SUB =
  'cc-slas::zzrf_001::scid:c9c45bfd-0ed3-4aa2-9971-40f88962b836::' +
  'usid:02ccab32-6f6e-4d7c-bb55-1d1c7c9b9c1a'
const GCID = 'abxHc1lblIlKwRl0k1mqYYkewY'
const RCID = 'bcm0pAmGzIk0kRkKdIxHYYwKs4'

function decode(payload: Record<string, unknown>) {
  return Promise.resolve().then(() => decodeJwtClaims(makeJwt(payload)))
}

describe('decodeJwtClaims', () => {
  it('reads a guest token from its sub and isb claims', async () => {
    const claims = await decode({
      sub: SUB,
      isb: `uido:slas::upn:Guest::uidn:Guest User::gcid:${GCID}::chid:RefArch`,
      exp: 1700001800,
      iat: 1700000000,
      dnt: '0',
    })
    expect(claims).toMatchObject({
      customerType: 'guest',
      customerId: GCID,
      loginId: 'guest',
      usid: '02ccab32-6f6e-4d7c-bb55-1d1c7c9b9c1a',
      uido: 'slas',
      siteId: 'RefArch',
      exp: 1700001800,
      iat: 1700000000,
      dnt: '0',
    })
  })

  it('reads a registered token, unescaping colons in names', async () => {
    const claims = await decode({
      sub: SUB,
      isb: [
        'uido:ecom',
        'upn:jane%3Ax@example.com',
        'uidn:Jane Doe',
        `gcid:${GCID}`,
        `rcid:${RCID}`,
        'chid:RefArch',
      ].join('::'),
    })
    expect(claims).toMatchObject({
      customerType: 'registered',
      customerId: RCID,
      loginId: 'jane:x@example.com',
      uido: 'ecom',
      exp: undefined,
    })
  })

  it.each([
    ['not a JWT', () => decodeJwtClaims('opaque-token')],
    ['bad base64', () => decodeJwtClaims('a.%%%.c')],
    [
      'a JSON array payload',
      () => decodeJwtClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`),
    ],
    ['a non-JSON payload', () => decodeJwtClaims(`a.${Buffer.from('{x').toString('base64url')}.c`)],
    ['no isb', () => decodeJwtClaims(makeJwt({ sub: SUB }))],
    ['no sub', () => decodeJwtClaims(makeJwt({ isb: 'upn:Guest::gcid:x' }))],
    [
      'no usid in sub',
      () => decodeJwtClaims(makeJwt({ sub: 'cc-slas::t', isb: 'upn:Guest::gcid:x' })),
    ],
    [
      'a guest without gcid',
      () => decodeJwtClaims(makeJwt({ sub: SUB, isb: 'uido:slas::upn:Guest' })),
    ],
    [
      'a registered shopper without rcid',
      () => decodeJwtClaims(makeJwt({ sub: SUB, isb: `upn:jane::gcid:${GCID}` })),
    ],
    ['a non-string token', () => decodeJwtClaims(42 as unknown as string)],
  ])('fails soft with invalid_response on %s', async (_name, run) => {
    await expectCode(Promise.resolve().then(run), 'invalid_response')
  })
})

describe('readShopperToken', () => {
  it('reads the identity decodeJwtClaims reads, and nothing else', () => {
    const isb = `uido:ecom::upn:jane%3Ax@example.com::gcid:${GCID}::rcid:${RCID}::chid:RefArch`
    const token = makeJwt({ sub: SUB, isb, exp: 1700001800 })
    const { customerType, customerId, loginId, usid } = decodeJwtClaims(token)
    expect(readShopperToken(token)).toStrictEqual({ customerType, customerId, loginId, usid })
  })

  it('names the missing claim', async () => {
    const error = await expectCode(
      Promise.resolve().then(() => readShopperToken(makeJwt({ sub: SUB, isb: 'upn:Guest' }))),
      'invalid_response',
    )
    expect(error.message).toBe('Shopper token could not be read: gcid is missing')
  })
})
