/**
 * Process-wide single-flight refresh on the server: concurrent requests of one shopper around
 * expiry spend the refresh token once; the table empties when refreshes settle.
 */
import { describe, expect, it, vi } from 'vitest'
import {
  createServerSession,
  serverRefreshesInFlight,
  type ServerSession,
  withShopperSession,
} from '../../src/server/index.ts'
import { createRefreshSingleFlight } from '../../src/server/refreshSharing.ts'
import type { TokenResponse } from '../../src/scapi/slasSchemas.ts'
import { expectCode } from '../support/expectError.ts'
import { cookiesAfter, openedRecord, pageRequest, serverSetup } from './helpers.ts'

const MINUTE = 60_000
// A frozen base clock: every request measures expiry at the same instant, so their Set-Cookie
// values can be compared byte for byte. Emulator time moves only with advanceTime.
const FROZEN = { now: () => 1_767_225_600_000 }

/** Logs `index` in through one request; returns the cookies and the tokens it got. */
async function loggedIn(setup: ReturnType<typeof serverSetup>, index = 0) {
  const shopper = setup.shopper(index)
  let tokens: ReturnType<ServerSession['getTokens']>
  const handle = withShopperSession(setup.config, async (_request, session) => {
    await session.login(shopper.login, shopper.password)
    tokens = session.getTokens()
    return new Response('ok')
  })
  const response = await handle(pageRequest())
  return { cookie: cookiesAfter(response.headers.getSetCookie()), tokens }
}

describe('server refresh: single flight across requests', () => {
  it('20 concurrent requests, expired token: 1 refresh, same token and Set-Cookie', async () => {
    const setup = serverSetup(FROZEN)
    const { cookie, tokens: before } = await loggedIn(setup)
    setup.emulator.control.advanceTime(31 * MINUTE)
    const start = setup.count('getAccessToken')

    const seen: string[] = []
    const handle = withShopperSession(setup.config, async (_request, session) => {
      seen.push(await session.getAccessToken())
      return new Response('ok')
    })
    const concurrent = Array.from({ length: 20 }, () => handle(pageRequest(cookie)))
    const responses = await Promise.all(concurrent)

    expect(setup.count('getAccessToken') - start).toBe(1)
    expect(seen).toHaveLength(20)
    expect(new Set(seen).size).toBe(1)
    expect(seen[0] === before?.accessToken).toBe(false)
    // Every response carries one cookie holding the same record (each sealed on its own, so the
    // bytes differ: sealing draws a fresh IV).
    for (const response of responses) expect(response.headers.getSetCookie()).toHaveLength(1)
    const records = await Promise.all(
      responses.map(async (response) => {
        const cookie = cookiesAfter(response.headers.getSetCookie())
        return JSON.stringify(await openedRecord(setup.config, cookie))
      }),
    )
    expect(new Set(records).size).toBe(1)
    expect(serverRefreshesInFlight()).toBe(0)

    // The rotated cookie works on the next request without any SLAS call.
    const next = cookiesAfter(responses[0]?.headers.getSetCookie() ?? [], cookie)
    const requests = setup.count()
    const again = createServerSession(setup.config, { cookies: next })
    expect((await again.getAccessToken()) === seen[0]).toBe(true)
    again.stop()
    expect(setup.count()).toBe(requests)
    expect(again.getSnapshot().status).toBe('stopped')
  })

  it('two shoppers expiring together refresh once each, never sharing an answer', async () => {
    const setup = serverSetup(FROZEN)
    const ada = await loggedIn(setup, 0)
    const grace = await loggedIn(setup, 1)
    setup.emulator.control.advanceTime(31 * MINUTE)
    const start = setup.count('getAccessToken')
    const customers = await Promise.all(
      [ada.cookie, grace.cookie, ada.cookie, grace.cookie].map(async (cookie) => {
        const session = createServerSession(setup.config, { cookies: cookie })
        await session.getAccessToken()
        session.stop()
        return session.getTokens()?.customerId
      }),
    )
    expect(setup.count('getAccessToken') - start).toBe(2)
    expect(customers).toEqual([ada, grace, ada, grace].map((s) => s.tokens?.customerId))
  })

  it('a failed refresh is shared too: 1 request, every caller gets the coded error', async () => {
    const setup = serverSetup(FROZEN)
    const { cookie } = await loggedIn(setup)
    setup.emulator.control.advanceTime(31 * MINUTE)
    // The failure stays on the wire 50 ms, so every session (each restoring its cookie first, a
    // few ms apiece) joins the one refresh before it settles.
    setup.emulator.control.failNext('getAccessToken', { status: 503, delayMs: 50 })
    const start = setup.count('getAccessToken')
    // No retry: every caller must hear the one failure, not a later retry's success.
    const config = { ...setup.config, retry: { maxAttempts: 0 } }
    const sessions = Array.from({ length: 5 }, () =>
      createServerSession(config, { cookies: cookie }),
    )
    const results = await Promise.allSettled(sessions.map((session) => session.getAccessToken()))
    for (const session of sessions) session.stop()
    expect(setup.count('getAccessToken') - start).toBe(1)
    for (const result of results) {
      expect(result.status).toBe('rejected')
      const reason: unknown = result.status === 'rejected' ? result.reason : undefined
      const settled = Promise.reject(reason)
      await expectCode(settled, 'server_error')
    }
    expect(serverRefreshesInFlight()).toBe(0)
  })
})

describe('createRefreshSingleFlight', () => {
  const answer = { access_token: 'a' } as TokenResponse

  it('joins callers of one token and scope, separates others, forgets settled ones', async () => {
    const table = createRefreshSingleFlight({ graceMs: 0 })
    let runs = 0
    const run = async () => {
      runs++
      return answer
    }
    // The run answers at once, possibly before the second caller has finished hashing: it still
    // joins, since it arrived before the refresh settled.
    const joined = await Promise.all([table.share('s', 't1', run), table.share('s', 't1', run)])
    expect(joined).toEqual([answer, answer])
    expect(runs).toBe(1)
    expect(table.inFlight()).toBe(0)
    // Settled: the next caller of the same token runs again (nothing is kept at rest).
    await table.share('s', 't1', run)
    expect(runs).toBe(2)
    await Promise.all([table.share('s', 't2', run), table.share('other-scope', 't1', run)])
    expect(runs).toBe(4)
    expect(table.inFlight()).toBe(0)
  })

  it('holds the entry while the refresh is on the wire', async () => {
    const table = createRefreshSingleFlight()
    let release: (value: TokenResponse) => void = () => undefined
    const started = new Promise<void>((resolve) => {
      void table.share('s', 't', () => {
        resolve()
        return new Promise<TokenResponse>((settle) => {
          release = settle
        })
      })
    })
    await started
    expect(table.inFlight()).toBe(1)
    const late = table.share('s', 't', async () => ({ access_token: 'never' }) as TokenResponse)
    release(answer)
    expect(await late).toBe(answer)
    expect(table.inFlight()).toBe(0)
  })

  it('keeps a successful answer for the grace period, then forgets it; failures are not kept', async () => {
    vi.useFakeTimers()
    try {
      const table = createRefreshSingleFlight({ graceMs: 10_000 })
      let runs = 0
      const run = async () => {
        runs++
        return answer
      }
      await table.share('s', 't', run)
      // A late request with the old cookie gets the same answer instead of spending the token.
      expect(await table.share('s', 't', run)).toBe(answer)
      expect(runs).toBe(1)
      await vi.advanceTimersByTimeAsync(10_001)
      await table.share('s', 't', run)
      expect(runs).toBe(2)
      const failing = async () => {
        runs++
        throw new Error('503')
      }
      await expect(table.share('s', 'f', failing)).rejects.toThrow('503')
      await expect(table.share('s', 'f', failing)).rejects.toThrow('503')
      expect(runs).toBe(4)
    } finally {
      vi.useRealTimers()
    }
  })

  it('a late request with the old cookie, after the refresh settled, keeps the session', async () => {
    const setup = serverSetup(FROZEN)
    const { cookie } = await loggedIn(setup)
    setup.emulator.control.advanceTime(31 * MINUTE)
    const start = setup.count('getAccessToken')
    const handle = withShopperSession(setup.config, async (_request, session) => {
      await session.getAccessToken()
      return new Response('ok')
    })
    const first = await handle(pageRequest(cookie))
    const late = await handle(pageRequest(cookie))
    expect(setup.count('getAccessToken') - start).toBe(1)
    const record = (response: Response) =>
      openedRecord(setup.config, cookiesAfter(response.headers.getSetCookie()))
    expect(await record(late)).toEqual(await record(first))
    expect(await record(first)).toBeDefined()
  })

  it('a run that throws synchronously rejects its callers and is forgotten', async () => {
    const table = createRefreshSingleFlight()
    const boom = () => {
      throw new Error('boom')
    }
    await expect(table.share('s', 't', boom)).rejects.toThrow('boom')
    expect(table.inFlight()).toBe(0)
  })
})
