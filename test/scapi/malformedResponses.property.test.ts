/**
 * Property: whatever a server (or a broken fetch) answers, every SLAS, Shopper Customers and
 * Shopper Baskets operation either returns a schema-valid value or rejects with a
 * ShopperSessionError of a known code, and never quotes the secret the answers carry. The
 * emulator cannot produce malformed answers, so a hand-written fetch crafts them here.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isErrorCode, ShopperSessionError } from '../../src/errors.ts'
import {
  authenticateCustomer,
  authorizeCustomer,
  EmptiedTokenResponseSchema,
  getAccessToken,
  getJwksUri,
  getTrustedSystemAccessToken,
  getUserInfo,
  getWellknownOpenidConfiguration,
  IntrospectionSchema,
  introspectToken,
  JwksSchema,
  loginGuestUser,
  loginRegisteredUser,
  logoutCustomer,
  OpenIdConfigurationSchema,
  refreshAccessToken,
  revokeToken,
  TokenResponseSchema,
  UserInfoSchema,
} from '../../src/scapi/index.ts'
import { recordError } from '../support/secretGuard.ts'
import { answer, SECRET, scripted } from './arbitraryAnswers.ts'
import { privateConfig, publicConfig, scapiConfig } from './fakeFetch.ts'
import { OPERATIONS as SCAPI_OPERATIONS } from './scapiFixtures.ts'

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'

const isCode = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { code?: unknown }).code === 'string'
const tokens = (value: unknown) => TokenResponseSchema.safeParse(value).success

type Row = [
  string,
  (fetchFn: typeof fetch) => Promise<unknown>,
  (value: unknown) => boolean,
  /** The body of a valid answer; default: the SLAS one for the path. */
  valid?: () => string,
]

const isObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// Shopper answers are loose objects (every schema keeps unknown keys), or nothing for a 204;
// transferBasket has both.
const SCAPI_ROWS: Row[] = SCAPI_OPERATIONS.map((row) => [
  row.name,
  (f) => row.call(scapiConfig(f)),
  (value) =>
    value === undefined
      ? row.answer === undefined || row.name === 'transferBasket'
      : row.answer !== undefined && isObject(value),
  () => (row.answer === undefined ? '' : JSON.stringify(row.answer)),
])

const OPERATIONS: Row[] = [
  [
    'authorizeCustomer',
    (f) =>
      authorizeCustomer(publicConfig(f), { hint: 'guest', codeChallenge: CHALLENGE, state: 's' }),
    isCode,
  ],
  [
    'authenticateCustomer',
    (f) =>
      authenticateCustomer(publicConfig(f), {
        username: 'jane',
        password: 'pw-123456',
        codeChallenge: CHALLENGE,
        state: 's',
      }),
    isCode,
  ],
  [
    'getAccessToken (pkce)',
    (f) =>
      getAccessToken(publicConfig(f), {
        grantType: 'authorization_code_pkce',
        code: 'c',
        codeVerifier: VERIFIER,
      }),
    tokens,
  ],
  [
    'getAccessToken (client_credentials)',
    (f) => getAccessToken(privateConfig(f), { grantType: 'client_credentials' }),
    tokens,
  ],
  ['refreshAccessToken', (f) => refreshAccessToken(publicConfig(f), { refreshToken: 'r' }), tokens],
  ['loginGuestUser', (f) => loginGuestUser(publicConfig(f), {}), tokens],
  [
    'loginRegisteredUser',
    (f) => loginRegisteredUser(publicConfig(f), { username: 'jane', password: 'pw-123456' }),
    tokens,
  ],
  [
    'getTrustedSystemAccessToken',
    (f) => getTrustedSystemAccessToken(privateConfig(f), { loginId: 'jane' }),
    tokens,
  ],
  [
    'logoutCustomer',
    (f) => logoutCustomer(publicConfig(f), { accessToken: 'a', refreshToken: 'r' }),
    (v) => EmptiedTokenResponseSchema.safeParse(v).success,
  ],
  [
    'revokeToken',
    (f) => revokeToken(privateConfig(f), { token: 't' }),
    (v) => EmptiedTokenResponseSchema.safeParse(v).success,
  ],
  [
    'introspectToken',
    (f) => introspectToken(privateConfig(f), { token: 't' }),
    (v) => IntrospectionSchema.safeParse(v).success,
  ],
  [
    'getUserInfo',
    (f) => getUserInfo(publicConfig(f), { accessToken: 'a' }),
    (v) => UserInfoSchema.safeParse(v).success,
  ],
  ['getJwksUri', (f) => getJwksUri(publicConfig(f)), (v) => JwksSchema.safeParse(v).success],
  [
    'getWellknownOpenidConfiguration',
    (f) => getWellknownOpenidConfiguration(publicConfig(f)),
    (v) => OpenIdConfigurationSchema.safeParse(v).success,
  ],
  ...SCAPI_ROWS,
]

describe.each(OPERATIONS)('%s on arbitrary answers', (_name, run, isValid, valid) => {
  it('returns a valid value or a coded ShopperSessionError, never a secret', async () => {
    const outcomes = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 2, maxLength: 2 }), async (answers) => {
        let value: unknown
        try {
          value = await run(scripted(answers, valid))
        } catch (error) {
          recordError(error)
          expect(error).toBeInstanceOf(ShopperSessionError)
          const coded = error as ShopperSessionError
          expect(isErrorCode(coded.code)).toBe(true)
          expect(coded.message).not.toContain(SECRET)
          expect(JSON.stringify(coded)).not.toContain(SECRET)
          outcomes.add(coded.code)
          return
        }
        expect(isValid(value)).toBe(true)
        outcomes.add('ok')
      }),
      { seed: 20_250_101, numRuns: 120 },
    )
    // The generator must reach both sides, or the property proves little.
    expect(outcomes.has('ok')).toBe(true)
    expect(outcomes.size).toBeGreaterThan(3)
  })
})
