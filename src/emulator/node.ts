/**
 * `shopper-session/emulator/node`: serves an emulator over `node:http`. Kept off the main
 * emulator entry so `node:` modules never reach a runtime that only wants the handler.
 *
 * @example
 * ```ts
 * const server = await serveEmulator(createEmulator(), { port: 0 })
 * // … fetch(`${server.url}/shopper/auth/v1/organizations/f_ecom_zzte_001/oauth2/jwks`)
 * await server.close()
 * ```
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ConnectionDropped, type Emulator, MAX_BODY_BYTES } from './index.ts'

/** Where to listen. */
export interface ServeOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number
  /**
   * Host to bind. Default: loopback on both IPv4 and IPv6 (127.0.0.1 and ::1, same port; ::1 is
   * skipped quietly on machines without IPv6), so `localhost` works whichever it resolves to.
   */
  host?: string
}

/** A served emulator. */
export interface ServedEmulator {
  /** Base URL, with the host name `localhost` when bound to loopback or all interfaces. */
  url: string
  port: number
  /** Stops listening and closes open connections. */
  close(): Promise<void>
}

// Streams the body into the Request, stopping after the limit: the handler answers 413 without
// the emulator ever buffering a huge upload.
function bodyStream(req: IncomingMessage, limit: number): ReadableStream<Uint8Array> {
  let received = 0
  let finished = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const finish = (error?: unknown) => {
        if (finished) return
        finished = true
        req.removeAllListeners('data')
        req.resume() // drain and discard whatever else arrives
        if (error === undefined) controller.close()
        else controller.error(error)
      }
      req.on('data', (chunk: Buffer) => {
        if (finished) return
        received += chunk.byteLength
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if (received > limit) finish()
        else if ((controller.desiredSize ?? 0) <= 0) req.pause()
      })
      req.on('end', () => finish())
      req.on('error', (error) => finish(error))
    },
    pull() {
      if (!finished) req.resume()
    },
    cancel() {
      finished = true
      req.removeAllListeners('data')
      req.resume()
    },
  })
}

function toRequest(req: IncomingMessage): Request {
  const method = req.method ?? 'GET'
  let url: URL
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  } catch {
    url = new URL(req.url ?? '/', 'http://localhost')
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const hasBody = method !== 'GET' && method !== 'HEAD'
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers,
    ...(hasBody ? { body: bodyStream(req, MAX_BODY_BYTES), duplex: 'half' } : {}),
  }
  return new Request(url, init)
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(body)
}

function listener(emulator: Emulator) {
  return (req: IncomingMessage, res: ServerResponse) => {
    let request: Request
    try {
      request = toRequest(req)
    } catch {
      res.writeHead(400).end()
      return
    }
    emulator
      .handle(request)
      .then(
        (response) => send(res, response),
        (error: unknown) => {
          // A drop fault: close the socket without an answer, like a connection reset.
          if (error instanceof ConnectionDropped) req.socket.destroy()
          else res.writeHead(500).end()
        },
      )
      .catch(() => res.destroy())
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve()
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined
}

const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EINVAL'])

async function listenLoopback(
  emulator: Emulator,
  port: number,
): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 0; ; attempt += 1) {
    const v4 = createServer(listener(emulator))
    const actual = await listen(v4, port, '127.0.0.1')
    const v6 = createServer(listener(emulator))
    try {
      await listen(v6, actual, '::1')
      return { servers: [v4, v6], port: actual }
    } catch (error) {
      const code = errorCode(error)
      if (code !== undefined && NO_IPV6.has(code)) return { servers: [v4], port: actual }
      await closeServer(v4)
      // An ephemeral IPv4 port can be taken on ::1 by someone else: try another one.
      if (code === 'EADDRINUSE' && port === 0 && attempt < 5) continue
      throw error
    }
  }
}

function urlHost(host: string): string {
  if (['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::'].includes(host)) return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}

/** Serves `emulator` over HTTP. */
export async function serveEmulator(
  emulator: Emulator,
  options: ServeOptions = {},
): Promise<ServedEmulator> {
  const requested = options.port ?? 0
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    throw new TypeError(`serveEmulator: bad port ${requested}`)
  }
  let servers: Server[]
  let port: number
  if (options.host === undefined) {
    ;({ servers, port } = await listenLoopback(emulator, requested))
  } else {
    const server = createServer(listener(emulator))
    port = await listen(server, requested, options.host)
    servers = [server]
  }
  return {
    url: `http://${urlHost(options.host ?? 'localhost')}:${port}`,
    port,
    close: async () => {
      await Promise.all(servers.map(closeServer))
    },
  }
}
