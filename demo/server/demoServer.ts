/**
 * The demo storefront's server: one origin that serves the built page, the same-origin API proxy
 * (to an emulator it runs in this process over HTTP), the SLAS redirect URI, the password-reset
 * endpoint of `shopper-session/server`, and in development the control strip's endpoints.
 *
 * @module
 */
import type { Server } from 'node:http'
import { ConnectionDropped, createEmulator, type Emulator } from 'shopper-session/emulator'
import { serveEmulator } from 'shopper-session/emulator/node'
import {
  createDevOutbox,
  createPasswordResetHandler,
  createPasswordResetService,
  type DevOutbox,
} from 'shopper-session/server'
import { CURRENCY, productById } from '../shared/catalog.ts'
import {
  ACCESS_TOKEN_SECONDS,
  API_PROXY_PATH,
  CALLBACK_PATH,
  PASSWORD_RESET_PATH,
  SITE,
} from '../shared/site.ts'
import { writePageConfig } from '../shared/pageConfig.ts'
import { createApiProxy } from './apiProxy.ts'
import type { OfflineSwitch } from './controls.ts'
import { createDevRoutes } from './devRoutes.ts'
import { closeServer, listenLoopback, nodeListener, type WebHandler } from './nodeHttp.ts'
import { createStaticFiles } from './staticFiles.ts'

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** The folder of the built page (Vite's `outDir`). */
  distDir: string
  /** The port; 0 picks a free one. Rejects with `EADDRINUSE` when it is taken. */
  port: number
  /**
   * Mounts the development endpoints (`/__dev`: the emulator controls and the reset outbox).
   * Without them the page hides its control strip and outbox.
   */
  dev: boolean
  /** Where the reset outbox writes its line per mail (never the token); `null`: nowhere. */
  logger?: Console | null
  /**
   * The page calls the emulator on its own origin (CORS), not through the same-origin proxy:
   * the setup of a storefront whose API gateway answers CORS. The callback then answers
   * `Access-Control-Allow-Origin: *`, as the followed redirect needs. Default false.
   */
  crossOrigin?: boolean
}

/** A running demo server. */
export interface DemoServer {
  /** `http://localhost:{port}`: open it in a browser. */
  url: string
  port: number
  /** The emulator behind the proxy (its seeded shoppers are in `settings.shoppers`). */
  emulator: Emulator
  /** The emulator's own origin (the proxy's upstream). */
  emulatorUrl: string
  /** Where the page reaches the API: the proxy, or the emulator itself with `crossOrigin`. */
  apiBase: string
  /** The reset mails (what the page's dev outbox lists). */
  outbox: DevOutbox
  /** Stops the server and the emulator. */
  close(): Promise<void>
}

function callbackPage(crossOrigin: boolean): Response {
  // The followed SLAS redirect lands here; the session reads the code from the URL, not from
  // this page. Its request carries the shopper's Basic credentials (browsers keep
  // Authorization on a same-origin redirect): never log this route's headers.
  return new Response('<!doctype html><title>Signed in</title>', {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      // Across origins the browser sends the followed redirect with `Origin: null`.
      ...(crossOrigin ? { 'access-control-allow-origin': '*' } : {}),
    },
  })
}

function notFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain' } })
}

/** Starts the emulator and the demo's origin in front of it. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const emulator = createEmulator({
    organizationId: SITE.organizationId,
    siteIds: [SITE.siteId],
    clients: { public: { clientId: SITE.clientId } },
    lifetimes: { accessTokenSeconds: ACCESS_TOKEN_SECONDS },
    baskets: { currency: CURRENCY, priceOf: (id) => productById(id)?.price ?? 0 },
  })
  const network: OfflineSwitch = { offline: false }
  // "Go offline" drops every connection to the API, whichever way the page reaches it.
  const upstream = await serveEmulator(
    {
      ...emulator,
      handle: (request) =>
        network.offline
          ? Promise.reject(new ConnectionDropped('offline (demo control)'))
          : emulator.handle(request),
    },
    { port: 0 },
  )
  const crossOrigin = options.crossOrigin ?? false
  const logger = options.logger === undefined ? console : options.logger
  const outbox = createDevOutbox({ logger })
  const { accountManager } = emulator.settings
  const passwordReset = createPasswordResetHandler(
    createPasswordResetService({
      baseUrl: upstream.url,
      organizationId: SITE.organizationId,
      siteId: SITE.siteId,
      accountManager: {
        baseUrl: upstream.url,
        clientId: accountManager.clientId,
        clientSecret: accountManager.secret,
      },
      deliverToken: outbox.deliverToken,
      ...(logger === null ? {} : { logger }),
    }),
    { logger },
  )
  const proxy = createApiProxy({ upstream: upstream.url, prefix: API_PROXY_PATH })
  const devRoutes = options.dev
    ? createDevRoutes({ control: emulator.control, outbox, network })
    : undefined
  const files = createStaticFiles(options.distDir, {
    page: (html) =>
      writePageConfig(html, { apiBase: crossOrigin ? upstream.url : undefined, dev: options.dev }),
    connectSrc: crossOrigin ? [upstream.url] : [],
  })

  const handle: WebHandler = async (request, info) => {
    const { pathname } = new URL(request.url)
    if (pathname.startsWith(`${API_PROXY_PATH}/`)) return proxy(request)
    if (pathname === CALLBACK_PATH) return callbackPage(crossOrigin)
    if (pathname === PASSWORD_RESET_PATH) {
      return passwordReset(request, info.address === undefined ? {} : { address: info.address })
    }
    const dev = await devRoutes?.(request)
    if (dev !== undefined) return dev
    return (await files(request)) ?? notFound()
  }

  let servers: Server[]
  let port: number
  try {
    ;({ servers, port } = await listenLoopback(nodeListener(handle), options.port))
  } catch (error) {
    await upstream.close()
    throw error
  }
  const url = `http://localhost:${port}`
  return {
    url,
    port,
    emulator,
    emulatorUrl: upstream.url,
    apiBase: crossOrigin ? upstream.url : `${url}${API_PROXY_PATH}`,
    outbox,
    close: async () => {
      await Promise.all(servers.map(closeServer))
      await upstream.close()
    },
  }
}
