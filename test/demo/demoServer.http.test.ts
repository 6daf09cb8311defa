/**
 * The demo server over real HTTP, with the emulator behind it: the same-origin proxy carries a
 * whole guest session, the development endpoints answer only in development and only to the
 * page, the reset outbox shows the mailed link, and each control lever does what its button says.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createShopperSession } from 'shopper-session'
import { createPasswordResetClient } from 'shopper-session/account'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../demo/server/demoServer.ts'
import {
  API_PROXY_PATH,
  CALLBACK_PATH,
  type ControlAction,
  DEV_HEADER,
  DEV_PATH,
  type OutboxMail,
  PASSWORD_RESET_PATH,
  SITE,
} from '../../demo/shared/site.ts'

let distDir: string

beforeAll(async () => {
  // The page's source is enough: the server only rewrites its meta tags.
  distDir = await mkdtemp(join(tmpdir(), 'demo-dist-'))
  await copyFile(
    fileURLToPath(new URL('../../demo/index.html', import.meta.url)),
    join(distDir, 'index.html'),
  )
})

afterAll(() => rm(distDir, { recursive: true, force: true }))

async function withServer(
  options: { dev: boolean; crossOrigin?: boolean },
  run: (server: DemoServer) => Promise<void>,
): Promise<void> {
  const server = await startDemoServer({ distDir, port: 0, logger: null, ...options })
  try {
    await run(server)
  } finally {
    await server.close()
  }
}

function devFetch(server: DemoServer, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set(DEV_HEADER, '1')
  return fetch(`${server.url}${DEV_PATH}${path}`, { ...init, headers })
}

function pull(server: DemoServer, action: ControlAction): Promise<Response> {
  return devFetch(server, '/control', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action }),
  })
}

/** A guest session in Node that reaches the API the way the page does. */
function sessionThrough(server: DemoServer) {
  return createShopperSession({
    ...SITE,
    baseUrl: server.apiBase,
    redirectURI: `${server.url}${CALLBACK_PATH}`,
  })
}

describe('the demo server', () => {
  it('carries a whole guest session through the same-origin proxy', async () => {
    await withServer({ dev: true }, async (server) => {
      expect(server.apiBase).toBe(`${server.url}${API_PROXY_PATH}`)
      const session = sessionThrough(server)
      try {
        await session.ready()
        expect(session.getShopper()?.kind).toBe('guest')
        // A call on the token, through the proxy: the emulator saw it.
        const answer = await session.fetch(
          `${server.apiBase}/customer/shopper-customers/v1/organizations/${SITE.organizationId}/customers/${session.getShopper()?.customerId}/baskets?siteId=${SITE.siteId}`,
        )
        expect(answer.status).toBe(200)
        expect(server.emulator.control.requests('getCustomerBaskets')).toHaveLength(1)
      } finally {
        await session.stop()
      }
    })
  })

  it('passes the 303 of /authorize back unfollowed', async () => {
    await withServer({ dev: true }, async (server) => {
      const query = new URLSearchParams({
        client_id: SITE.clientId,
        redirect_uri: `${server.url}${CALLBACK_PATH}`,
        response_type: 'code',
        hint: 'guest',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      })
      const answer = await fetch(
        `${server.apiBase}/shopper/auth/v1/organizations/${SITE.organizationId}/oauth2/authorize?${query}`,
        { redirect: 'manual' },
      )
      expect(answer.status).toBe(303)
      expect(answer.headers.get('location')).toMatch(
        new RegExp(`^${server.url}${CALLBACK_PATH}\\?`),
      )
    })
  })

  it('serves the page with its config, the callback and no dev endpoints in production', async () => {
    await withServer({ dev: false }, async (server) => {
      const page = await fetch(server.url)
      const html = await page.text()
      expect(html).toContain('<meta name="demo-dev" content="off" />')
      expect(html).toContain('<meta name="demo-api-base" content="" />')
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self';")
      expect((await devFetch(server, '/outbox')).status).toBe(404)
      expect((await pull(server, 'offline')).status).toBe(404)
      const callback = await fetch(`${server.url}${CALLBACK_PATH}?code=x`)
      expect(callback.status).toBe(200)
      expect(callback.headers.get('access-control-allow-origin')).toBeNull()
    })
  })

  it('answers the dev endpoints only to the page itself', async () => {
    await withServer({ dev: true }, async (server) => {
      expect((await fetch(`${server.url}${DEV_PATH}/outbox`)).status).toBe(403)
      const crossSite = await devFetch(server, '/outbox', {
        headers: { origin: 'http://evil.test' },
      })
      expect(crossSite.status).toBe(403)
      expect((await devFetch(server, '/outbox', { headers: { origin: server.url } })).status).toBe(
        200,
      )
      const unknown = await devFetch(server, '/control', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'explode' }),
      })
      expect(unknown.status).toBe(400)
    })
  })

  it('lists the mailed reset link in the dev outbox, and never logs the token', async () => {
    const lines: string[] = []
    const record = (...args: unknown[]) => void lines.push(args.map(String).join(' '))
    const capture = { ...console, info: record, log: record, warn: record, error: record }
    const server = await startDemoServer({ distDir, port: 0, dev: true, logger: capture })
    try {
      const login = server.emulator.settings.shoppers[0]?.login ?? ''
      const reset = createPasswordResetClient({ endpoint: `${server.url}${PASSWORD_RESET_PATH}` })
      await reset.requestToken(login)
      const { mails } = (await (await devFetch(server, '/outbox')).json()) as {
        mails: OutboxMail[]
      }
      expect(mails).toHaveLength(1)
      const link = new URL(mails[0]?.link ?? '')
      expect(link.origin).toBe(server.url)
      const route = new URLSearchParams(link.hash.split('?')[1])
      expect(link.hash.startsWith('#/reset?')).toBe(true)
      expect(route.get('login')).toBe(login)
      const token = route.get('token') ?? ''
      expect(token).not.toBe('')
      expect(lines.length).toBeGreaterThan(0)
      expect(lines.join('\n')).not.toContain(token)
      // The link works: the token sets a new password.
      await reset.resetPassword({ login, token, newPassword: 'Brand-New-Pass-42!' })
    } finally {
      await server.close()
    }
  })

  it('pulls each control lever on the emulator', async () => {
    await withServer({ dev: true }, async (server) => {
      const session = sessionThrough(server)
      const basketsUrl = () =>
        `${server.apiBase}/customer/shopper-customers/v1/organizations/${SITE.organizationId}/customers/${session.getShopper()?.customerId}/baskets?siteId=${SITE.siteId}`
      try {
        await session.ready()
        const token = session.getTokens()?.accessToken ?? ''
        const withToken = () =>
          fetch(basketsUrl(), { headers: { authorization: `Bearer ${token}` } })
        expect((await withToken()).status).toBe(200)

        expect(await (await pull(server, 'expireTokens')).json()).toEqual({ offline: false })
        expect((await withToken()).status).toBe(401)

        await pull(server, 'offline')
        expect((await (await devFetch(server, '/control')).json()) as object).toEqual({
          offline: true,
        })
        await expect(fetch(basketsUrl())).rejects.toThrow(TypeError)
        await pull(server, 'online')
        expect((await fetch(basketsUrl())).status).toBe(401) // answered again (no token sent)

        // The session meets the expiry with one 401, one refresh and a retry.
        expect((await session.fetch(basketsUrl())).status).toBe(200)
        expect(session.getTokens()?.accessToken).not.toBe(token)

        const refresh = () =>
          fetch(
            `${server.apiBase}/shopper/auth/v1/organizations/${SITE.organizationId}/oauth2/token`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: session.getTokens()?.refreshToken ?? '',
                client_id: SITE.clientId,
                channel_id: SITE.siteId,
              }),
            },
          )
        await pull(server, 'failNextRefresh')
        expect((await refresh()).status).toBe(503)
        await pull(server, 'rateLimit')
        const limited = await refresh()
        expect(limited.status).toBe(429)
        expect(limited.headers.get('retry-after')).toBe('5')
        await pull(server, 'loseNextRotatedToken')
        await expect(refresh()).rejects.toThrow(TypeError)
        const last = server.emulator.control.requests('getAccessToken').at(-1)
        expect(last?.status).toBe(0) // rotated, then dropped
      } finally {
        await session.stop()
      }
    })
  })

  it('lets the page call the emulator across origins when asked', async () => {
    await withServer({ dev: true, crossOrigin: true }, async (server) => {
      expect(server.apiBase).toBe(server.emulatorUrl)
      const page = await fetch(server.url)
      expect(await page.text()).toContain(
        `<meta name="demo-api-base" content="${server.emulatorUrl}" />`,
      )
      expect(page.headers.get('content-security-policy')).toContain(
        `connect-src 'self' ${server.emulatorUrl};`,
      )
      const callback = await fetch(`${server.url}${CALLBACK_PATH}?code=x`)
      expect(callback.headers.get('access-control-allow-origin')).toBe('*')
    })
  })
})
