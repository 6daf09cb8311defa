/**
 * Servers ride out one blip: a transient SLAS failure is retried within the request's time bound
 * before the request fails, and a lasting outage fails the request in bounded time.
 */
import { describe, expect, it } from 'vitest'
import { withShopperSession } from '../../src/server/index.ts'
import { expectCode } from '../support/expectError.ts'
import { cookiesAfter, pageRequest, serverSetup } from './helpers.ts'

const MINUTE = 60_000

/** Logs the first seeded shopper in through one request; returns the cookies it set. */
async function loggedInCookie(setup: ReturnType<typeof serverSetup>): Promise<string> {
  const shopper = setup.shopper()
  const handle = withShopperSession(setup.config, async (_request, session) => {
    await session.login(shopper.login, shopper.password)
    return new Response('ok')
  })
  return cookiesAfter((await handle(pageRequest())).headers.getSetCookie())
}

describe('a server session rides out one blip', () => {
  it('20 concurrent requests of one shopper, one 503 on the refresh: every page renders', async () => {
    const setup = serverSetup()
    const cookie = await loggedInCookie(setup)
    setup.emulator.control.advanceTime(31 * MINUTE)
    setup.emulator.control.failNext('getAccessToken', { status: 503 })
    const before = setup.count('getAccessToken')

    const tokens: string[] = []
    const handle = withShopperSession(setup.config, async (_request, session) => {
      tokens.push(await session.getAccessToken())
      return new Response('ok')
    })
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => handle(pageRequest(cookie))),
    )

    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))
    expect(new Set(tokens).size).toBe(1)
    // The failed attempt and one retry, shared by all 20 requests.
    expect(setup.count('getAccessToken') - before).toBe(2)
  })

  it('a first visit whose guest sign-in meets one 503 still gets its session', async () => {
    const setup = serverSetup()
    setup.emulator.control.failNext('authorizeCustomer', { status: 503 })
    const handle = withShopperSession(setup.config, async (_request, session) => {
      await session.ready()
      return new Response(session.getTokens()?.customerType)
    })
    const response = await handle(pageRequest())
    expect(await response.text()).toBe('guest')
  })

  it('a lasting outage fails the request with the coded error, in bounded time', async () => {
    const setup = serverSetup()
    const cookie = await loggedInCookie(setup)
    setup.emulator.control.advanceTime(31 * MINUTE)
    setup.emulator.control.failNext('getAccessToken', { status: 503, count: 10 })
    const handle = withShopperSession(setup.config, async (_request, session) => {
      await session.getAccessToken()
      return new Response('ok')
    })
    const started = Date.now()
    await expectCode(handle(pageRequest(cookie)), 'server_error')
    // 1 try and 2 retries (250 ms, then 500 ms, with jitter): far below the wait bound.
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
