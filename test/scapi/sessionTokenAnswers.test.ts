/**
 * The session reads SLAS token answers with plain field rules (no zod in the browser entry): the
 * same `invalid_response` messages as the public operations' zod schema, only the fields a
 * session keeps, and never a token in a message.
 */
import { describe, expect, it } from 'vitest'
import { getAccessToken } from '../../src/scapi/index.ts'
import { resolveSlasConfig } from '../../src/scapi/config.ts'
import { createSessionSlas } from '../../src/session/slasWire.ts'
import { expectCode } from '../support/expectError.ts'
import { json, privateConfig, recordingFetch, tokenBody } from './fakeFetch.ts'

/** The session's refresh and the public getAccessToken, both answered with `body`. */
async function bothRead(body: unknown, status = 200) {
  const { fetch } = recordingFetch(() =>
    body === undefined ? new Response('{', { status }) : json(status, body),
  )
  const slas = createSessionSlas(resolveSlasConfig(privateConfig(fetch)))
  const session = slas.refresh('refresh-token')
  const operation = getAccessToken(privateConfig(fetch), {
    grantType: 'refresh_token',
    refreshToken: 'refresh-token',
  })
  return { session, operation }
}

describe('token answers on the session path', () => {
  it('keeps only the fields a session uses', async () => {
    const body = tokenBody({ extra: 'x', dnt: 'true' })
    const { session } = await bothRead(body)
    const tokens = await session
    expect(Object.keys(tokens).sort()).toEqual([
      'access_token',
      'customer_id',
      'expires_in',
      'refresh_token',
      'refresh_token_expires_in',
      'usid',
    ])
    expect(tokens.access_token).toBe(body.access_token)
  })

  it.each([
    [{ expires_in: 0 }, 'expires_in: must be a positive number of seconds'],
    [{ expires_in: -5 }, 'expires_in: must be a positive number of seconds'],
    [{ expires_in: '1800' }, 'expires_in: must be a finite number'],
    [{ expires_in: undefined }, 'expires_in: is required'],
    [{ refresh_token_expires_in: -1 }, 'refresh_token_expires_in: must be a non-negative number'],
    [{ refresh_token: undefined }, 'refresh_token: is required'],
    [{ access_token: 42 }, 'access_token: must be a string'],
    [{ usid: '' }, 'usid: must not be empty'],
    [{ customer_id: null }, 'customer_id: must be a string'],
  ])('words a bad %j as the public operation does', async (patch, reason) => {
    const body = tokenBody(patch)
    const { session, operation } = await bothRead(body)
    const expected = `getAccessToken returned an unexpected body: ${reason}`
    const sessionError = await expectCode(session, 'invalid_response')
    expect(sessionError.message).toBe(expected)
    expect((await expectCode(operation, 'invalid_response')).message).toBe(expected)
    expect(sessionError.message).not.toContain(String(body.refresh_token))
  })

  it.each([[null], [[]], ['token'], [42]])('refuses a body that is no object: %j', async (body) => {
    const { session, operation } = await bothRead(body)
    const expected = 'getAccessToken returned an unexpected body: (root): must be an object'
    expect((await expectCode(session, 'invalid_response')).message).toBe(expected)
    expect((await expectCode(operation, 'invalid_response')).message).toBe(expected)
  })

  it('refuses a body that is not JSON, and maps an error status as before', async () => {
    const notJson = await bothRead(undefined)
    expect((await expectCode(notJson.session, 'invalid_response')).message).toBe(
      'getAccessToken returned a body that is not JSON (status 200)',
    )
    await expectCode(notJson.operation, 'invalid_response')
    const refused = await bothRead({ error: 'invalid_grant' }, 400)
    await expectCode(refused.session, 'invalid_grant')
    await expectCode(refused.operation, 'invalid_grant')
  })
})
