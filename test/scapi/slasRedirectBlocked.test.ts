/**
 * A browser page whose SLAS redirect cannot be followed: the page, the API and the redirect URI
 * are not all on one origin and the redirect URI answers without CORS for the `Origin: null` a
 * browser sends after a cross-origin redirect. Chromium rejects such a fetch with the bare
 * `TypeError: Failed to fetch` a dropped connection gives, and answers the same GET sent with
 * `redirect: 'manual'` with an opaque redirect (type `opaqueredirect`, status 0) when SLAS is
 * reachable, or the same `TypeError` when it is not or refuses the page's origin (as seen in
 * Chromium; test/e2e/twoOrigins.spec.ts runs the blocked and the unreachable case there). Here a
 * fake fetch plays the browser and `location` is the page's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ResolvedSlasConfig } from '../../src/scapi/config.ts'
import {
  authenticateCustomer,
  authorizeCustomer,
  loginGuestUser,
  resolveSlasConfig,
} from '../../src/scapi/index.ts'
import { createSessionSlas } from '../../src/session/slasWire.ts'
import { expectCode } from '../support/expectError.ts'
import { registerSecret } from '../support/secrets.ts'
import {
  followed,
  json,
  ORIGIN,
  publicConfig,
  REDIRECT_URI,
  type Recorded,
  recordingFetch,
  tokenBody,
} from './fakeFetch.ts'

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
const PASSWORD = 'Blocked-Redirect-Secret-77'
registerSecret(PASSWORD)

/** The page's origin: REDIRECT_URI's (`http://localhost:3000`), the API's is another. */
const PAGE = new URL(REDIRECT_URI).origin

/** What Chromium's fetch rejects with for a CORS failure and a dropped connection alike. */
const failedToFetch = () => new TypeError('Failed to fetch')

/** What Chromium's fetch answers a redirect with when told `redirect: 'manual'`. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 })
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' })
  Object.defineProperty(response, 'status', { value: 0 })
  return response
}

/** A browser whose followed redirects are blocked, while SLAS itself answers. */
function blockedRedirects(request: Recorded): Response {
  if (request.redirect === 'manual') return opaqueRedirect()
  throw failedToFetch()
}

/** A browser without a network: every request fails, whatever its redirect mode. */
function offline(): Response {
  throw failedToFetch()
}

const browserConfig = (fetchFn: typeof fetch, extra: object = {}) =>
  publicConfig(fetchFn, { redirect: 'follow', ...extra })

const authorize = (fetchFn: typeof fetch, extra: object = {}) =>
  authorizeCustomer(browserConfig(fetchFn, extra), { hint: 'guest', codeChallenge: CHALLENGE })

describe('a followed SLAS redirect in a browser', () => {
  beforeEach(() => {
    vi.stubGlobal('location', { origin: PAGE })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('is invalid_config, not network, when SLAS answers the same GET with a redirect', async () => {
    const { fetch, calls } = recordingFetch(blockedRedirects)
    const error = await expectCode(authorize(fetch), 'invalid_config')
    expect(error.transient).toBe(false)
    expect(error.operation).toBe('authorizeCustomer')
    expect(error.message).toBe(
      'authorizeCustomer failed: CORS blocked the redirect to redirectURI: proxy the API on ' +
        "the page's origin, or answer redirectURI with Access-Control-Allow-Origin: *",
    )
    // The probe is the very same request, not followed.
    expect(calls.map((call) => call.redirect)).toEqual(['follow', 'manual'])
    expect(calls[1]?.url.href).toBe(calls[0]?.url.href)
    expect(calls[1]?.method).toBe('GET')
  })

  it('stays network when SLAS does not answer the probe either (offline, or no CORS)', async () => {
    const { fetch, calls } = recordingFetch(offline)
    const error = await expectCode(authorize(fetch), 'network')
    expect(error.transient).toBe(true)
    expect(calls).toHaveLength(2)
  })

  it('stays network when the probe is answered with anything but a redirect', async () => {
    const { fetch, calls } = recordingFetch((request) => {
      if (request.redirect === 'manual') return json(503, { error: 'unavailable' })
      throw failedToFetch()
    })
    await expectCode(authorize(fetch), 'network')
    expect(calls).toHaveLength(2)
  })

  it('sends nothing twice when page, API and redirect URI share one origin', async () => {
    const { fetch, calls } = recordingFetch(blockedRedirects)
    // A same-origin proxy: the API is under the page's origin, like the redirect URI.
    await expectCode(authorize(fetch, { baseUrl: `${PAGE}/mobify/proxy/api` }), 'network')
    expect(calls).toHaveLength(1)
  })

  it('probes when only the redirect URI is on another origin', async () => {
    const { fetch, calls } = recordingFetch(blockedRedirects)
    const config = browserConfig(fetch, {
      baseUrl: `${PAGE}/mobify/proxy/api`,
      redirectURI: 'https://auth.shop.example/callback',
    })
    await expectCode(authorizeCustomer(config, { codeChallenge: CHALLENGE }), 'invalid_config')
    expect(calls).toHaveLength(2)
  })

  it('never sends /login twice: it carries the password (network, one request)', async () => {
    const { fetch, calls } = recordingFetch(blockedRedirects)
    const login = authenticateCustomer(browserConfig(fetch), {
      username: 'ada@example.com',
      password: PASSWORD,
      codeChallenge: CHALLENGE,
    })
    await expectCode(login, 'network')
    expect(calls).toHaveLength(1)
  })

  it('leaves a redirect: manual config alone (its TypeError is the network)', async () => {
    // Fails once, then SLAS answers again: only a probe would see the redirect.
    const { fetch, calls } = recordingFetch(() => {
      if (calls.length === 1) throw failedToFetch()
      return opaqueRedirect()
    })
    await expectCode(authorize(fetch, { redirect: 'manual' }), 'network')
    expect(calls).toHaveLength(1)
  })

  it('reports an abort during the probe as aborted', async () => {
    const controller = new AbortController()
    const { fetch } = recordingFetch((request) => {
      if (request.redirect === 'manual') {
        controller.abort()
        throw new DOMException('The user aborted a request.', 'AbortError')
      }
      throw failedToFetch()
    })
    const call = authorizeCustomer(
      browserConfig(fetch),
      { hint: 'guest', codeChallenge: CHALLENGE },
      { signal: controller.signal },
    )
    await expectCode(call, 'aborted')
  })

  it('still reads the code when the redirect was followed', async () => {
    const { fetch, calls } = recordingFetch((request) => {
      const state = request.url.searchParams.get('state') ?? ''
      return followed(`${REDIRECT_URI}?code=c1&usid=u1&state=${state}`)
    })
    const result = await authorizeCustomer(browserConfig(fetch), {
      hint: 'guest',
      codeChallenge: CHALLENGE,
      state: 's1',
    })
    expect(result).toEqual({ code: 'c1', usid: 'u1', state: 's1' })
    expect(calls).toHaveLength(1)
  })

  it('ends the guest login flow and the session guest sign-in with invalid_config', async () => {
    const { fetch, calls } = recordingFetch(blockedRedirects)
    await expectCode(loginGuestUser(browserConfig(fetch)), 'invalid_config')
    expect(calls.map((call) => call.url.pathname.split('/').at(-1))).toEqual([
      'authorize',
      'authorize',
    ])

    const session = createSessionSlas(resolveSlasConfig(browserConfig(fetch)))
    const error = await expectCode(session.guest(undefined), 'invalid_config')
    expect(error.operation).toBe('authorizeCustomer')
    expect(calls).toHaveLength(4)
  })

  it('is unchanged outside a browser (no location): network, one request', async () => {
    vi.unstubAllGlobals()
    expect(globalThis.location).toBeUndefined()
    const { fetch, calls } = recordingFetch(blockedRedirects)
    await expectCode(authorize(fetch), 'network')
    expect(calls).toHaveLength(1)
  })
})

describe('the session guest sign-in, redirect followed', () => {
  it('signs in when the redirect is followed (token grant after it)', async () => {
    vi.stubGlobal('location', { origin: PAGE })
    try {
      const { fetch, calls } = recordingFetch((request) => {
        if (request.url.pathname.endsWith('/token')) return json(200, tokenBody())
        const state = request.url.searchParams.get('state') ?? ''
        return followed(`${REDIRECT_URI}?code=c1&usid=u1&state=${state}`)
      })
      const config: ResolvedSlasConfig = resolveSlasConfig(browserConfig(fetch))
      const tokens = await createSessionSlas(config).guest(undefined)
      expect(tokens.refresh_token).toMatch(/^refresh-/)
      expect(calls.map((call) => new URL(call.url).origin)).toEqual([ORIGIN, ORIGIN])
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
