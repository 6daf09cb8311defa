/**
 * `createRemoteSession` over a real session endpoint and the in-process emulator, with a fetch
 * that keeps cookies as a browser does: no request when it starts from the server's state, the
 * borrowed access token (shared, cached, refreshed on a rejection), login, failures with the
 * server's state, logout, Shopper Customers calls through it, and other tabs told of a login.
 */
import { describe, expect, it } from 'vitest'
import { createShopperCustomers } from '../../src/customers.ts'
import { createRemoteSession, type RemoteSessionConfig } from '../../src/remote.ts'
import { dehydrateSession, withShopperSession } from '../../src/server/index.ts'
import { expectCode } from '../support/expectError.ts'
import { pageRequest } from '../server/helpers.ts'
import { ENDPOINT, endpointSetup } from '../server/sessionEndpointHelpers.ts'
import type { DehydratedSession } from '../../src/remote.ts'

const attempt = (fn: () => unknown) => Promise.resolve().then(fn)
const ORG = 'f_ecom_zzte_001'

/** An endpoint, a browser (cookie jar) and remote sessions of that browser. */
function remoteSetup() {
  const setup = endpointSetup({ rateLimit: false })
  const endpointCalls: string[] = []
  // The browser's fetch: the endpoint with the jar's cookies, anything else to the emulator.
  const browserFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    if (request.url !== ENDPOINT) return setup.emulator.fetch(request)
    const body = request.method === 'POST' ? ((await request.clone().json()) as object) : undefined
    endpointCalls.push(body ? String((body as { action: string }).action) : 'state')
    const { response, text } = await setup.call(body, {
      method: request.method,
      headers: Object.fromEntries(request.headers),
    })
    return new Response(text, { status: response.status, headers: response.headers })
  }
  const { baseUrl } = setup.emulator.settings
  const scapi = {
    baseUrl,
    organizationId: setup.config.organizationId,
    siteId: setup.config.siteId,
  }
  const open = (config: Partial<RemoteSessionConfig> = {}) =>
    createRemoteSession({
      endpoint: ENDPOINT,
      scapi,
      fetch: browserFetch,
      crossTab: false,
      ...config,
    })
  /** The state a server-rendered page of this browser embeds. */
  const pageState = async (): Promise<DehydratedSession> => {
    let state: DehydratedSession | undefined
    const handle = withShopperSession(setup.config, async (_request, session) => {
      await session.getAccessToken()
      state = dehydrateSession(session)
      return new Response('ok')
    })
    await handle(pageRequest(setup.cookie()))
    if (!state) throw new Error('no state')
    return state
  }
  return { ...setup, open, pageState, endpointCalls, scapi }
}

describe('createRemoteSession', () => {
  it("starts from the server's state with no request; the snapshot reads it", async () => {
    const { open, call, endpointCalls } = remoteSetup()
    const { json } = await call() // the guest the server started
    const session = open({ initial: json as unknown as DehydratedSession })
    expect(session.getShopper()).toMatchObject({ kind: 'guest' })
    expect(session.getSnapshot().hasTag('tokenValid')).toBe(true)
    expect(session.getSnapshot()).toBe(session.getSnapshot())
    await session.ready()
    expect(endpointCalls).toEqual([])
  })

  it('without a state it loads one at once; ready() waits for it', async () => {
    const { open, endpointCalls } = remoteSetup()
    const session = open()
    expect(session.getShopper()).toBeUndefined()
    expect(session.getSnapshot().hasTag('busy')).toBe(true)
    await session.ready()
    expect(session.getShopper()).toMatchObject({ kind: 'guest' })
    expect(session.getSnapshot().hasTag('busy')).toBe(false)
    expect(endpointCalls).toEqual(['state'])
  })

  it("borrows the server's access token: concurrent callers share one call, then it is cached", async () => {
    const { open, pageState, record, endpointCalls } = remoteSetup()
    const session = open({ initial: await pageState() })
    const [first, second] = await Promise.all([session.getAccessToken(), session.getAccessToken()])
    expect(first).toBe((await record())?.accessToken)
    expect(second).toBe(first)
    expect(await session.getAccessToken()).toBe(first)
    expect(endpointCalls).toEqual(['token'])
    // A token the API refused: the server refreshes, the new one is handed out.
    const renewed = await session.getAccessToken({ rejected: first })
    expect(renewed).not.toBe(first)
    expect(renewed).toBe((await record())?.accessToken)
    expect(session.getTokens()).toBeUndefined()
  })

  it('login through the server: listeners hear the registered shopper; the token is theirs', async () => {
    const { open, pageState, shopper, record } = remoteSetup()
    const ada = shopper()
    const session = open({ initial: await pageState() })
    const guestToken = await session.getAccessToken()
    const kinds: (string | undefined)[] = []
    session.subscribe(() => kinds.push(session.getShopper()?.kind))
    await session.login({ username: ada.login, password: ada.password })
    expect(session.getShopper()).toMatchObject({ kind: 'registered', loginId: ada.login })
    expect(kinds.at(-1)).toBe('registered')
    const token = await session.getAccessToken()
    expect(token).not.toBe(guestToken)
    expect(token).toBe((await record())?.accessToken)

    // Shopper Customers on the remote session: the borrowed token reaches the API.
    const profile = await createShopperCustomers(session).getCustomer({
      customerId: ada.customerId,
    })
    expect(profile.lastName).toBe(ada.lastName)

    await session.logout()
    expect(session.getShopper()).toMatchObject({ kind: 'guest' })
  })

  it('a refused login rejects with its code, keeps the guest and tells login.failed', async () => {
    const { open, pageState, shopper } = remoteSetup()
    const session = open({ initial: await pageState() })
    const failed: string[] = []
    session.on('login.failed', (event) => failed.push(event.error.code))
    const error = await expectCode(
      session.login({ username: shopper().login, password: 'wrong-password-1' }),
      'invalid_credentials',
    )
    expect(error.message).not.toContain('wrong-password-1')
    expect(failed).toEqual(['invalid_credentials'])
    expect(session.getShopper()).toMatchObject({ kind: 'guest' })
    expect(session.getSnapshot().context.error?.code).toBe('invalid_credentials')
  })

  it('an unreachable endpoint: no state is unavailable; with a state, a token read marks it stale', async () => {
    const { scapi, pageState } = remoteSetup()
    const down: typeof fetch = () => Promise.reject(new TypeError('fetch failed'))
    const cold = createRemoteSession({ endpoint: ENDPOINT, scapi, fetch: down, crossTab: false })
    await expectCode(cold.ready(), 'network')
    expect(cold.getSnapshot().hasTag('unavailable')).toBe(true)

    const warm = createRemoteSession({
      endpoint: ENDPOINT,
      scapi,
      fetch: down,
      crossTab: false,
      initial: await pageState(),
    })
    await expectCode(warm.getAccessToken(), 'network')
    expect(warm.getSnapshot().hasTag('stale')).toBe(true)
    expect(warm.getSnapshot().hasTag('tokenValid')).toBe(false)
  })

  it('another tab hears of a login and shows it without a request', async () => {
    const { open, pageState, shopper, endpointCalls } = remoteSetup()
    const initial = await pageState()
    const name = `remote-test-${Math.random()}`
    const tabA = open({ initial, crossTab: true, name })
    const tabB = open({ initial, crossTab: true, name })
    const changed = new Promise<void>((resolve) => tabB.subscribe(() => resolve()))
    await tabA.login({ username: shopper().login, password: shopper().password })
    await changed
    expect(tabB.getShopper()).toMatchObject({ kind: 'registered' })
    expect(endpointCalls).toEqual(['login'])
    tabA.stop()
    tabB.stop()
  })

  it('an endpoint that never answers is a timeout after timeoutMs; a caller who stops waiting gets aborted', async () => {
    const { scapi } = remoteSetup()
    // Answers only when the request is aborted, as a hung server would.
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      })
    const session = createRemoteSession({
      endpoint: ENDPOINT,
      scapi,
      fetch: hanging,
      crossTab: false,
      timeoutMs: 50,
    })
    await expectCode(session.ready(), 'timeout')
    const controller = new AbortController()
    const login = session.login({
      username: 'a@example.com',
      password: 'x',
      signal: controller.signal,
    })
    controller.abort()
    await expectCode(login, 'aborted')
    session.stop()
  })

  it('invalid_config for a missing endpoint, an API named twice or not at all, a bad organization, state, deadline, origin or credentials mode', async () => {
    const { open } = remoteSetup()
    const both = {
      shortCode: 'kv7kzm78',
      baseUrl: 'https://api.test',
      organizationId: ORG,
      siteId: 's',
    }
    const bad = [
      { endpoint: undefined as unknown as string },
      { scapi: { baseUrl: '', organizationId: ORG, siteId: 's' } },
      { scapi: { baseUrl: 'https://api.test', organizationId: 'o', siteId: 's' } },
      { scapi: both },
      { initial: { shopper: { kind: 'admin' }, tags: [] } as unknown as DehydratedSession },
      { timeoutMs: -1 },
      { trustedOrigins: ['https://*.example.com'] },
      { credentials: 'always' as RequestCredentials },
    ]
    for (const config of bad) {
      await expectCode(
        attempt(() => open(config)),
        'invalid_config',
      )
    }
    const byShortCode = open({ scapi: { shortCode: 'kv7kzm78', organizationId: ORG, siteId: 's' } })
    expect(byShortCode.scapi.baseUrl).toBe('https://kv7kzm78.api.commercecloud.salesforce.com')
  })
})
