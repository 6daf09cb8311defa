import { describe, expect, it } from 'vitest'
import { isSensitiveKey, REDACTED, redact, redactValue } from '../src/redact.ts'

const JWT =
  'eyJ2ZXIiOiIxLjAiLCJhbGciOiJFUzI1NiJ9.' +
  'eyJzdWIiOiJjYy1zbGFzOjp6enJmXzAwMSJ9.UVYAsWXCn3hoUPy8vLlc7O96RZ'
const REFRESH =
  'EgMYpjfFKdlSy-a3PYeyihmP95IpIp3FaDpPmVH1yu8.lahomBi7zJbRa6yKAuAAiKu3lprTPsEueKwqcBvhRLU'

describe('redact', () => {
  it.each([
    ['a JWT in prose', `token ${JWT} was rejected`, `token ${REDACTED} was rejected`],
    // Glued to a word, the JWT is not matched as one (the anchor keeps redaction linear); the
    // whole random-looking run is redacted instead.
    ['a JWT glued to text', `x${JWT}`, REDACTED],
    [
      'a Bearer credential',
      'Authorization was Bearer abc123.def',
      `Authorization was Bearer ${REDACTED}`,
    ],
    ['a Basic credential', 'sent Basic dXNlcjpwYXNz', `sent Basic ${REDACTED}`],
    [
      'an opaque refresh token in prose',
      `refresh ${REFRESH} is used`,
      `refresh ${REDACTED} is used`,
    ],
    [
      'query values',
      'https://x/callback?code=abc&usid=u1&state=s',
      `https://x/callback?code=${REDACTED}&usid=u1&state=s`,
    ],
    [
      'form values',
      'grant_type=refresh_token&refresh_token=r1.r2&client_id=c',
      `grant_type=refresh_token&refresh_token=${REDACTED}&client_id=c`,
    ],
    [
      'JSON string values',
      '{"access_token":"a.b.c","token_type":"Bearer","password":"p\\"w"}',
      `{"access_token":"${REDACTED}","token_type":"Bearer","password":"${REDACTED}"}`,
    ],
    ['JSON numbers', '{"code": 123456}', `{"code": ${REDACTED}}`],
    [
      'escaped JSON inside a string',
      '"{\\"refresh_token\\":\\"zz\\"}"',
      `"{\\"refresh_token\\":\\"${REDACTED}\\"}"`,
    ],
    [
      'inspect output',
      "{ newPassword: 'hunter2', name: 'x' }",
      `{ newPassword: '${REDACTED}', name: 'x' }`,
    ],
    [
      'header dumps',
      'authorization: Basic dXNlcjpwYXNz\nx-slas-client-auth: Y2xpZW50OnNlY3JldA==',
      `authorization: ${REDACTED}\nx-slas-client-auth: ${REDACTED}`,
    ],
    [
      'case-insensitively',
      'CODE_VERIFIER=abc&Client_Secret=s',
      `CODE_VERIFIER=${REDACTED}&Client_Secret=${REDACTED}`,
    ],
    [
      'camelCase keys',
      'resetToken=a currentPassword=b',
      `resetToken=${REDACTED} currentPassword=${REDACTED}`,
    ],
    [
      'pwd_action_token and idp tokens',
      'pwd_action_token=1&idp_access_token=2',
      `pwd_action_token=${REDACTED}&idp_access_token=${REDACTED}`,
    ],
  ])('replaces %s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected)
  })

  it.each([
    'Basic Authorization failed.',
    'Bad or missing refresh token.',
    'Invalid authorization code or code_verifier.',
    'grant_type=refresh_token&token_type_hint=refresh_token',
    'code_challenge=E9Melhoa2Ow&scope=openid',
    'usid 18cda486-fe32-4e27-888b-6e4f89938e67 kept',
    'errors/basket-transfer-basket-already-exists-exception',
    'error_code=42',
  ])('keeps %s', (input) => {
    expect(redact(input)).toBe(input)
  })

  it('treats any long random-looking run as a secret, whatever its key', () => {
    expect(redact('code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw')).toBe(
      `code_challenge=${REDACTED}`,
    )
  })

  it('is linear on huge input', () => {
    const huge = 'a'.repeat(200_000) + ' token='.repeat(20_000) + 'x'.repeat(100_000)
    const started = performance.now()
    redact(huge)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('redactValue', () => {
  it('redacts sensitive keys and strings deeply without mutating', () => {
    const input = {
      headers: { Authorization: 'Bearer x', accept: 'application/json' },
      body: { refresh_token: 'r', nested: [{ password: 'p' }, `see ${JWT}`] },
      usid: 'u1',
      count: 3,
    }
    const copy = structuredClone(input)
    expect(redactValue(input)).toEqual({
      headers: { Authorization: REDACTED, accept: 'application/json' },
      body: { refresh_token: REDACTED, nested: [{ password: REDACTED }, `see ${REDACTED}`] },
      usid: 'u1',
      count: 3,
    })
    expect(input).toEqual(copy)
  })

  it('handles cycles, errors, maps, headers and URLs', () => {
    const cyclic: Record<string, unknown> = { name: 'a' }
    cyclic.self = cyclic
    const out = redactValue({
      cyclic,
      error: new Error(`bad ${JWT}`),
      map: new Map([['code', 'c1']]),
      headers: new Headers({ authorization: 'Basic abc' }),
      url: new URL('https://x/cb?code=c2'),
    })
    expect(out).toEqual({
      cyclic: { name: 'a', self: '[circular]' },
      error: { name: 'Error', message: `bad ${REDACTED}` },
      map: { code: REDACTED },
      headers: { authorization: REDACTED },
      url: `https://x/cb?code=${REDACTED}`,
    })
  })

  it('knows which keys are sensitive', () => {
    expect(isSensitiveKey('x-slas-client-auth')).toBe(true)
    expect(isSensitiveKey('id_token')).toBe(true)
    expect(isSensitiveKey('token_type')).toBe(false)
    expect(isSensitiveKey('usid')).toBe(false)
  })

  // The key list is written twice (whole keys, and keys followed by a value in text).
  it.each([
    ['access_token', true],
    ['code', true],
    ['Code_Verifier', true],
    ['newPassword', true],
    ['client_secret', true],
    ['Authorization', true],
    ['x-slas-client-auth', true],
    ['_sfdc_client_auth', true],
    ['token_type', false],
    ['code_challenge', false],
    ['usid', false],
    ['authorization_code', false],
  ])('redacts the value of %s in text exactly when it is a sensitive key', (key, sensitive) => {
    expect(isSensitiveKey(key)).toBe(sensitive)
    expect(redact(`${key}=v1`)).toBe(sensitive ? `${key}=${REDACTED}` : `${key}=v1`)
  })

  it("keeps an error's code (lower-case words) but redacts an authorization code", () => {
    const logged = { type: 'login.failed', error: { code: 'invalid_credentials', message: 'm' } }
    expect(redactValue(logged)).toEqual(logged)
    expect(redactValue({ code: 'rate_limited' })).toEqual({ code: 'rate_limited' })
    for (const code of ['Xk9_q2', 'c1', 'ABC_DEF', 'a-b', 'invalid_grant ', 42]) {
      expect(redactValue({ code })).toEqual({ code: REDACTED })
    }
  })

  it('marks only real cycles: a value met twice side by side is copied twice', () => {
    const shared = { code: 'c1', usid: 'u' }
    expect(redactValue({ a: shared, b: [shared, shared] })).toEqual({
      a: { code: REDACTED, usid: 'u' },
      b: [
        { code: REDACTED, usid: 'u' },
        { code: REDACTED, usid: 'u' },
      ],
    })
  })

  it('cuts values nested deeper than 12 objects', () => {
    let deep: unknown = 'leaf'
    for (let level = 0; level < 13; level++) deep = { next: deep }
    let cut = redactValue(deep)
    for (let level = 0; level < 12; level++) cut = (cut as { next: unknown }).next
    expect(cut).toBe('[too deep]')
  })

  it('copies a `__proto__` key as data', () => {
    const input: unknown = JSON.parse('{"__proto__":{"password":"p"}}')
    const out = redactValue(input) as Record<string, unknown>
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.hasOwn(out, '__proto__')).toBe(true)
  })
})

describe('redact: the JWT rule is anchored', () => {
  // Anchoring at the start of a token run keeps redaction linear: an unanchored rule retries
  // from every `eyJ` of a long run (quadratic on `'eyJ'.repeat(100000)`).
  it('matches a JWT only at the start of a run of token characters', () => {
    expect(redact('see eyJa.b.c here')).toBe('see [redacted] here')
    expect(redact('see aeyJa.b.c here')).toBe('see aeyJa.b.c here')
  })
})
