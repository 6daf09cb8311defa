/**
 * A browser app on its own origin (twoOrigins.spec.ts): the page on a "shop" origin, the API on
 * another. The worker's test server (server.ts) is the API: the emulator, with its `/callback`
 * and CORS for every loopback origin (the default `corsOrigins`). The shop is a second
 * `http://localhost:{port}` server of its own:
 *
 * - `GET /e2e/{page}.html|js`: the test server's page, fetched from it (one bundler for both).
 * - `GET /callback`: the app's redirect URI on the shop's origin, a 200 page whose CORS headers
 *   the test picks (`callbackCors`); each request's `Origin` is kept (`callbackOrigins`).
 * - `/api/…`: a same-origin proxy to the API, as PWA Kit deploys one (`/mobify/proxy/api`), with
 *   the README's proxy code ({@link proxyToApi}).
 *
 * Different ports of `localhost` are different origins, so nothing here needs another host name.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Page } from '@playwright/test'
import type { EmulatorControl } from '../../src/emulator/index.ts'
import { test as base, expect } from './fixtures.ts'
import type { Outcome, TwoOriginsConfig, TwoOriginsPageApi } from './pages/twoOrigins.ts'
import { close, listenLoopback, type TestServer } from './server.ts'

export { expect }

/** What the shop's `/callback` answers for CORS. */
export type CallbackCors =
  /** No CORS header: a static host's default. */
  | 'none'
  /** `Access-Control-Allow-Origin: {the shop's origin}`. */
  | 'shop'
  /** `Access-Control-Allow-Origin: *`. */
  | 'any'

/** The shop: the page's origin. */
export interface Shop {
  /** `http://localhost:{port}`. */
  origin: string
  /** What `/callback` answers for CORS in the running test (reset to `none` before each). */
  callbackCors: CallbackCors
  /** The `Origin` header of each `/callback` request of the running test (`''` when none). */
  callbackOrigins: string[]
  close(): Promise<void>
}

const PAGE = /^\/e2e\/[a-zA-Z][\w-]*\.(html|js)$/

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * The same-origin proxy of the README's "A browser app on its own origin", as written there:
 * `/api/{path}` forwarded to `{API}/{path}`, the answer (SLAS's 303 included) passed back.
 */
export async function proxyToApi(request: Request, API: string): Promise<Response> {
  const url = new URL(request.url)
  const headers = new Headers(request.headers)
  headers.delete('host')
  headers.delete('cookie') // the shop's cookies are none of the API's business
  const answer = await fetch(API + url.pathname.slice('/api'.length) + url.search, {
    method: request.method,
    headers,
    body: ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer(),
    redirect: 'manual', // SLAS's 303 goes back to the page, which follows it on its own origin
  })
  const returned = new Headers(answer.headers)
  returned.delete('content-encoding') // fetch decoded the body already
  returned.delete('content-length')
  return new Response(answer.body, { status: answer.status, headers: returned })
}

/** Forwards a `/api/…` request of the shop's server with {@link proxyToApi}. */
async function forward(req: IncomingMessage, res: ServerResponse, url: URL, api: string) {
  const method = req.method ?? 'GET'
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
  const request = new Request(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: new Uint8Array(body) }),
  })
  const answer = await proxyToApi(request, api)
  const data = Buffer.from(await answer.arrayBuffer())
  res.writeHead(answer.status, Object.fromEntries(answer.headers))
  res.end(data)
}

/** Starts a shop whose pages come from `server`. */
async function startShop(server: TestServer): Promise<Shop> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', shop.origin)
    if (req.method === 'GET' && url.pathname === '/callback') {
      shop.callbackOrigins.push(req.headers.origin ?? '')
      const cors = { none: undefined, shop: shop.origin, any: '*' }[shop.callbackCors]
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...(cors === undefined ? {} : { 'access-control-allow-origin': cors }),
      })
      res.end('<!doctype html><p>Signed in.</p>')
      return
    }
    if (url.pathname.startsWith('/api/')) return forward(req, res, url, server.origin)
    if (req.method === 'GET' && PAGE.test(url.pathname)) {
      const page = await fetch(new URL(url.pathname, server.origin))
      res.writeHead(page.status, {
        'content-type': page.headers.get('content-type') ?? 'text/plain',
        'cache-control': 'no-store',
      })
      res.end(Buffer.from(await page.arrayBuffer()))
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
  }
  const { servers, port } = await listenLoopback((req, res) => {
    handle(req, res).catch(() => req.socket.destroy())
  })
  const shop: Shop = {
    origin: `http://localhost:${port}`,
    callbackCors: 'none',
    callbackOrigins: [],
    close: async () => {
      await Promise.all(servers.map(close))
    },
  }
  return shop
}

/**
 * The e2e `test` with `shop` (reset before each test, like `emulator`) and `api`: the test
 * server's origin, where the emulator answers.
 */
export const test = base.extend<{ shop: Shop; api: string }, { shopServer: Shop }>({
  shopServer: [
    async ({ server }, use) => {
      const shop = await startShop(server)
      await use(shop)
      await shop.close()
    },
    { scope: 'worker' },
  ],
  shop: async ({ shopServer, emulator: _reset }, use) => {
    shopServer.callbackCors = 'none'
    shopServer.callbackOrigins = []
    await use(shopServer)
  },
  api: async ({ server }, use) => {
    await use(server.origin)
  },
})

/** The session config of the page: the emulator's public client, at `baseUrl`. */
export function pageConfig(server: TestServer, baseUrl: string, redirectURI: string) {
  const { settings } = server.emulator
  return {
    baseUrl,
    redirectURI,
    organizationId: settings.organizationId,
    siteId: settings.siteIds[0] ?? 'RefArch',
    clientId: settings.clients.public.clientId,
  } satisfies TwoOriginsConfig
}

/** Opens the page on the shop's origin. */
export async function openShopPage(page: Page, shop: Shop): Promise<void> {
  await page.goto(`${shop.origin}/e2e/twoOrigins.html`)
  await page.waitForFunction(() => window.e2eTwoOrigins !== undefined)
}

/** Calls `window.e2eTwoOrigins[name](...args)` in `page`. */
export async function call<K extends keyof TwoOriginsPageApi>(
  page: Page,
  name: K,
  ...args: Parameters<TwoOriginsPageApi[K]>
): Promise<Awaited<ReturnType<TwoOriginsPageApi[K]>>> {
  return page.evaluate(
    ([method, callArgs]) => {
      const pageApi = window.e2eTwoOrigins as unknown as Record<
        string,
        (...a: unknown[]) => unknown
      >
      return pageApi[method]?.(...callArgs)
    },
    [name, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<TwoOriginsPageApi[K]>>>
}

/** The state of a call that succeeded; fails the test with the code when it did not. */
export function succeeded(result: Outcome) {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`)
  return result.state
}

/** The operations the emulator saw in the running test, in order (preflights included). */
export const operations = (emulator: EmulatorControl) =>
  emulator.requests().map((entry) => `${entry.operation} ${entry.status}`)

const CHROMIUM_CORS_REPORT =
  /^Access to fetch at '.+' \(redirected from '.+'\) from origin '.+' has been blocked by CORS /

/**
 * Chromium reports a blocked redirect on the page's console with the URL it was sent to, the
 * authorization code in it. That report is the browser's, not the library's or the page's, and the
 * code is worthless without the PKCE verifier, which never left the page. Checks that nothing but
 * such reports quotes a code, then ends the test's emulator state (codes included) so the secret
 * guard judges only what the library and the page print. Collect `messages` from before the
 * blocked request.
 */
export function forgetCodesChromiumQuoted(emulator: EmulatorControl, messages: string[]): void {
  const codes = emulator.secrets(['code'])
  const quoting = messages.filter((text) => codes.some((code) => text.includes(code)))
  for (const text of quoting) {
    expect(text).toMatch(CHROMIUM_CORS_REPORT)
  }
  emulator.reset()
}
