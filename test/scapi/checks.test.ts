/**
 * The zod/mini fields made from the plain rules (src/scapi/checks.ts) give the messages zod's own
 * kinds gave, name the bad field and never echo a value.
 */
import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import { bool, holds, int, oneOf, text } from '../../src/scapi/checks.ts'
import { stringRecord } from '../../src/scapi/configFields.ts'
import { parseParams } from '../../src/scapi/params.ts'
import { getAccessToken } from '../../src/scapi/index.ts'
import { TokenResponseSchema } from '../../src/scapi/slasSchemas.ts'
import { expectCode } from '../support/expectError.ts'
import { json, publicConfig, recordingFetch, tokenBody } from './fakeFetch.ts'

const SECRET = 'do-not-echo-8xQ'
const C_ = 'op: f: must start with c_'

/** The `invalid_config` message for `value` as field `f` of `schema`, or `ok`. */
function reasonFor(schema: z.core.$ZodType, value: unknown): string {
  try {
    parseParams('op', z.object({ f: schema }), { f: value })
    return 'ok'
  } catch (error) {
    return (error as Error).message
  }
}

describe('checks', () => {
  it.each([
    [text(5), 'abc', 'ok'],
    [text(5), '', 'op: f: must not be empty'],
    [text(5), `${SECRET}`, 'op: f: must be at most 5 characters'],
    [text(50, 43), 'short', 'op: f: must be at least 43 characters'],
    [text(5), 42, 'op: f: must be a string'],
    [text(5), undefined, 'op: f: is required'],
    [z.string().check(holds((v: string) => v.startsWith('c_'), 'must start with c_')), 'x', C_],
    [oneOf('manual', 'follow'), 'auto', 'op: f: must be one of "manual", "follow"'],
    [oneOf(1), 2, 'op: f: must be one of 1'],
    [oneOf('manual', 'follow'), 'follow', 'ok'],
    [bool(), 'yes', 'op: f: must be a boolean'],
    [bool(), false, 'ok'],
    [int(0, 10), 1.5, 'op: f: must be an integer'],
    [int(1, 10), 0, 'op: f: must be at least 1'],
    [int(0, 10), 11, 'op: f: must be at most 10'],
    [int(0, 10), 10, 'ok'],
  ])('%#: names the field and the reason', (schema, value, expected) => {
    expect(reasonFor(schema, value)).toBe(expected)
  })

  it('checks a string record entry by entry, naming the key, never the value', () => {
    const custom = stringRecord((key) => (key.startsWith('c_') ? undefined : 'must start with c_'))
    expect(reasonFor(custom, { c_a: 'x' })).toBe('ok')
    expect(reasonFor(custom, { c_a: 'x', b: SECRET })).toBe('op: f.b: must start with c_')
    expect(reasonFor(custom, { c_a: 1 })).toBe('op: f.c_a: must be a string')
    expect(reasonFor(custom, ['c_a'])).toBe('op: f: must be an object')
    expect(reasonFor(custom, SECRET)).toBe('op: f: must be an object')
  })
})

describe('SLAS schemas without union classes', () => {
  it('reads dnt as a string or a boolean', () => {
    const body = tokenBody()
    expect(TokenResponseSchema.safeParse({ ...body, dnt: 'true' }).success).toBe(true)
    expect(TokenResponseSchema.safeParse({ ...body, dnt: false }).success).toBe(true)
    expect(TokenResponseSchema.safeParse({ ...body, dnt: 1 }).success).toBe(false)
  })

  it('refuses an unknown grantType before any request, listing the grants', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, tokenBody()))
    const params = { grantType: 'password' } as unknown as Parameters<typeof getAccessToken>[1]
    const error = await expectCode(getAccessToken(publicConfig(fetch), params), 'invalid_config')
    expect(error.message).toBe(
      'getAccessToken: grantType: must be one of "authorization_code_pkce", ' +
        '"authorization_code", "refresh_token", "client_credentials"',
    )
    expect(calls).toHaveLength(0)
  })
})
