/**
 * The emulator side of the "assumed wire shapes" table: every row is staged
 * against the emulator and must come back with exactly that status, body fields and headers; the
 * client's mapper then reads that real answer as the row's error code.
 */
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/index.ts'
import { mapErrorResponse } from '../../src/scapi/errorMapping.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { recordError } from '../support/secretGuard.ts'
import { WIRE_SHAPES } from '../support/wireShapes.ts'
import { BASKET_STAGERS } from './baskets/wireShapeStagers.ts'
import { CUSTOMER_STAGERS } from './customers/wireShapeStagers.ts'
import {
  authorizeGuest,
  basic,
  codeExchange,
  FIXED_CLOCK,
  get,
  loginGuest,
  loginRequest,
  post,
  privateAuth,
  refresh,
  tokens,
} from './helpers.ts'

/** `placeholder`: a value of the answer that the row writes as `x` (e.g. a random customer id). */
type Stager = () => Promise<{ emulator: Emulator; response: Response; placeholder?: string }>

function tsob(emulator: Emulator, clientId: string, authorization: string, loginId = 'guest') {
  return post(
    emulator,
    '/trusted-system/token',
    {
      grant_type: 'client_credentials',
      hint: 'ts_ext_on_behalf_of',
      login_id: loginId,
      idp_origin: 'ecom',
      client_id: clientId,
      channel_id: 'RefArch',
    },
    { authorization },
  )
}

function injected(operation: string, status: number, headers?: Record<string, string>): Stager {
  return async () => {
    const emulator = createTestEmulator()
    emulator.control.failNext(operation, { status, ...(headers ? { headers } : {}) })
    const guest = { grant_type: 'client_credentials', channel_id: 'RefArch' }
    const response = await post(emulator, '/token', guest, { authorization: privateAuth(emulator) })
    return { emulator, response }
  }
}

const STAGERS: Record<string, Stager> = {
  'slas.login.wrongPassword': async () => {
    const emulator = createTestEmulator()
    return { emulator, response: (await loginRequest(emulator, { password: 'wrong' })).response }
  },
  'slas.login.locked': async () => {
    const emulator = createTestEmulator()
    for (let i = 0; i < 5; i += 1) await loginRequest(emulator, { password: 'wrong' })
    return { emulator, response: (await loginRequest(emulator)).response }
  },
  'slas.login.twiceWithinOneSecond': async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    await loginRequest(emulator)
    return { emulator, response: (await loginRequest(emulator)).response }
  },
  'slas.login.strictClientAuthFailed': async () => {
    const emulator = createTestEmulator({ clients: { private: { strictClientAuth: true } } })
    const clientId = emulator.settings.clients.private.clientId
    return { emulator, response: (await loginRequest(emulator, { clientId })).response }
  },
  'slas.authorize.badClientId': async () => {
    const emulator = createTestEmulator()
    const response = await get(emulator, '/authorize', {
      client_id: 'unknown-client',
      hint: 'guest',
    })
    return { emulator, response }
  },
  'slas.authorize.badRedirectUri': async () => {
    const emulator = createTestEmulator()
    const response = await get(emulator, '/authorize', {
      client_id: emulator.settings.clients.public.clientId,
      redirect_uri: 'https://evil.example/callback',
      response_type: 'code',
      hint: 'guest',
    })
    return { emulator, response }
  },
  'slas.token.refreshReused': async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    await tokens(await refresh(emulator, guest.refresh_token))
    return { emulator, response: await refresh(emulator, guest.refresh_token) }
  },
  'slas.token.badCode': async () => {
    const emulator = createTestEmulator()
    const { code, usid, verifier } = await authorizeGuest(emulator)
    await tokens(await post(emulator, '/token', codeExchange(emulator, code, verifier, usid)))
    return {
      emulator,
      response: await post(emulator, '/token', codeExchange(emulator, code, verifier, usid)),
    }
  },
  'slas.token.badClientSecret': async () => {
    const emulator = createTestEmulator()
    const authorization = basic(emulator.settings.clients.private.clientId, 'not-the-secret')
    const body = { grant_type: 'client_credentials', channel_id: 'RefArch' }
    return { emulator, response: await post(emulator, '/token', body, { authorization }) }
  },
  'slas.token.badParameters': async () => {
    const emulator = createTestEmulator()
    return { emulator, response: await post(emulator, '/token', { channel_id: 'RefArch' }) }
  },
  'slas.logout.badAccessToken': async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const query = {
      client_id: emulator.settings.clients.public.clientId,
      refresh_token: guest.refresh_token,
    }
    const response = await get(emulator, '/logout', query, { authorization: 'Bearer not.a.token' })
    return { emulator, response }
  },
  'slas.trustedSystem.notAllowed': async () => {
    const emulator = createTestEmulator()
    const clientId = emulator.settings.clients.public.clientId
    return { emulator, response: await tsob(emulator, clientId, basic(clientId, '')) }
  },
  'slas.trustedSystem.concurrent': async () => {
    const emulator = createTestEmulator()
    const { clientId } = emulator.settings.clients.private
    const login = emulator.settings.shoppers[0]!.login
    const both = await Promise.all([
      tsob(emulator, clientId, privateAuth(emulator), login),
      tsob(emulator, clientId, privateAuth(emulator), login),
    ])
    return { emulator, response: both.find((r) => r.status === 409) ?? both[1]! }
  },
  'gateway.rateLimited': async () => {
    const emulator = createTestEmulator({
      ...FIXED_CLOCK,
      rateLimit: { perMinute: 1, enforce: true },
    })
    const body = { grant_type: 'client_credentials', channel_id: 'RefArch' }
    const auth = { authorization: privateAuth(emulator) }
    await tokens(await post(emulator, '/token', body, auth))
    emulator.control.advanceTime(57_000)
    return { emulator, response: await post(emulator, '/token', body, auth) }
  },
  'gateway.serverError': injected('getAccessToken', 500),
  'gateway.unavailable': injected('getAccessToken', 503),
  'gateway.maintenance': injected('getAccessToken', 503, { sfdc_maintenance: 'system' }),
  ...CUSTOMER_STAGERS,
  ...BASKET_STAGERS,
}

const ROWS = WIRE_SHAPES

/** `body` with every occurrence of `placeholder` written as `x`, as the table writes it. */
function withPlaceholder(body: unknown, placeholder: string | undefined): unknown {
  if (placeholder === undefined) return body
  return JSON.parse(JSON.stringify(body).split(placeholder).join('x')) as unknown
}

describe('assumed wire shapes: the emulator side', () => {
  it('has a stager for every row', () => {
    expect(ROWS).toHaveLength(WIRE_SHAPES.length)
    expect(ROWS.length).toBeGreaterThan(10)
    expect(ROWS.map((row) => row.id).filter((id) => !(id in STAGERS))).toEqual([])
  })

  it.each(ROWS.map((row) => [row.id, row] as const))('%s', async (_, row) => {
    const stage = STAGERS[row.id]
    if (!stage) throw new Error(`no stager for ${row.id}`)
    const { emulator, response, placeholder } = await stage()
    expect(response.status).toBe(row.status)
    const body: unknown = await response.json()
    expect(withPlaceholder(body, placeholder)).toMatchObject(row.body)
    // End to end: the client's mapper reads the emulator's real answer as the row's code.
    const mapped = mapErrorResponse({
      operation: row.operation,
      status: response.status,
      headers: response.headers,
      body,
      now: () => emulator.control.now(),
    })
    recordError(mapped)
    expect(mapped.code).toBe(row.code)
    for (const [name, value] of Object.entries(row.headers ?? {})) {
      expect(response.headers.get(name), name).toBe(value)
    }
    // The staged answer came from the row's operation (logged in completion order).
    const statuses = emulator.control.requests(row.operation).map((entry) => entry.status)
    expect(statuses).toContain(row.status)
  })
})
