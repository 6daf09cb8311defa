/**
 * The demo server's bridge between `node:http` and web-standard `Request`/`Response`, and the
 * loopback listener. The demo's handlers are written against `Request`/`Response`, as they
 * would be in Hono, a Next.js route or a worker.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The largest request body the demo server reads (the API's own limit is 64 KiB). */
const MAX_BODY_BYTES = 1024 * 1024

/** What a handler learns about the connection besides the request. */
export interface ConnectionInfo {
  /** The peer's IP address (the password-reset limits count per client). */
  address: string | undefined
}

/** A web-standard handler. A throw ends the connection without an answer, like a reset. */
export type WebHandler = (request: Request, info: ConnectionInfo) => Promise<Response>

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge()
    chunks.push(chunk as Buffer)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const method = req.method ?? 'GET'
  // The origin the browser used (localhost, 127.0.0.1 or [::1]): the password-reset handler
  // compares it with the page's Origin, and links in the outbox point back to it.
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: await readBody(req) } : {}),
  })
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  res.end(body)
}

/** A `node:http` listener that runs `handler`. */
export function nodeListener(handler: WebHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    toRequest(req)
      .then((request) => handler(request, { address: req.socket.remoteAddress }))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge && !res.headersSent) {
          res.writeHead(413, { connection: 'close' }).end()
          return
        }
        // A dropped upstream connection, or the proxy "offline": the browser sees what it
        // would see when the network fails (fetch rejects), not an HTTP answer.
        req.socket.destroy()
      })
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/** Stops `server` and closes its open connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve()
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EINVAL'])

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined
}

/**
 * Listens on `port` (0: a free one) on 127.0.0.1 and ::1, so `localhost` reaches the server
 * whichever address it resolves to; loopback only, since the development controls must not be
 * reachable from the network. IPv4 alone on machines without IPv6. Rejects with `EADDRINUSE`
 * when the port is taken.
 */
export async function listenLoopback(
  listener: ReturnType<typeof nodeListener>,
  port: number,
): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 0; ; attempt += 1) {
    const v4 = createServer(listener)
    const actual = await listen(v4, port, '127.0.0.1')
    const v6 = createServer(listener)
    try {
      await listen(v6, actual, '::1')
      return { servers: [v4, v6], port: actual }
    } catch (error) {
      const code = errorCode(error)
      if (code !== undefined && NO_IPV6.has(code)) return { servers: [v4], port: actual }
      await closeServer(v4)
      // A free IPv4 port may be someone else's on ::1: with port 0, try another one.
      if (code === 'EADDRINUSE' && port === 0 && attempt < 5) continue
      throw error
    }
  }
}
