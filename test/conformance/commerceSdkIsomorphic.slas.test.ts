/**
 * Conformance: commerce-sdk-isomorphic (a real SLAS client nobody here wrote) runs its own
 * helpers, unmodified, against the emulator over real HTTP.
 */
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveEmulator } from '../../src/emulator/node.ts'
import { createTestEmulator } from '../support/emulator.ts'

// Its ESM build (5.6.0) calls `require` at load time, which fails in an ES module: load the
// CommonJS build.
const csi = createRequire(import.meta.url)(
  'commerce-sdk-isomorphic',
) as typeof import('commerce-sdk-isomorphic')
const { helpers, ShopperLogin } = csi

type TokenResponse = Awaited<ReturnType<typeof helpers.loginGuestUser>>

const emulator = createTestEmulator()
let server: Awaited<ReturnType<typeof serveEmulator>>
let redirectURI: string

function shopperLogin(clientId: string) {
  return new ShopperLogin({
    proxy: server.url,
    parameters: {
      clientId,
      organizationId: emulator.settings.organizationId,
      shortCode: emulator.settings.shortCode,
      siteId: emulator.settings.siteIds[0] ?? 'RefArch',
    },
    throwOnBadResponse: true,
  })
}

function publicClient() {
  return shopperLogin(emulator.settings.clients.public.clientId)
}

function claims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? ''
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
}

async function errorBody(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await promise
  } catch (error) {
    const response = (error as { response?: Response }).response
    if (!response) throw error
    return { status: response.status, body: await response.json() }
  }
  throw new Error('expected the SDK call to fail')
}

beforeAll(async () => {
  server = await serveEmulator(emulator, { port: 0 })
  redirectURI = `${server.url}/callback`
})

afterAll(async () => {
  await server.close()
})

describe('commerce-sdk-isomorphic helpers against the emulator over HTTP', () => {
  let guest: TokenResponse

  it('loginGuestUser: public client, PKCE, hint=guest', async () => {
    guest = await helpers.loginGuestUser({ slasClient: publicClient(), parameters: { redirectURI } })
    expect(guest.token_type).toBe('Bearer')
    expect(guest.expires_in).toBe(1800)
    expect(guest.refresh_token_expires_in).toBe(30 * 24 * 3600)
    expect(claims(guest.access_token).isb).toMatch(/^uido:slas::upn:Guest::/)
    expect(emulator.control.requests('authorizeCustomer')).toHaveLength(1)
  })

  let registered: TokenResponse
  const shopper = () => emulator.settings.shoppers[0]!

  it('loginRegisteredUserB2C keeps the guest usid', async () => {
    registered = await helpers.loginRegisteredUserB2C({
      slasClient: publicClient(),
      credentials: { username: shopper().login, password: shopper().password },
      parameters: { redirectURI, usid: guest.usid },
    })
    expect(registered.usid).toBe(guest.usid)
    expect(registered.refresh_token_expires_in).toBe(90 * 24 * 3600)
    expect(claims(registered.access_token).isb).toContain(`upn:${shopper().login}`)
  })

  it('loginRegisteredUserB2C with a wrong password fails with 401', async () => {
    const { status, body } = await errorBody(
      helpers.loginRegisteredUserB2C({
        slasClient: publicClient(),
        credentials: { username: shopper().login, password: 'not-the-password' },
        parameters: { redirectURI },
      }),
    )
    expect(status).toBe(401)
    expect(body).toMatchObject({ error: 'invalid_client' })
  })

  let rotated: TokenResponse

  it('refreshAccessToken rotates the public refresh token; the old one is refused', async () => {
    rotated = await helpers.refreshAccessToken({
      slasClient: publicClient(),
      parameters: { refreshToken: registered.refresh_token },
    })
    expect(rotated.refresh_token).not.toBe(registered.refresh_token)
    expect(rotated.usid).toBe(registered.usid)
    const reuse = await errorBody(
      helpers.refreshAccessToken({
        slasClient: publicClient(),
        parameters: { refreshToken: registered.refresh_token },
      }),
    )
    expect(reuse.status).toBe(400)
    expect(reuse.body).toMatchObject({ message: 'invalid refresh_token' })
  })

  it('logout ends the refresh token', async () => {
    await helpers.logout({
      slasClient: publicClient(),
      parameters: { accessToken: rotated.access_token, refreshToken: rotated.refresh_token },
    })
    const after = await errorBody(
      helpers.refreshAccessToken({
        slasClient: publicClient(),
        parameters: { refreshToken: rotated.refresh_token },
      }),
    )
    expect(after.status).toBe(400)
  })

  it('loginGuestUserPrivate: client_credentials with Basic auth, no rotation', async () => {
    const { clientId, secret } = emulator.settings.clients.private
    const slasClient = shopperLogin(clientId)
    const token = await helpers.loginGuestUserPrivate({
      slasClient,
      parameters: {},
      credentials: { clientSecret: secret ?? '' },
    })
    const refreshed = await helpers.refreshAccessToken({
      slasClient,
      parameters: { refreshToken: token.refresh_token },
      credentials: { clientSecret: secret ?? '' },
    })
    expect(refreshed.refresh_token).toBe(token.refresh_token)
  })
})
