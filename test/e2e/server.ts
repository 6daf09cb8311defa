/**
 * The e2e test server: one `http://localhost:{port}` origin (IPv4 and IPv6 loopback) that serves
 * the test pages, bundles their code with esbuild on request, and answers everything else with an
 * emulator, so pages reach SLAS and the Shopper APIs on their own origin.
 *
 * - `GET /e2e/{page}.html`: a page that loads `/e2e/{page}.js` as a module.
 * - `GET /e2e/{page}.js`: `test/e2e/pages/{page}.ts` bundled for the browser (cached per server).
 * - `GET /e2e/settings`: what a page needs to configure a session (no shopper credentials).
 * - `POST /e2e/control`: `{ method, args }` calls `emulator.control[method](...args)` for page code
 *   (tests in Node use the emulator object directly); answers `{ result }`.
 * - `POST /e2e/password-reset`: `createPasswordResetHandler` over a reset service that talks to
 *   the emulator (the emulator's outbox is the e-mail: tests read reset tokens there).
 * - anything else: the emulator (`/shopper/auth/v1/…`, `/callback`, the Shopper APIs).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import {
  createEmulator,
  type Emulator,
  type EmulatorControl,
  type EmulatorOptions,
} from '../../src/emulator/index.ts'
import { createPasswordResetHandler, createPasswordResetService } from '../../src/server/index.ts'
import { closeServer, listenLoopback as listenOnLoopback } from '../../demo/server/nodeHttp.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PAGE_NAME = /^[a-zA-Z][\w-]*$/

/** A running test server. */
export interface TestServer {
  /** `http://localhost:{port}`. */
  origin: string
  /** The emulator behind the origin (reset it between tests with `control.reset()`). */
  emulator: Emulator
  close(): Promise<void>
}

/** What `/e2e/settings` answers. */
export interface PageSettings {
  organizationId: string
  siteId: string
  clientId: string
  redirectURI: string
}

// Control methods page code may call over HTTP: levers and read-outs, no secrets.
const CONTROL_METHODS = [
  'now',
  'advanceTime',
  'failNext',
  'rateLimit',
  'reset',
  'revokeSessions',
  'requests',
] as const satisfies readonly (keyof EmulatorControl)[]
type ControlMethod = (typeof CONTROL_METHODS)[number]

function isControlMethod(value: unknown): value is ControlMethod {
  return typeof value === 'string' && (CONTROL_METHODS as readonly string[]).includes(value)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function toRequest(req: IncomingMessage, body: Buffer | undefined, origin: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(body !== undefined ? { body: new Uint8Array(body) } : {}),
  })
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(body)
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

function pageHtml(name: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head>
<body><script type="module" src="/e2e/${name}.js"></script></body></html>`
}

async function bundlePage(name: string): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [`test/e2e/pages/${name}.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  if (output === undefined) throw new Error(`esbuild produced nothing for ${name}`)
  return output.text
}

/** Stops `server` and closes its open connections (the demo server's helper). */
export const close = closeServer

/**
 * Listens with `listener` on one free port on 127.0.0.1 and ::1 (IPv4 alone on machines without
 * IPv6), so `localhost` reaches it: the demo server's loopback listener.
 */
export function listenLoopback(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ servers: Server[]; port: number }> {
  return listenOnLoopback(listener, 0)
}

/**
 * Starts a test server on a free port with a fresh emulator. Listens on 127.0.0.1 and, where the
 * machine has IPv6, on ::1 with the same port, so `localhost` works whichever it resolves to.
 */
export async function startTestServer(options: EmulatorOptions = {}): Promise<TestServer> {
  const emulator = createEmulator(options)
  const bundles = new Map<string, Promise<string>>()
  let origin = ''
  const { baseUrl, organizationId, siteIds, accountManager } = emulator.settings
  const passwordReset = createPasswordResetHandler(
    createPasswordResetService({
      baseUrl,
      organizationId,
      siteId: siteIds[0] ?? 'RefArch',
      fetch: emulator.fetch,
      accountManager: {
        baseUrl,
        clientId: accountManager.clientId,
        clientSecret: accountManager.secret,
      },
      deliverToken: () => undefined, // the emulator's outbox holds every token already
      rateLimit: false,
    }),
    { logger: null },
  )

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin)
    const page = /^\/e2e\/([^/]+)\.(html|js)$/.exec(url.pathname)
    if (req.method === 'GET' && page !== null && PAGE_NAME.test(page[1] ?? '')) {
      const name = page[1] ?? ''
      if (page[2] === 'html') return send(res, 200, 'text/html; charset=utf-8', pageHtml(name))
      let bundle = bundles.get(name)
      if (bundle === undefined) {
        bundle = bundlePage(name)
        bundles.set(name, bundle)
        bundle.catch(() => bundles.delete(name))
      }
      try {
        return send(res, 200, 'text/javascript; charset=utf-8', await bundle)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        process.stderr.write(`[e2e server] bundling ${name} failed: ${message}\n`)
        return send(res, 500, 'text/plain', `bundling ${name} failed`)
      }
    }
    if (req.method === 'GET' && url.pathname === '/e2e/settings') {
      const { settings } = emulator
      const body: PageSettings = {
        organizationId: settings.organizationId,
        siteId: settings.siteIds[0] ?? 'RefArch',
        clientId: settings.clients.public.clientId,
        redirectURI: `${origin}/callback`,
      }
      return send(res, 200, 'application/json', JSON.stringify(body))
    }
    if (req.method === 'POST' && url.pathname === '/e2e/control') {
      const { method, args } = JSON.parse((await readBody(req)).toString('utf8')) as {
        method?: unknown
        args?: unknown
      }
      if (!isControlMethod(method) || (args !== undefined && !Array.isArray(args))) {
        return send(
          res,
          400,
          'application/json',
          JSON.stringify({ error: 'unknown control method' }),
        )
      }
      const call = emulator.control[method] as (...callArgs: unknown[]) => unknown
      const result: unknown = call(...((args as unknown[] | undefined) ?? []))
      return send(res, 200, 'application/json', JSON.stringify({ result: result ?? null }))
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const body = hasBody ? await readBody(req) : undefined
    if (url.pathname === '/e2e/password-reset') {
      return sendResponse(res, await passwordReset(toRequest(req, body, origin)))
    }
    return sendResponse(res, await emulator.handle(toRequest(req, body, origin)))
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      // A drop fault (ConnectionDropped) or a broken request: end the connection without an answer.
      req.socket.destroy()
    })
  }

  const { servers, port } = await listenLoopback(listener)
  origin = `http://localhost:${port}`
  return {
    origin,
    emulator,
    close: async () => {
      await Promise.all(servers.map(close))
    },
  }
}
