/**
 * Token lifetimes at the edges: whatever `expires_in` SLAS sends, calls settle and refreshes come
 * at a bounded rate. The rule: a lifetime must be positive (else `invalid_response`, retried with
 * backoff); a token is handed out while it has min(5 s, half its lifetime) left; refreshes of one
 * session are at least 1 s apart.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { expectCode } from '../support/expectError.ts'
import { createSessionHarness, type SessionHarness } from './harness.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => harness?.stopAll())

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** An emulator whose token answers all carry `expires_in: seconds`. */
function withLifetime(seconds: number) {
  return createSessionHarness({
    hooks: {
      getAccessToken: {
        modifyResponse: (_ctx, body) => ({ ...(body as object), expires_in: seconds }),
      },
    },
  })
}

describe('token lifetimes at the edges', () => {
  it('expires_in 0: the call settles with invalid_response, and retries back off', async () => {
    harness = withLifetime(0)
    const session = harness.session({
      retry: { baseDelayMs: 100, maxDelayMs: 400 },
      waitTimeoutMs: 1_000,
    })
    const error = await expectCode(session.ready(), 'invalid_response')
    expect(error.message).toContain('expires_in: must be a positive number of seconds')
    await sleep(500)
    // 100, 200, 400, 400 ms apart (jittered down to half): a handful in 1.5 s, never a loop.
    const tries = harness.count('getAccessToken')
    expect(tries).toBeGreaterThanOrEqual(3)
    expect(tries).toBeLessThanOrEqual(8)
  })

  it.each([1, 2, 5])(
    'expires_in %i s: every getAccessToken() settles; at most one refresh a second',
    async (seconds) => {
      harness = withLifetime(seconds)
      const session = harness.session()
      await session.ready()
      const signIns = harness.count('getAccessToken')
      const tokens: string[] = []
      const started = Date.now()
      while (Date.now() - started < 2_000) {
        tokens.push(await session.getAccessToken())
        await sleep(50)
      }
      expect(tokens.length).toBeGreaterThan(10)
      const refreshes = harness.count('getAccessToken') - signIns
      // About 2 s of calls: at most one refresh per started second (1 s spacing), plus the edge.
      expect(refreshes).toBeLessThanOrEqual(3)
      if (seconds < 2) expect(refreshes).toBeGreaterThanOrEqual(1)
    },
    10_000,
  )
})
