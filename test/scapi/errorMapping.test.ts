import { describe, expect, it } from 'vitest'
import { ERROR_CODES, ShopperSessionError } from '../../src/errors.ts'
import {
  type ApiName,
  mapClientError,
  mapErrorResponse,
  mapFetchFailure,
  SHOPPER_TAGS,
} from '../../src/scapi/errorMapping.ts'
import { recordError } from '../support/secretGuard.ts'
import { registerSecret } from '../support/secrets.ts'
import { WIRE_SHAPES } from '../support/wireShapes.ts'
import { makeJwt } from './fakeFetch.ts'
import { OPERATIONS } from './scapiFixtures.ts'

const NOW = Date.parse('2025-01-01T00:00:00Z')

function map(input: Parameters<typeof mapErrorResponse>[0]) {
  const error = mapErrorResponse({ now: () => NOW, ...input })
  recordError(error)
  return error
}

describe('mapErrorResponse: the assumed wire shapes table', () => {
  it.each(WIRE_SHAPES.map((row) => [row.id, row] as const))('%s', (_id, row) => {
    // As the raw text of a Response, with real Headers.
    const fromText = map({
      operation: row.operation,
      status: row.status,
      headers: new Headers(row.headers ?? {}),
      body: JSON.stringify(row.body),
    })
    expect(fromText).toBeInstanceOf(ShopperSessionError)
    expect(fromText.code).toBe(row.code)
    expect(fromText.status).toBe(row.status)
    expect(fromText.operation).toBe(row.operation)
    expect(fromText.message.startsWith(`${row.operation} failed: ${row.status}`)).toBe(true)
    // As an already parsed body with a plain header record.
    const fromObject = map({ ...row, headers: row.headers ?? {} })
    expect(fromObject.code).toBe(row.code)
  })

  it('covers every code the table promises', () => {
    expect(new Set(WIRE_SHAPES.map((row) => row.code)).size).toBeGreaterThan(10)
  })
})

const ERRORS = 'https://api.commercecloud.salesforce.com/documentation/error/v1/errors/'

/** Shopper Customers and Baskets error bodies, with the type slugs their OpenAPI files use. */
const SCAPI_SHAPES = [
  ['createBasket', 400, 'customer-baskets-quota-exceeded', { basketIds: 'b-1' }, 'conflict'],
  ['getBasket', 404, 'basket-not-found', {}, 'not_found'],
  ['getCustomerProductList', 404, 'product-list-not-found', { productListId: 'l' }, 'not_found'],
  ['mergeBasket', 409, 'no-source-basket-exception', {}, 'conflict'],
  ['mergeBasket', 409, 'basket-merge-no-current-basket-exception', {}, 'conflict'],
  ['transferBasket', 409, 'basket-transfer-basket-already-exists-exception', {}, 'conflict'],
  ['transferBasket', 409, 'source-basket-exception', {}, 'conflict'],
  ['mergeBasket', 403, 'forbidden', {}, 'forbidden'],
  ['getBasket', 400, 'bad-request', {}, 'bad_request'],
  ['getCustomer', 400, 'invalid-customer', { customerId: 'x' }, 'forbidden'],
  ['registerExternalProfile', 400, 'invalid-customer-external-profile', {}, 'bad_request'],
  ['updateCustomerPaymentInstrument', 400, 'unsupported-fields', {}, 'bad_request'],
  ['getExternalProfile', 404, 'not-found', {}, 'not_found'],
  ['getCustomer', 401, 'authentication-failed', { credentialType: 'x' }, 'invalid_credentials'],
] as const

describe('mapErrorResponse: Shopper Customers and Baskets', () => {
  it.each(SCAPI_SHAPES)('%s %i %s → %s', (operation, status, slug, extra, code) => {
    const body = { type: `${ERRORS}${slug}`, title: slug, detail: `The ${slug}.`, ...extra }
    expect(map({ operation, status, body }).code).toBe(code)
  })

  it('maps the 403 of merge and transfer by its text when it has no type', () => {
    const body = {
      title: 'Forbidden',
      detail: 'Your access-token is valid, but it contains no previous customer to process this action.',
    }
    expect(map({ operation: 'transferBasket', status: 403, body }).code).toBe('forbidden')
  })

  it.each([
    [401, { error: 'invalid_client', error_description: 'Client authentication failed' }],
    [401, ''],
    [400, { error: 'invalid_client' }],
  ] as const)('maps a refused Account Manager client (%i %j) to invalid_client', (status, body) => {
    expect(map({ operation: 'getAccountManagerToken', status, body }).code).toBe('invalid_client')
    const api = 'accountManager'
    expect(map({ operation: 'getAccountManagerToken', api, status, body }).code).toBe(
      'invalid_client',
    )
  })

  it.each([
    ['customers', 'invalid_token'],
    ['slas', 'invalid_client'],
    [undefined, 'invalid_client'],
  ] as const)('maps a bare 401 of resetPassword from %s to %s', (api, code) => {
    // Shopper Customers and SLAS both have a `resetPassword`; only SLAS's authenticates a client.
    for (const body of ['', {}]) {
      const input = { operation: 'resetPassword', status: 401, body }
      expect(map(api === undefined ? input : { ...input, api }).code).toBe(code)
    }
  })

  it('maps access-token text of Customers resetPassword to invalid_token', () => {
    const body = { detail: 'The access token is invalid.' }
    const input = { operation: 'resetPassword', status: 400, body }
    expect(map({ ...input, api: 'customers' }).code).toBe('invalid_token')
    expect(map({ ...input, api: 'slas' }).code).toBe('bad_request')
  })

  it.each(['getBasket', 'updateCustomerForBasket', 'addItemToBasket'])(
    "maps %s's CustomerInfoJwtMismatch (400 bad-request, another customer's basket) to forbidden",
    (operation) => {
      const detail = 'The customer is invalid.'
      const body = { type: `${ERRORS}bad-request`, title: 'Bad Request', detail }
      expect(map({ operation, api: 'baskets', status: 400, body }).code).toBe('forbidden')
      const other = { ...body, detail: "The property 'email' is required." }
      expect(map({ operation, api: 'baskets', status: 400, body: other }).code).toBe('bad_request')
    },
  )
})

describe('mapErrorResponse: details', () => {
  it('names the operation and prefers the SLAS message', () => {
    const error = map({
      operation: 'getAccessToken',
      status: 400,
      body: { error: 'invalid_request', message: 'invalid refresh_token' },
    })
    expect(error.message).toBe('getAccessToken failed: 400 invalid refresh_token')
    expect(error.serverError).toBe('invalid_request')
    expect(error.serverMessage).toBe('invalid refresh_token')
  })

  it.each([
    [400, '', 'getAccessToken failed: 400'],
    [400, { type: '/' }, 'getAccessToken failed: 400'],
    [400, { error: 'invalid_request' }, 'getAccessToken failed: 400 invalid_request'],
    [302, '', 'getAccessToken failed: 302 unexpected status'],
  ] as const)('words the message of a %i with body %j', (status, body, message) => {
    expect(map({ operation: 'getAccessToken', status, body }).message).toBe(message)
  })

  it('keeps two 400s apart by their type slug', () => {
    const slug = (name: string) => ({
      type: `https://api.commercecloud.salesforce.com/documentation/error/v1/errors/${name}`,
    })
    const op = 'updateCustomer'
    expect(map({ operation: op, status: 400, body: slug('login-already-in-use') }).code).toBe(
      'login_taken',
    )
    expect(map({ operation: op, status: 400, body: slug('invalid-current-password') }).code).toBe(
      'invalid_current_password',
    )
  })

  it.each([
    ['getAccessToken', 400, '<html>Bad Request</html>', 'bad_request'],
    ['getAccessToken', 401, '', 'invalid_client'],
    ['getCustomer', 401, 'Unauthorized', 'invalid_token'],
    ['logoutCustomer', 401, undefined, 'invalid_token'],
    ['getCustomer', 403, '<html/>', 'forbidden'],
    ['getCustomer', 404, 'nope', 'not_found'],
    ['registerCustomer', 409, '{"truncated":', 'conflict'],
    ['getAccessToken', 412, '', 'bad_request'],
    ['getAccessToken', 418, 'teapot', 'bad_request'],
    ['getAccessToken', 429, '', 'rate_limited'],
    ['getAccessToken', 500, 'Internal', 'server_error'],
    ['getAccessToken', 502, '<html>Bad gateway</html>', 'server_error'],
    ['getAccessToken', 503, '', 'server_error'],
    ['getAccessToken', 503, '<h1>Down for maintenance</h1>', 'maintenance'],
    ['getAccessToken', 502, '<h1>Down for maintenance</h1>', 'server_error'],
    ['logoutCustomer', 303, '', 'rate_limited'],
    ['getAccessToken', 302, '', 'invalid_response'],
    ['getAccessToken', 400, '[1,2]', 'bad_request'],
    ['getAccessToken', 400, 'null', 'bad_request'],
    ['getAccessToken', 400, '{"error": 42, "message": ["x"]}', 'bad_request'],
  ] as const)('maps a %s %i with body %j by status', (operation, status, body, code) => {
    expect(map({ operation, status, body }).code).toBe(code)
  })

  it('sees a maintenance page when the body says so in JSON', () => {
    const error = map({
      operation: 'getAccessToken',
      status: 503,
      body: { title: 'Service Unavailable', detail: 'Scheduled maintenance in progress.' },
    })
    expect(error.code).toBe('maintenance')
  })

  it('maps a dependent service outage (412 precondition_failure) to server_error', () => {
    const body = {
      error: 'precondition_failure',
      error_description: 'Dependent service is not available.',
    }
    expect(map({ operation: 'getPasswordResetToken', status: 412, body }).code).toBe('server_error')
  })

  it.each([
    [{ 'Retry-After': '3' }, 429, 3000],
    [{ 'retry-after': '0' }, 429, 0],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }, 429, 10_000],
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 429, 0],
    [{ 'retry-after': 'soon' }, 429, undefined],
    [{ 'retry-after': '-5' }, 429, undefined],
    [{ 'X-RateLimit-1M-Reset': String(NOW / 1000 + 42) }, 429, 42_000],
    [{ 'x-ratelimit-1m-reset': '7' }, 429, 7000],
    [{ 'retry-after': '2', 'x-ratelimit-1m-reset': String(NOW / 1000 + 42) }, 429, 2000],
    [{ 'retry-after': '120' }, 503, 120_000],
    [{ 'x-ratelimit-1m-reset': String(NOW / 1000 + 42) }, 400, undefined],
    [{ 'retry-after': '99999999999' }, 429, 2_147_483_647],
    // An unparseable date falls through to the reset header.
    [{ 'retry-after': 'Mon, soon', 'x-ratelimit-1m-reset': '7' }, 429, 7000],
  ] as const)('reads %j on a %i as retryAfterMs %s', (headers, status, expected) => {
    const error = map({ operation: 'getAccessToken', status, headers, body: '' })
    expect(error.retryAfterMs).toBe(expected)
  })

  it('redacts a token the server echoed and never leaks it', () => {
    const token = makeJwt({ sub: 'echoed', n: 'Nq7aP2' })
    const refresh = 'Zx81Lq2Vw9Tt5Rr3Pp1Oo0Nn7Mm6Kk4Jj.Hh2Gg8Ff5Ee3Dd1Cc'
    const unregister = [registerSecret(token), registerSecret(refresh)]
    const error = map({
      operation: 'logoutCustomer',
      status: 401,
      body: {
        error: 'invalid_token',
        error_description: `The token ${token} is not valid (refresh_token=${refresh})`,
      },
    })
    expect(error.code).toBe('invalid_token')
    expect(error.message).toContain('[redacted]')
    expect(error.message).not.toContain(token)
    expect(JSON.stringify(error)).not.toContain(refresh)
    expect(error.serverMessage).not.toContain(refresh)
    for (const undo of unregister) undo()
  })

  it('cuts huge server text', () => {
    const error = map({
      operation: 'getAccessToken',
      status: 400,
      body: { message: 'x '.repeat(50_000) },
    })
    expect(error.message.length).toBeLessThan(300)
  })
})

describe('mapFetchFailure', () => {
  const timeoutError = new DOMException('The operation timed out.', 'TimeoutError')
  const abortError = new DOMException('This operation was aborted', 'AbortError')

  function aborted(reason?: unknown): AbortSignal {
    const controller = new AbortController()
    controller.abort(reason)
    return controller.signal
  }

  it.each([
    ['a TimeoutError', timeoutError, undefined, 'timeout'],
    ['an AbortError', abortError, undefined, 'aborted'],
    ['a signal aborted by a timeout', abortError, aborted(timeoutError), 'timeout'],
    ['a signal aborted by its caller', abortError, aborted(), 'aborted'],
    [
      'a signal aborted with a custom reason',
      new Error('stop'),
      aborted('leaving state'),
      'aborted',
    ],
    [
      'an ofetch FetchError around an abort',
      { name: 'FetchError', cause: abortError },
      undefined,
      'aborted',
    ],
    [
      'an undici failure',
      new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }),
      undefined,
      'network',
    ],
    ['a thrown string', 'boom', undefined, 'network'],
    ['null', null, undefined, 'network'],
  ] as const)('maps %s', (_name, error, signal, code) => {
    const mapped = mapFetchFailure('getAccessToken', error, signal)
    recordError(mapped)
    expect(mapped.code).toBe(code)
    expect(ERROR_CODES).toContain(mapped.code)
    expect(mapped.operation).toBe('getAccessToken')
  })

  it('names the system error of a network failure', () => {
    const error = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
    expect(mapFetchFailure('getJwksUri', error).message).toBe(
      'getJwksUri failed: network error (TypeError fetch failed (ECONNREFUSED))',
    )
  })

  it('redacts what a thrown error quotes', () => {
    const token = makeJwt({ sub: 'header-value', n: 'Pq9xL2' })
    const undo = registerSecret(token)
    const error = mapFetchFailure(
      'getUserInfo',
      new TypeError(`invalid header value "Bearer ${token}\n"`),
    )
    recordError(error)
    expect(error.message).not.toContain(token)
    undo()
  })

  it('passes a ShopperSessionError through', () => {
    const original = new ShopperSessionError('invalid_config', 'x')
    expect(mapFetchFailure('getAccessToken', original)).toBe(original)
  })
})

// The calls of this package's own clients map without the public table of client-auth operations
// and, for the session's own Shopper calls, without the slugs only the Shopper clients meet.
describe('mapClientError: the clients map their calls as mapErrorResponse does', () => {
  const SLAS_CALLS = [
    'authorizeCustomer',
    'authenticateCustomer',
    'getAccessToken',
    'getTrustedSystemAccessToken',
    'logoutCustomer',
    'revokeToken',
    'introspectToken',
    'getUserInfo',
    'getJwksUri',
    'getWellknownOpenidConfiguration',
  ]
  const CALLS: [ApiName, string][] = [
    ...SLAS_CALLS.map((operation): [ApiName, string] => ['slas', operation]),
    ['accountManager', 'getAccountManagerToken'],
    ...OPERATIONS.map((row): [ApiName, string] => [row.api, row.name]),
  ]
  const slug = (name: string) => JSON.stringify({ type: `${ERRORS}${name}`, detail: 'x' })
  const BODIES = [
    '',
    '<html>down</html>',
    JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed' }),
    JSON.stringify({ message: 'The access token is expired.' }),
    JSON.stringify({ message: 'Bad or missing refresh token.' }),
    slug('login-already-in-use'),
    slug('basket-transfer-basket-already-exists-exception'),
  ]

  it.each(CALLS)('%s %s', (api, operation) => {
    // SLAS and Account Manager answer in OAuth's words, never with a Shopper slug.
    const shopper = api === 'customers' || api === 'baskets'
    const tags = shopper ? SHOPPER_TAGS : undefined
    const bodies = shopper ? [...BODIES, ...Object.keys(SHOPPER_TAGS).map(slug)] : BODIES
    for (const status of [400, 401, 403, 404, 409, 429, 503]) {
      for (const body of bodies) {
        const input = { operation, api, status, headers: new Headers(), body, now: () => NOW }
        expect(mapClientError(input, tags).toJSON()).toEqual(mapErrorResponse(input).toJSON())
      }
    }
  })

  it('maps the slugs of the Shopper calls the session makes itself without the extra tags', () => {
    const input = (operation: string, status: number, name: string) =>
      ({ operation, api: 'customers', status, headers: new Headers(), body: slug(name) }) as const
    for (const [operation, status, name] of [
      ['registerCustomer', 400, 'login-already-in-use'],
      ['registerCustomer', 400, 'invalid-password'],
      ['transferBasket', 409, 'basket-transfer-basket-already-exists-exception'],
      ['transferBasket', 409, 'no-source-basket-exception'],
      ['transferBasket', 404, 'basket-not-found'],
    ] as const) {
      expect(mapClientError(input(operation, status, name)).code).toBe(
        mapErrorResponse(input(operation, status, name)).code,
      )
    }
  })
})
