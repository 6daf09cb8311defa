/**
 * 10 000 server sessions created and stopped leave nothing behind: the heap after a forced GC
 * returns to within 10 MB of where it was. Runs in the `heap` vitest project, whose worker is
 * started with `--expose-gc` (test/vitest.config.ts).
 */
import { describe, expect, it } from 'vitest'
import {
  createServerSession,
  serverRefreshesInFlight,
  withShopperSession,
} from '../../src/server/index.ts'
import { cookiesAfter, pageRequest, serverSetup } from './helpers.ts'

const SESSIONS = 10_000
const BATCH = 100 // concurrent requests at a time, as a busy server would have
const MARGIN_BYTES = 10 * 1024 * 1024

const gc = (globalThis as { gc?: () => void }).gc

/** Heap used after full collections (several: finalizers and weak maps settle in rounds). */
async function settledHeap(): Promise<number> {
  for (let round = 0; round < 4; round++) {
    gc?.()
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return process.memoryUsage().heapUsed
}

describe('server sessions do not leak', () => {
  it('runs with --expose-gc (the heap project passes it)', () => {
    expect(typeof gc).toBe('function')
  })

  it(`${SESSIONS} sessions created and stopped: heap within 10 MB of baseline`, async () => {
    const setup = serverSetup()
    const ada = setup.shopper()
    const login = withShopperSession(setup.config, async (_request, session) => {
      await session.login(ada.login, ada.password)
      return new Response('ok')
    })
    const cookie = cookiesAfter((await login(pageRequest())).headers.getSetCookie())

    // Each request restores the shopper from the cookie, asks for a token and stops.
    const requestOnce = async () => {
      const session = createServerSession(setup.config, { cookies: cookie })
      await session.getAccessToken()
      session.stop()
      return session.setCookieHeaders().length
    }
    const run = async (count: number) => {
      for (let done = 0; done < count; done += BATCH) {
        const changed = await Promise.all(Array.from({ length: BATCH }, requestOnce))
        expect(changed.every((n) => n === 0)).toBe(true)
      }
    }

    await run(1_000) // warm-up: module caches, JIT, zod and xstate internals
    const requests = setup.count()
    const baseline = await settledHeap()
    const started = performance.now()
    await run(SESSIONS)
    const elapsedMs = performance.now() - started
    const after = await settledHeap()
    const growth = after - baseline

    expect(setup.count()).toBe(requests) // all restored from the cookie, no SLAS call
    expect(serverRefreshesInFlight()).toBe(0)
    const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`
    console.log(
      `heap: ${SESSIONS} server sessions in ${Math.round(elapsedMs)} ms; baseline ` +
        `${mb(baseline)}, after ${mb(after)}, growth ${mb(growth)} (margin 10 MB)`,
    )
    expect(growth).toBeLessThan(MARGIN_BYTES)
  }, 120_000)
})
