/**
 * The emulator over real HTTP: serveEmulator on an ephemeral port, global fetch, a dropped
 * connection, the body limit on a real socket, and the CLI as a child process.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveEmulator, type ServedEmulator } from '../../src/emulator/node.ts'
import { createTestEmulator } from '../support/emulator.ts'
import { pkce } from './helpers.ts'

const emulator = createTestEmulator()
let server: ServedEmulator

beforeAll(async () => {
  server = await serveEmulator(emulator, { port: 0 })
})

afterAll(async () => {
  await server.close()
})

function slas(base: string, path: string): string {
  return `${base}/shopper/auth/v1/organizations/${emulator.settings.organizationId}/oauth2${path}`
}

describe('serveEmulator', () => {
  it('listens on an ephemeral port under the host name localhost', () => {
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://localhost:${server.port}`)
  })

  it('a full guest login over HTTP with global fetch (redirect: manual)', async () => {
    const { verifier, challenge } = await pkce()
    const redirectURI = `${server.url}/callback`
    const query = new URLSearchParams({
      client_id: emulator.settings.clients.public.clientId,
      channel_id: 'RefArch',
      code_challenge: challenge,
      hint: 'guest',
      redirect_uri: redirectURI,
      response_type: 'code',
    })
    const authorize = await fetch(`${slas(server.url, '/authorize')}?${query}`, {
      redirect: 'manual',
    })
    expect(authorize.status).toBe(303)
    const location = new URL(authorize.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(redirectURI)
    const page = await fetch(location)
    expect(page.status).toBe(200)
    await page.text()
    const token = await fetch(slas(server.url, '/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code_pkce',
        client_id: emulator.settings.clients.public.clientId,
        channel_id: 'RefArch',
        code: location.searchParams.get('code') ?? '',
        code_verifier: verifier,
        redirect_uri: redirectURI,
        usid: location.searchParams.get('usid') ?? '',
      }),
    })
    expect(token.status).toBe(200)
    expect(token.headers.get('x-ratelimit-1m-limit')).toBe('600')
    const body = (await token.json()) as { token_type: string; usid: string }
    expect(body.token_type).toBe('Bearer')
    expect(body.usid).toBe(location.searchParams.get('usid'))
  })

  it('answers on 127.0.0.1 (and ::1 where the machine has IPv6)', async () => {
    const v4 = await fetch(slas(`http://127.0.0.1:${server.port}`, '/jwks'))
    expect(v4.status).toBe(200)
    await v4.arrayBuffer()
    const v6 = await fetch(slas(`http://[::1]:${server.port}`, '/jwks')).catch(() => undefined)
    if (v6) {
      expect(v6.status).toBe(200)
      await v6.arrayBuffer()
    }
  })

  it('a drop fault closes the socket: fetch rejects', async () => {
    emulator.control.failNext('getJwksUri', { drop: true })
    await expect(fetch(slas(server.url, '/jwks'))).rejects.toThrow(TypeError)
    const after = await fetch(slas(server.url, '/jwks'))
    expect(after.status).toBe(200)
    await after.arrayBuffer()
  })

  it('an oversized body gets 413 over a real socket', async () => {
    const response = await fetch(slas(server.url, '/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&pad=${'x'.repeat(200_000)}`,
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ status_code: '413 PAYLOAD_TOO_LARGE' })
  })
})

describe('CLI (npm run emulator)', () => {
  it('serves on --port 0, prints the base URL, answers /jwks, stops on SIGTERM', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url))
    const child: ChildProcess = spawn(
      'node_modules/.bin/tsx',
      ['src/emulator/cli.ts', '--port', '0'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let output = ''
        const timer = setTimeout(() => reject(new Error('no base URL line within 15 s')), 15_000)
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /base URL\s+(http:\/\/localhost:\d+)/.exec(output)
          if (match?.[1]) {
            clearTimeout(timer)
            // Checked here, never printed: the banner carries the seeded test credentials.
            expect(output).toMatch(/organizationId\s+f_ecom_zzte_001/)
            resolve(match[1])
          }
        })
        child.once('exit', (code) => reject(new Error(`CLI exited early with ${code}`)))
      })
      const jwks = await fetch(slas(base, '/jwks'))
      expect(jwks.status).toBe(200)
      expect(((await jwks.json()) as { keys: unknown[] }).keys).toHaveLength(1)
      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', (code) => resolve(code)),
      )
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
