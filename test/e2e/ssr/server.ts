/**
 * The server-rendering shop of ssr.spec.ts: a second `http://localhost:{port}` server in front of
 * the worker's emulator, as an app with a server-held (BFF) session runs:
 *
 * - `GET /account`: the app rendered with react-dom/server over the request's server session
 *   (`withShopperSession`, test/ssr/render.ts), with `dehydrateSession` and the query cache
 *   embedded, and the browser code that hydrates it.
 * - `GET /ssr/page.js`: test/e2e/ssr/page.ts bundled for the browser (React's development build,
 *   which reports hydration mismatches).
 * - `/api/session`: `createSessionEndpoint`.
 * - anything else: the emulator (the Shopper APIs the browser calls with the borrowed token).
 *
 * The session cookies are the shop's (HttpOnly, sealed); the browser never talks to SLAS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Emulator } from '../../../src/emulator/index.ts'
import {
  createSessionEndpoint,
  type ServerSessionConfig,
  withShopperSession,
} from '../../../src/server/index.ts'
import { scriptJson } from '../../ssr/app.ts'
import { pageHandler } from '../../ssr/render.ts'
import { close, listenLoopback } from '../server.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** The id of the page's `{ endpoint, scapi }` script element. */
export const CONFIG_ID = 'page-config'
/** A cookie secret for the shop (test-only, 32+ characters). */
const COOKIE_SECRET = 'e2e-ssr-cookie-secret:5b1f9c7e2a4d8063'

/** The shop. */
export interface SsrShop {
  origin: string
  close(): Promise<void>
}

async function bundle(): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['test/e2e/ssr/page.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  if (output === undefined) throw new Error('esbuild produced nothing for the SSR page')
  return output.text
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = req.method ?? 'GET'
  const chunks: Buffer[] = []
  if (method !== 'GET' && method !== 'HEAD')
    for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = chunks.length > 0 ? { body: new Uint8Array(Buffer.concat(chunks)) } : {}
  return new Request(new URL(req.url ?? '/', origin), { method, headers, ...body })
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string | string[]> = Object.fromEntries(response.headers)
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  res.end(body)
}

/** Starts the shop in front of `emulator`. */
export async function startSsrShop(emulator: Emulator): Promise<SsrShop> {
  const { baseUrl, organizationId, siteIds, clients, redirectURI } = emulator.settings
  const siteId = siteIds[0] ?? 'RefArch'
  const config: ServerSessionConfig = {
    baseUrl,
    organizationId,
    siteId,
    clientId: clients.public.clientId,
    redirectURI,
    fetch: emulator.fetch,
    cookieSecrets: [COOKIE_SECRET],
  }
  const cookie = { secure: false } // plain-HTTP localhost
  const endpoint = createSessionEndpoint(config, { cookie, rateLimit: false, logger: null })
  let origin = ''
  let script: Promise<string> | undefined
  const page = withShopperSession(
    config,
    (request, session) => {
      const pageConfig = {
        endpoint: '/api/session',
        scapi: { baseUrl: origin, organizationId, siteId },
      }
      const scripts =
        `<script type="application/json" id="${CONFIG_ID}">${scriptJson(pageConfig)}</script>` +
        '<script type="module" src="/ssr/page.js"></script>'
      return pageHandler(request, session, scripts)
    },
    { cookie },
  )

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request = await toRequest(req, origin)
    const { pathname } = new URL(request.url)
    if (request.method === 'GET' && pathname === '/account') return send(res, await page(request))
    if (pathname === '/favicon.ico') return void res.writeHead(204).end()
    if (pathname === '/api/session') return send(res, await endpoint(request))
    if (request.method === 'GET' && pathname === '/ssr/page.js') {
      script ??= bundle()
      const text = await script
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(text)
      return
    }
    return send(res, await emulator.handle(request))
  }
  const { servers, port } = await listenLoopback((req, res) => {
    handle(req, res).catch(() => req.socket.destroy())
  })
  origin = `http://localhost:${port}`
  return { origin, close: async () => void (await Promise.all(servers.map(close))) }
}
