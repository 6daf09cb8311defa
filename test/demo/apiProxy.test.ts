/**
 * The same-origin proxy against an upstream that echoes what it received: path, query, method
 * and body arrive as sent; the shop's cookies and the hop-by-hop headers do not; a redirect comes
 * back unfollowed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApiProxy } from '../../demo/server/apiProxy.ts'

let upstream: ReturnType<typeof createServer>
let origin: string

async function echo(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  if (req.url?.startsWith('/redirect')) {
    res.writeHead(303, { location: 'http://shop.test/callback?code=1' }).end()
    return
  }
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(
    JSON.stringify({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    }),
  )
}

beforeAll(async () => {
  upstream = createServer((req, res) => void echo(req, res))
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())))

const proxy = () => createApiProxy({ upstream: origin, prefix: '/api' })

it('forwards the path under the prefix, the query, the method and the body', async () => {
  const answer = await proxy()(
    new Request('http://shop.test/api/shopper/auth/v1/token?x=1&y=2', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'Basic abc',
        cookie: 'shop-session=private',
      },
      body: 'grant_type=refresh_token',
    }),
  )
  expect(answer.status).toBe(200)
  const seen = (await answer.json()) as {
    method: string
    url: string
    headers: Record<string, string>
    body: string
  }
  expect(seen.method).toBe('POST')
  expect(seen.url).toBe('/shopper/auth/v1/token?x=1&y=2')
  expect(seen.body).toBe('grant_type=refresh_token')
  expect(seen.headers.authorization).toBe('Basic abc')
  expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded')
  expect(seen.headers.cookie).toBeUndefined()
  expect(seen.headers.host).toBe(new URL(origin).host)
})

it('passes a redirect back unfollowed', async () => {
  const answer = await proxy()(new Request('http://shop.test/api/redirect'))
  expect(answer.status).toBe(303)
  expect(answer.headers.get('location')).toBe('http://shop.test/callback?code=1')
})

it('rejects when the upstream cannot be reached, so the server drops the connection', async () => {
  const gone = createApiProxy({ upstream: 'http://127.0.0.1:1', prefix: '/api' })
  await expect(gone(new Request('http://shop.test/api/x'))).rejects.toThrow()
})
