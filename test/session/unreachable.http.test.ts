/**
 * A first `ready()` with nothing stored and the API unreachable, over real sockets: it rejects
 * within its wait bound with the system's cause kept (a refused connection, an unknown host),
 * while the session keeps retrying.
 */
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createShopperSession, type ShopperSession } from '../../src/session.ts'
import { expectCode } from '../support/expectError.ts'

const sessions: ShopperSession[] = []
afterEach(() => {
  for (const session of sessions.splice(0)) session.stop()
})

/** A local port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

function sessionAt(baseUrl: string): ShopperSession {
  const session = createShopperSession({
    baseUrl,
    organizationId: 'f_ecom_zzte_001',
    clientId: 'a-public-client',
    siteId: 'RefArch',
    redirectURI: 'http://localhost:3000/callback',
    retry: { baseDelayMs: 50, maxDelayMs: 100, maxAttempts: 100 },
    waitTimeoutMs: 600,
  })
  sessions.push(session)
  return session
}

describe('ready() with the API unreachable, over real sockets', () => {
  it('a refused connection: network, with ECONNREFUSED kept; the session keeps trying', async () => {
    const session = sessionAt(`http://127.0.0.1:${await closedPort()}`)
    const failures: string[] = []
    session.on('session.startFailed', (event) => failures.push(event.error.code))
    const error = await expectCode(session.ready(), 'network')
    expect(error.cause).toEqual({ code: 'ECONNREFUSED' })
    const seen = failures.length
    expect(seen).toBeGreaterThan(1)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(failures.length).toBeGreaterThan(seen)
  })

  it('an unknown host: network, with the DNS failure kept', async () => {
    const session = sessionAt('http://shopper-session-no-such-host.invalid')
    const error = await expectCode(session.ready(), 'network')
    // ENOTFOUND, or EAI_AGAIN where no resolver answers at all.
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain((error.cause as { code?: string }).code)
  })
})
