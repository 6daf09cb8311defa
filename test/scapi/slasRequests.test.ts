/**
 * SLAS requests are built once (`src/scapi/slas/`: `tokenRequest.ts`, `redirectRequests.ts`,
 * `logoutRequest.ts`, `pkceExchange.ts`): the session's guest login, shopper login, refresh and
 * logout send what the public flows and operations send, for public, private and strict private
 * clients. Only the values PKCE makes fresh per call (verifier, challenge, state) differ, and
 * those are checked to belong together.
 */
import { describe, expect, it } from 'vitest'
import { resolveSlasConfig, type SlasClientConfig } from '../../src/scapi/config.ts'
import {
  generateCodeChallenge,
  loginGuestUser,
  loginRegisteredUser,
  logoutCustomer,
  refreshAccessToken,
} from '../../src/scapi/index.ts'
import { createSessionSlas } from '../../src/session/slasWire.ts'
import { registerSecret } from '../support/secrets.ts'
import {
  json,
  privateConfig,
  publicConfig,
  REDIRECT_URI,
  type Recorded,
  recordingFetch,
  seeOther,
  tokenBody,
} from './fakeFetch.ts'

const PASSWORD = 'pässwörd-Secret-47'
registerSecret(PASSWORD)

// Made fresh by every PKCE exchange: compared by how they relate, not by value.
const FRESH = new Set(['state', 'code_challenge', 'code_verifier'])

/** A SLAS that redirects `/authorize` and `/login` with a code (echoing state) and answers JSON. */
function slas(request: Recorded): Response {
  const path = request.url.pathname
  if (path.endsWith('/authorize') || path.endsWith('/login')) {
    const state = request.url.searchParams.get('state') ?? request.form.get('state') ?? ''
    return seeOther(`${REDIRECT_URI}?code=the-code&usid=redirect-usid&state=${state}`)
  }
  return json(200, path.endsWith('/logout') ? {} : tokenBody())
}

/** A request as the server sees it, without the values PKCE makes fresh. */
function wire(request: Recorded) {
  const stable = (params: URLSearchParams) =>
    [...params].filter(([key]) => !FRESH.has(key)).sort(([a], [b]) => a.localeCompare(b))
  return {
    method: request.method,
    url: `${request.url.origin}${request.url.pathname}`,
    query: stable(request.url.searchParams),
    form: stable(request.form),
    authorization: request.headers.get('authorization'),
    strict: request.headers.get('x-slas-client-auth'),
    contentType: request.headers.get('content-type'),
  }
}

/** The verifier sent to /token belongs to the challenge sent before it, as does the state. */
async function expectPkceHolds(calls: Recorded[]) {
  const [redirect, token] = calls
  const param = (request: Recorded | undefined, key: string) =>
    request?.url.searchParams.get(key) ?? request?.form.get(key) ?? ''
  expect(param(redirect, 'state')).toMatch(/^[\w-]{43}$/)
  expect(await generateCodeChallenge(param(token, 'code_verifier'))).toBe(
    param(redirect, 'code_challenge'),
  )
}

type Config = (fetchFn: typeof fetch) => SlasClientConfig

const CONFIGS: [string, Config][] = [
  ['public', (fetch) => publicConfig(fetch)],
  ['private', (fetch) => privateConfig(fetch)],
  ['strict private', (fetch) => privateConfig(fetch, { strictClientAuth: true })],
]

/** What the session and the public API send, each to its own recorder, for the same call. */
async function bothSend(
  config: Config,
  viaSession: (session: ReturnType<typeof createSessionSlas>) => Promise<unknown>,
  viaPublic: (config: SlasClientConfig) => Promise<unknown>,
) {
  const session = recordingFetch(slas)
  const operations = recordingFetch(slas)
  await viaSession(createSessionSlas(resolveSlasConfig(config(session.fetch)), true))
  await viaPublic(config(operations.fetch))
  return { session: session.calls, operations: operations.calls }
}

describe.each(CONFIGS)('the session sends what the public API sends (%s client)', (_, config) => {
  it('guest login', async () => {
    const { session, operations } = await bothSend(
      config,
      (s) => s.guest('guest-usid'),
      (c) => loginGuestUser(c, { usid: 'guest-usid', dnt: true }),
    )
    expect(session.map(wire)).toEqual(operations.map(wire))
    if (session.length === 2) {
      await expectPkceHolds(session)
      await expectPkceHolds(operations)
    }
  })

  it('shopper login', async () => {
    const { session, operations } = await bothSend(
      config,
      (s) => s.login('jane@example.com', PASSWORD, 'guest-usid'),
      (c) =>
        loginRegisteredUser(c, {
          username: 'jane@example.com',
          password: PASSWORD,
          usid: 'guest-usid',
          dnt: true,
        }),
    )
    expect(session).toHaveLength(2)
    expect(session.map(wire)).toEqual(operations.map(wire))
    await expectPkceHolds(session)
    await expectPkceHolds(operations)
  })

  it('refresh', async () => {
    const { session, operations } = await bothSend(
      config,
      (s) => s.refresh('refresh-Yx82kQ.pLm39aZ0'),
      (c) => refreshAccessToken(c, { refreshToken: 'refresh-Yx82kQ.pLm39aZ0', dnt: true }),
    )
    expect(session.map(wire)).toEqual(operations.map(wire))
  })

  it.each([false, true])('logout (allSessions: %s)', async (allSessions) => {
    const { session, operations } = await bothSend(
      config,
      (s) => s.logout('access-token', 'refresh-Yx82kQ.pLm39aZ0', allSessions),
      (c) =>
        logoutCustomer(c, {
          accessToken: 'access-token',
          refreshToken: 'refresh-Yx82kQ.pLm39aZ0',
          allSessions,
        }),
    )
    expect(session.map(wire)).toEqual(operations.map(wire))
    expect(session[0]?.url.searchParams.get('hint')).toBe(allSessions ? 'all-sessions' : null)
  })
})
