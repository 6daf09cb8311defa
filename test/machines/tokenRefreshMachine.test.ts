/**
 * tokenRefreshMachine alone: fake `getAccessToken`, xstate's `SimulatedClock` for the named delays,
 * and a small host machine standing in for the session (it collects the reports the refresh machine
 * sends its parent, and its output).
 */
import { describe, expect, it } from 'vitest'
import { fromPromise, waitFor } from 'xstate'
import { backoffDelay, type RetryPolicy } from '../../machines/contracts.ts'
import {
  type RefreshActorInput,
  type RefreshOutput,
  type TokenRefreshInput,
} from '../../machines/tokenRefreshMachine.ts'
import {
  codedError,
  flush,
  hostTokenRefresh,
  LEEWAY_MS,
  LIFETIME_MS,
  MINUTE,
  registeredTokens,
  scripted,
  SECOND,
  tokensAt,
} from './fixtures.ts'

const POLICY: RetryPolicy = { baseDelayMs: SECOND, maxDelayMs: 8 * SECOND, maxAttempts: 2 }
const refreshed = (n: number, at = 0): RefreshOutput => ({
  outcome: 'refreshed',
  tokens: tokensAt('registered', n, at),
})
const reject = (code: Parameters<typeof codedError>[0], extra = {}) => ({
  reject: codedError(code, extra),
})

type Answer = RefreshOutput | { reject: ReturnType<typeof codedError> }

/** The refresh machine under a host that records what it reports; time is simulated. */
function start(answers: Answer[], input: Partial<TokenRefreshInput> = {}) {
  const refresh = scripted<RefreshOutput, RefreshActorInput>(answers)
  const { child, clock, reports, ended } = hostTokenRefresh(refresh.logic, {
    tokens: registeredTokens,
    leewayMs: LEEWAY_MS,
    retry: POLICY,
    ...input,
  })
  return {
    refresh,
    reports,
    ended,
    child,
    clock,
    /** Moves simulated time and lets the fake actor settle. */
    async advance(ms: number) {
      clock.increment(ms)
      await flush()
    },
    state: () => child.getSnapshot(),
    kinds: () => reports.map((r) => (r.type === 'token.refreshed' ? r.outcome : r.error.code)),
  }
}

describe('tokenRefreshMachine: the proactive timer', () => {
  it('fires at refreshInMs, spends the held refresh token and reports the new tokens', async () => {
    const t = start([refreshed(2)])
    await t.advance(registeredTokens.refreshInMs - 1)
    expect(t.refresh.calls).toBe(0)
    expect(t.state().value).toBe('scheduled')
    await t.advance(1)
    expect(t.refresh.calls).toBe(1)
    expect(t.refresh.inputs[0]?.tokens.refreshToken).toBe(registeredTokens.refreshToken)
    await waitFor(t.child, (s) => s.matches('scheduled'))
    expect(t.reports).toEqual([{ type: 'token.refreshed', ...refreshed(2) }])
    expect(t.state().context.tokens.refreshToken).toBe(tokensAt('registered', 2).refreshToken)
  })

  it('re-arms with the new tokens after every refresh', async () => {
    const next = tokensAt('registered', 2, 0, { refreshInMs: 10 * MINUTE })
    const t = start([{ outcome: 'refreshed', tokens: next }, refreshed(3)])
    await t.advance(registeredTokens.refreshInMs)
    expect(t.refresh.calls).toBe(1)
    await t.advance(10 * MINUTE - 1)
    expect(t.refresh.calls).toBe(1)
    await t.advance(1)
    expect(t.refresh.calls).toBe(2)
    expect(t.refresh.inputs[1]?.tokens.refreshToken).toBe(next.refreshToken)
  })

  it('proactive: false never fires; an explicit refresh still works', async () => {
    const t = start([refreshed(2)], { proactive: false })
    await t.advance(10 * LIFETIME_MS)
    expect(t.refresh.calls).toBe(0)
    t.child.send({ type: 'refresh' })
    await flush()
    expect(t.refresh.calls).toBe(1)
    expect(t.kinds()).toEqual(['refreshed'])
  })

  it('session.check near expiry refreshes at once; earlier, it re-measures the timer', async () => {
    const t = start([refreshed(2)])
    // Woken at 20 min: not near expiry, the timer is re-armed from the check's time.
    await t.advance(20 * MINUTE)
    t.child.send({ type: 'session.check', now: 20 * MINUTE })
    expect(t.state().context.tokens.refreshInMs).toBe(LIFETIME_MS - 20 * MINUTE - LEEWAY_MS)
    await t.advance(LIFETIME_MS - 20 * MINUTE - LEEWAY_MS - 1)
    expect(t.refresh.calls).toBe(0)
    t.child.send({ type: 'session.check', now: LIFETIME_MS - LEEWAY_MS })
    await flush()
    expect(t.refresh.calls).toBe(1)
  })

  it('tokens.adopt (another tab refreshed) replaces the copy and re-arms the timer', async () => {
    const t = start([refreshed(3)])
    const adopted = tokensAt('registered', 2, 0, { refreshInMs: 45 * MINUTE })
    t.child.send({ type: 'tokens.adopt', tokens: adopted })
    await t.advance(registeredTokens.refreshInMs)
    expect(t.refresh.calls).toBe(0)
    await t.advance(45 * MINUTE - registeredTokens.refreshInMs)
    expect(t.refresh.calls).toBe(1)
    expect(t.refresh.inputs[0]?.tokens.refreshToken).toBe(adopted.refreshToken)
  })
})

describe('tokenRefreshMachine: single flight', () => {
  it('refresh while refreshing starts no second actor; everyone hears the one result', async () => {
    const t = start([{ outcome: 'adopted', tokens: tokensAt('registered', 2) }])
    t.refresh.hold()
    t.child.send({ type: 'refresh' })
    for (let i = 0; i < 5; i += 1) t.child.send({ type: 'refresh' })
    t.child.send({ type: 'session.check', now: LIFETIME_MS })
    await flush()
    expect(t.state().hasTag('busy')).toBe(true)
    expect(t.refresh.calls).toBe(1)
    t.refresh.release()
    await waitFor(t.child, (s) => s.matches('scheduled'))
    expect(t.refresh.calls).toBe(1)
    expect(t.kinds()).toEqual(['adopted'])
  })
})

describe('tokenRefreshMachine: failures', () => {
  it('transient errors back off by backoffDelay, honouring Retry-After, then succeed', async () => {
    const t = start([
      reject('network'),
      reject('rate_limited', { retryAfterMs: 30 * SECOND }),
      refreshed(2),
    ])
    t.child.send({ type: 'refresh' })
    await flush()
    expect(t.state().value).toBe('backingOff')
    expect(t.state().context.attempt).toBe(1)
    const first = backoffDelay(1, POLICY, undefined)
    await t.advance(first - 1)
    expect(t.refresh.calls).toBe(1)
    await t.advance(1)
    expect(t.refresh.calls).toBe(2)
    // The second failure asked for 30 s: more than the 2 s the policy would wait.
    const second = backoffDelay(2, POLICY, 30 * SECOND)
    expect(second).toBe(30 * SECOND)
    await t.advance(second - 1)
    expect(t.refresh.calls).toBe(2)
    await t.advance(1)
    expect(t.refresh.calls).toBe(3)
    await waitFor(t.child, (s) => s.matches('scheduled'))
    expect(t.state().context.attempt).toBe(0)
    expect(t.kinds()).toEqual(['network', 'rate_limited', 'refreshed'])
  })

  it('session.check during the backoff retries at once', async () => {
    const t = start([reject('server_error'), refreshed(2)])
    t.child.send({ type: 'refresh' })
    await flush()
    expect(t.state().value).toBe('backingOff')
    t.child.send({ type: 'session.check', now: 0 })
    await flush()
    expect(t.refresh.calls).toBe(2)
    expect(t.kinds()).toEqual(['server_error', 'refreshed'])
  })

  it('attempts used up → waiting (no timer); session.check or refresh resume', async () => {
    const t = start([reject('network')])
    t.child.send({ type: 'refresh' })
    await flush()
    await t.advance(backoffDelay(1, POLICY, undefined))
    await t.advance(backoffDelay(2, POLICY, undefined))
    // 1 + maxAttempts requests, then nothing until a trigger.
    expect(t.refresh.calls).toBe(1 + POLICY.maxAttempts)
    expect(t.state().hasTag('waiting')).toBe(true)
    await t.advance(100 * POLICY.maxDelayMs)
    expect(t.refresh.calls).toBe(3)

    t.child.send({ type: 'session.check', now: 0 })
    await flush()
    expect(t.refresh.calls).toBe(4)
    // The count starts over: the next failure waits the first delay again.
    expect(t.state().context.attempt).toBe(1)
    await t.advance(backoffDelay(1, POLICY, undefined))
    await t.advance(backoffDelay(2, POLICY, undefined))
    expect(t.state().hasTag('waiting')).toBe(true)
    t.child.send({ type: 'refresh' })
    await flush()
    expect(t.refresh.calls).toBe(7)
    expect(t.reports.every((r) => r.type === 'token.refreshFailed')).toBe(true)
    expect(t.reports).toHaveLength(7)
  })

  it('tokens.adopt while waiting goes back to the timer with the adopted tokens', async () => {
    const t = start([reject('network')])
    t.child.send({ type: 'refresh' })
    await flush()
    await t.advance(backoffDelay(1, POLICY, undefined))
    await t.advance(backoffDelay(2, POLICY, undefined))
    expect(t.state().hasTag('waiting')).toBe(true)
    t.child.send({ type: 'tokens.adopt', tokens: tokensAt('registered', 5) })
    expect(t.state().value).toBe('scheduled')
    expect(t.state().context.attempt).toBe(0)
    expect(t.state().context.error).toBeUndefined()
  })

  it.each(['invalid_grant', 'credentials_changed'] as const)(
    '%s ends the machine in failed, with the error as output; no retry',
    async (code) => {
      const t = start([reject(code)])
      t.child.send({ type: 'refresh' })
      await flush()
      expect(t.state().status).toBe('done')
      expect(t.state().value).toBe('failed')
      expect(t.ended).toEqual([{ error: codedError(code) }])
      expect(t.reports).toEqual([])
      await t.advance(100 * POLICY.maxDelayMs)
      expect(t.refresh.calls).toBe(1)
    },
  )

  it('a transient failure then a refused grant: one report, then the output', async () => {
    const t = start([reject('timeout'), reject('invalid_grant')])
    t.child.send({ type: 'refresh' })
    await flush()
    await t.advance(backoffDelay(1, POLICY, undefined))
    expect(t.kinds()).toEqual(['timeout'])
    expect(t.ended).toEqual([{ error: codedError('invalid_grant') }])
  })

  it('an uncoded rejection (a buggy actor) counts as invalid_response: retried', async () => {
    const failing = fromPromise<RefreshOutput, RefreshActorInput>(async () => {
      throw new TypeError('boom')
    })
    const { child } = hostTokenRefresh(failing, {
      tokens: registeredTokens,
      leewayMs: LEEWAY_MS,
      retry: POLICY,
    })
    child.send({ type: 'refresh' })
    await flush()
    expect(child.getSnapshot().value).toBe('backingOff')
    expect(child.getSnapshot().context.error).toEqual({
      code: 'invalid_response',
      message: 'The actor failed without a coded error.',
    })
  })
})
