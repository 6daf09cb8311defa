/**
 * Every fetch adapter against a real node:http server: the Response comes back unchanged (no throw
 * on 5xx, no retry, Location visible on a manual redirect, body readable), abort signals pass
 * through, and withTimeout's TimeoutError reaches the client as `timeout`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNativeFetch } from '../../../adapters/fetch/native.ts'
import { createOfetchFetch } from '../../../adapters/fetch/ofetch.ts'
import { withTimeout } from '../../../adapters/fetch/timeout.ts'
import { mapFetchFailure } from '../../../src/scapi/errorMapping.ts'
import { authorizeCustomer, getJwksUri } from '../../../src/scapi/index.ts'
import { expectCode } from '../../support/expectError.ts'

const SLAS = '/shopper/auth/v1/organizations/f_ecom_zzxy_prd/oauth2'
const hits = new Map<string, number>()
let server: Server
let origin: string

function route(request: IncomingMessage, response: ServerResponse, body: string): void {
  const url = new URL(request.url ?? '/', 'http://x')
  hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1)
  switch (url.pathname) {
    case '/json':
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
      return
    case '/error':
      response.writeHead(500, { 'content-type': 'text/plain' }).end('boom')
      return
    case '/drop':
      request.socket.destroy()
      return
    case '/redirect':
      response.writeHead(303, { location: '/json' }).end()
      return
    case '/echo':
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          method: request.method,
          contentType: request.headers['content-type'] ?? null,
          accept: request.headers.accept ?? null,
          custom: request.headers['x-custom'] ?? null,
          body,
        }),
      )
      return
    case `${SLAS}/authorize`:
      response
        .writeHead(303, {
          location: `${origin}/callback?code=c1&usid=u1&state=${url.searchParams.get('state')}`,
        })
        .end()
      return
    case '/callback':
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>signed in</p>')
      return
    case '/slow':
    case `${SLAS}/jwks`: {
      const timer = setTimeout(() => response.writeHead(200).end('{"keys":[]}'), 3000)
      response.on('close', () => clearTimeout(timer))
      return
    }
    default:
      response.writeHead(404).end()
  }
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => route(request, response, Buffer.concat(chunks).toString('utf8')))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  )
})

const ADAPTERS: [string, () => typeof fetch][] = [
  ['native', () => createNativeFetch()],
  ['ofetch', () => createOfetchFetch()],
  ['withTimeout(native)', () => withTimeout(createNativeFetch(), 5000)],
  ['withTimeout(ofetch)', () => withTimeout(createOfetchFetch(), 5000)],
]

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe.each(ADAPTERS)('%s adapter', (_name, create) => {
  it('returns a 200 JSON response with a readable body', async () => {
    const response = await create()(`${origin}/json`)
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    await expect(response.json()).resolves.toEqual({ ok: true })
  })

  it('returns a 500 unchanged, without throwing or retrying', async () => {
    const before = hits.get('/error') ?? 0
    const response = await create()(`${origin}/error`, { method: 'POST', body: 'x=1' })
    expect(response.status).toBe(500)
    await expect(response.text()).resolves.toBe('boom')
    expect((hits.get('/error') ?? 0) - before).toBe(1)
  })

  it('rejects a dropped connection once, with the original error, without retrying', async () => {
    const before = hits.get('/drop') ?? 0
    const error = await rejection(create()(`${origin}/drop`))
    expect((error as Error).name).toBe('TypeError')
    expect(mapFetchFailure('getAccessToken', error).code).toBe('network')
    expect((hits.get('/drop') ?? 0) - before).toBe(1)
  })

  it('shows the Location of a 303 when manual, and follows when follow', async () => {
    const manual = await create()(`${origin}/redirect`, { redirect: 'manual' })
    expect(manual.status).toBe(303)
    expect(manual.headers.get('location')).toBe('/json')
    const followed = await create()(`${origin}/redirect`, { redirect: 'follow' })
    expect(followed.status).toBe(200)
    expect(followed.url).toBe(`${origin}/json`)
  })

  it('sends method, headers and bodies exactly as native fetch does', async () => {
    const send = async (fetchFn: typeof fetch, init: RequestInit) =>
      (await fetchFn(`${origin}/echo`, init)).json()
    const cases: RequestInit[] = [
      {
        method: 'POST',
        body: 'a=1&b=2',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      { method: 'POST', body: 'plain text' },
      { method: 'POST', body: new URLSearchParams({ code: 'c' }), headers: { 'x-custom': 'yes' } },
      { method: 'GET' },
    ]
    for (const init of cases) {
      expect(await send(create(), init)).toEqual(await send(createNativeFetch(), init))
    }
  })

  it('passes an abort signal through', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const error = await rejection(create()(`${origin}/slow`, { signal: controller.signal }))
    expect((error as Error).name).toBe('AbortError')
    expect(mapFetchFailure('getJwksUri', error, controller.signal).code).toBe('aborted')
  })
})

describe('withTimeout', () => {
  it.each([
    ['native', createNativeFetch],
    ['ofetch', () => createOfetchFetch()],
  ])('rejects a slow %s request with a TimeoutError', async (_name, create) => {
    const started = Date.now()
    const error = await rejection(withTimeout(create(), 100)(`${origin}/slow`))
    expect(error).toBeInstanceOf(DOMException)
    expect((error as DOMException).name).toBe('TimeoutError')
    expect(mapFetchFailure('getJwksUri', error).code).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('keeps a caller abort an abort', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const fetchFn = withTimeout(createNativeFetch(), 2000)
    const error = await rejection(fetchFn(`${origin}/slow`, { signal: controller.signal }))
    expect(mapFetchFailure('getJwksUri', error, controller.signal).code).toBe('aborted')
  })

  it('combines signals by hand where AbortSignal.any is missing', async () => {
    const original = Object.getOwnPropertyDescriptor(AbortSignal, 'any')
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true })
    try {
      const controller = new AbortController()
      const fetchFn = withTimeout(createNativeFetch(), 100)
      const timedOut = await rejection(fetchFn(`${origin}/slow`, { signal: controller.signal }))
      expect((timedOut as Error).name).toBe('TimeoutError')
      setTimeout(() => controller.abort(), 30)
      const aborted = await rejection(
        withTimeout(createNativeFetch(), 2000)(`${origin}/slow`, { signal: controller.signal }),
      )
      expect((aborted as Error).name).toBe('AbortError')
    } finally {
      if (original) Object.defineProperty(AbortSignal, 'any', original)
    }
  })

  it('refuses a deadline that is not a positive number', () => {
    expect(() => withTimeout(createNativeFetch(), 0)).toThrow(RangeError)
    expect(() => withTimeout(createNativeFetch(), Number.NaN)).toThrow(RangeError)
  })
})

describe('the SLAS client over real HTTP', () => {
  const config = () => ({
    baseUrl: origin,
    organizationId: 'f_ecom_zzxy_prd',
    clientId: 'c9c45bfd-0ed3-4aa2-9971-40f88962b836',
    siteId: 'RefArch',
    redirectURI: `${origin}/callback`,
  })
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'

  it('maps withTimeout to the timeout code', async () => {
    const fetchFn = withTimeout(createOfetchFetch(), 100)
    await expectCode(getJwksUri({ ...config(), fetch: fetchFn }), 'timeout')
  })

  it.each(ADAPTERS)(
    'reads the authorize redirect through %s, manual and followed',
    async (_n, create) => {
      for (const redirect of ['manual', 'follow'] as const) {
        const result = await authorizeCustomer(
          { ...config(), fetch: create(), redirect },
          { hint: 'guest', codeChallenge: challenge, state: `s-${redirect}` },
        )
        expect(result).toEqual({ code: 'c1', usid: 'u1', state: `s-${redirect}` })
      }
    },
  )
})
