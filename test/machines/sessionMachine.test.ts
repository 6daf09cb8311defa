/**
 * sessionMachine alone: fake actor slots, the real refresh machine as its child (with a fake
 * `getAccessToken`), xstate's `SimulatedClock`. The UI-facing contract is checked through tags,
 * emitted events and the actors' inputs, never state paths alone.
 */
import { describe, expect, it } from 'vitest'
import { waitFor } from 'xstate'
import { backoffDelay } from '../../machines/contracts.ts'
import type { RegistrationCustomer } from '../../machines/sessionMachine.ts'
import {
  codedError,
  flush,
  guestTokens,
  LIFETIME_MS,
  MINUTE,
  registeredTokens,
  SECOND,
  tokensAt,
} from './fixtures.ts'
import { secret } from '../../src/secret.ts'
import { startSession, TEST_POLICY } from './sessionHarness.ts'

const PASSWORD_TEXT = 'Fixture-Pa55word!'
const PASSWORD = secret(PASSWORD_TEXT)
const CUSTOMER: RegistrationCustomer = {
  login: 'bo@example.com',
  email: 'bo@example.com',
  lastName: 'Bo',
}
const reject = (code: Parameters<typeof codedError>[0], extra = {}) => ({
  reject: codedError(code, extra),
})

/** A session that reached guest.active (restored nothing, signed in a guest). */
async function guestSession(...args: Parameters<typeof startSession>) {
  const s = startSession(...args)
  await waitFor(s.actor, (snapshot) => snapshot.hasTag('tokenValid'))
  return s
}

/** A session restored as a registered shopper. */
async function registeredSession(answers: Parameters<typeof startSession>[0] = {}, input = {}) {
  const s = startSession({ restore: [{ tokens: registeredTokens }], ...answers }, input)
  await waitFor(s.actor, (snapshot) => snapshot.hasTag('registered'))
  return s
}

describe('sessionMachine: starting', () => {
  it('nothing stored: signs in a guest (busy meanwhile), then guest + authenticated', async () => {
    const s = startSession()
    expect(s.tags()).toEqual(['busy'])
    await s.settle()
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.fakes.authorize.inputs).toEqual([{ usid: undefined }])
    expect(s.snapshot().context.tokens).toEqual(guestTokens)
    expect(s.emitted).toEqual([{ type: 'session.started', customerType: 'guest' }])
    expect(s.snapshot().children.tokenRefresh).toBeDefined()
  })

  it('a stored registered session is restored without any sign-in', async () => {
    const s = await registeredSession()
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.fakes.authorize.calls).toBe(0)
    expect(s.emitted).toEqual([{ type: 'session.started', customerType: 'registered' }])
  })

  it('a stored guest session is restored without any sign-in', async () => {
    const s = startSession({ restore: [{ tokens: guestTokens }] })
    await s.settle()
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.fakes.authorize.calls).toBe(0)
  })

  it('corrupt storage: storage.corrupt with the reason, then a new guest session', async () => {
    const s = startSession({
      restore: [
        { tokens: undefined, corrupt: 'invalid', reason: 'the stored session is not JSON' },
      ],
    })
    await s.settle()
    expect(s.emitted[0]).toEqual({
      type: 'storage.corrupt',
      code: 'invalid',
      reason: 'the stored session is not JSON',
    })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.fakes.authorize.calls).toBe(1)
  })

  it('a storage adapter that fails outright counts as unreadable storage', async () => {
    const s = startSession({ restore: [reject('invalid_config')] })
    await s.settle()
    expect(s.emitted[0]).toEqual({
      type: 'storage.corrupt',
      code: 'unreadable',
      reason: 'the stored session could not be read',
    })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
  })

  it('a forged stored session is reported as tampered, then a new guest session', async () => {
    const reason = 'the session cookie failed its integrity check'
    const s = startSession({ restore: [{ tokens: undefined, corrupt: 'tampered', reason }] })
    await s.settle()
    expect(s.emitted[0]).toEqual({ type: 'storage.corrupt', code: 'tampered', reason })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
  })

  it('a transient restore failure is retried: nothing stored is given up', async () => {
    const s = startSession({ restore: [reject('timeout'), { tokens: registeredTokens }] })
    await s.settle()
    expect(s.tags()).toEqual(['busy'])
    expect(s.emitted).toEqual([{ type: 'session.startFailed', error: codedError('timeout') }])
    await s.advance(backoffDelay(1, TEST_POLICY, undefined))
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.fakes.authorize.calls).toBe(0)
  })

  it('restore failures that outlast the retries make the session unavailable, not a guest', async () => {
    const s = startSession({
      restore: [
        reject('timeout'),
        reject('timeout'),
        reject('timeout'),
        { tokens: registeredTokens },
      ],
    })
    await s.settle()
    await s.advance(backoffDelay(1, TEST_POLICY, undefined))
    await s.advance(backoffDelay(2, TEST_POLICY, undefined))
    expect(s.fakes.restore.calls).toBe(1 + TEST_POLICY.maxAttempts)
    expect(s.tags()).toEqual(['unavailable'])
    expect(s.fakes.authorize.calls).toBe(0)
    await s.send({ type: 'retry' })
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
  })
})

describe('sessionMachine: guest sign-in failures', () => {
  it('transient failures back off (busy), then unavailable; retry recovers', async () => {
    const s = startSession({
      authorize: [reject('network'), reject('server_error'), reject('timeout'), guestTokens],
    })
    await s.settle()
    expect(s.snapshot().matches({ guest: { session: 'backingOff' } })).toBe(true)
    expect(s.tags()).toEqual(['busy', 'guest'])
    await s.advance(backoffDelay(1, TEST_POLICY, undefined) - 1)
    expect(s.fakes.authorize.calls).toBe(1)
    await s.advance(1)
    expect(s.fakes.authorize.calls).toBe(2)
    await s.advance(backoffDelay(2, TEST_POLICY, undefined))
    expect(s.fakes.authorize.calls).toBe(1 + TEST_POLICY.maxAttempts)
    expect(s.tags()).toEqual(['guest', 'unavailable'])
    expect(s.snapshot().context.error?.code).toBe('timeout')
    expect(s.emitted).toEqual([
      { type: 'session.startFailed', error: codedError('network') },
      { type: 'session.startFailed', error: codedError('server_error') },
      { type: 'session.unavailable', error: codedError('timeout') },
    ])
    await s.advance(100 * TEST_POLICY.maxDelayMs)
    expect(s.fakes.authorize.calls).toBe(3)

    await s.send({ type: 'retry' })
    expect(s.fakes.authorize.calls).toBe(4)
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.snapshot().context.error).toBeUndefined()
    expect(s.snapshot().context.attempt).toBe(0)
  })

  it('the backoff honours Retry-After', async () => {
    const s = startSession({
      authorize: [reject('rate_limited', { retryAfterMs: 20 * SECOND }), guestTokens],
    })
    await s.settle()
    await s.advance(20 * SECOND - 1)
    expect(s.fakes.authorize.calls).toBe(1)
    await s.advance(1)
    expect(s.fakes.authorize.calls).toBe(2)
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
  })

  it('session.check during the backoff tries at once; in unavailable it starts over', async () => {
    const s = startSession({
      authorize: [reject('network'), reject('invalid_client'), guestTokens],
    })
    await s.settle()
    await s.send({ type: 'session.check', now: 0 })
    expect(s.fakes.authorize.calls).toBe(2)
    // A non-transient failure does not back off.
    expect(s.tags()).toEqual(['guest', 'unavailable'])
    await s.send({ type: 'session.check', now: 0 })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
  })
})

describe('sessionMachine: freshness', () => {
  it('fresh → stale after expiresInMs (still registered); token.refreshed → fresh', async () => {
    const s = await registeredSession(
      { refresh: [{ outcome: 'refreshed', tokens: tokensAt('registered', 2) }] },
      {
        proactiveRefresh: false,
      },
    )
    await s.advance(LIFETIME_MS - 1)
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    await s.advance(1)
    expect(s.tags()).toEqual(['registered', 'stale'])
    expect(s.fakes.refresh.calls).toBe(0)
    await s.send({ type: 'refresh' })
    expect(s.fakes.refresh.calls).toBe(1)
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.snapshot().context.tokens?.accessToken).toBe(tokensAt('registered', 2).accessToken)
    expect(s.emittedTypes()).toContain('token.refreshed')
  })

  it('the proactive refresh keeps the shopper fresh past the first expiry', async () => {
    const next = tokensAt('registered', 2, LIFETIME_MS - MINUTE)
    const s = await registeredSession({ refresh: [{ outcome: 'refreshed', tokens: next }] })
    await s.advance(LIFETIME_MS - MINUTE)
    expect(s.fakes.refresh.calls).toBe(1)
    await s.advance(MINUTE + 1)
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
  })

  it('a transient refresh failure after expiry: stale, reported, then fresh', async () => {
    const s = await registeredSession({
      refresh: [reject('network'), { outcome: 'refreshed', tokens: tokensAt('registered', 2) }],
    })
    // A laptop wakes after the expiry: the check marks stale and asks the child to refresh.
    await s.send({ type: 'session.check', now: LIFETIME_MS + 5 * MINUTE })
    expect(s.tags()).toEqual(['registered', 'stale'])
    expect(s.emitted).toContainEqual({ type: 'token.refreshFailed', error: codedError('network') })
    await s.advance(backoffDelay(1, TEST_POLICY, undefined))
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.emittedTypes()).not.toContain('session.reauthRequired')
  })

  it('session.check before expiry re-measures and stays fresh', async () => {
    const s = await registeredSession()
    await s.send({ type: 'session.check', now: 10 * MINUTE })
    expect(s.snapshot().context.tokens?.expiresInMs).toBe(LIFETIME_MS - 10 * MINUTE)
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.fakes.refresh.calls).toBe(0)
  })

  it('single flight: refresh, token.rejected, session.check while refreshing', async () => {
    const s = await registeredSession({
      refresh: [{ outcome: 'refreshed', tokens: tokensAt('registered', 2) }],
    })
    s.fakes.refresh.hold()
    s.actor.send({ type: 'refresh' })
    s.actor.send({ type: 'refresh' })
    s.actor.send({ type: 'token.rejected', accessToken: registeredTokens.accessToken })
    s.actor.send({ type: 'session.check', now: LIFETIME_MS })
    await flush()
    expect(s.fakes.refresh.calls).toBe(1)
    s.fakes.refresh.release()
    await flush()
    expect(s.fakes.refresh.calls).toBe(1)
    expect(s.emitted.filter((e) => e.type === 'token.refreshed')).toHaveLength(1)
  })

  it('token.rejected for an access token already replaced does not refresh again', async () => {
    const s = await registeredSession({
      refresh: [{ outcome: 'refreshed', tokens: tokensAt('registered', 2) }],
    })
    await s.send({ type: 'token.rejected', accessToken: 'some-older-access-token' })
    expect(s.fakes.refresh.calls).toBe(0)
    await s.send({ type: 'token.rejected', accessToken: registeredTokens.accessToken })
    expect(s.fakes.refresh.calls).toBe(1)
  })
})

describe('sessionMachine: reauth.required (a failed re-login after a credential change)', () => {
  it('tags the guest reauthRequired and emits the error, without cancelling a running login', async () => {
    const s = await guestSession()
    s.fakes.authenticate.hold()
    await s.send({ type: 'login', username: 'ada@example.com', password: PASSWORD })
    await s.send({ type: 'reauth.required', error: codedError('invalid_credentials') })
    expect(s.tags()).toEqual(['busy', 'guest', 'reauthRequired', 'tokenValid'])
    expect(s.emitted).toContainEqual({
      type: 'session.reauthRequired',
      error: codedError('invalid_credentials'),
    })
    s.fakes.authenticate.release()
    await flush()
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
  })

  it('is ignored by a registered session', async () => {
    const s = await registeredSession()
    await s.send({ type: 'reauth.required', error: codedError('invalid_credentials') })
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.emittedTypes()).not.toContain('session.reauthRequired')
  })
})

describe('sessionMachine: login, registration, on behalf', () => {
  it('login passes the guest session (usid), then registered; the basket moves over', async () => {
    const s = await guestSession()
    await s.send({ type: 'login', username: 'ada@example.com', password: PASSWORD })
    expect(s.fakes.authenticate.inputs).toEqual([
      { username: 'ada@example.com', password: PASSWORD_TEXT, guest: guestTokens },
    ])
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.fakes.transfer.inputs).toEqual([{ tokens: registeredTokens }])
    expect(s.emittedTypes()).toEqual(['session.started', 'session.started'])
    expect(JSON.stringify(s.snapshot().context)).not.toContain(PASSWORD_TEXT)
  })

  it('moving the basket: registered and busy; a failed transfer is only reported', async () => {
    const s = await guestSession({ transfer: [reject('server_error')] })
    s.fakes.transfer.hold()
    await s.send({ type: 'login', username: 'ada@example.com', password: PASSWORD })
    expect(s.tags()).toEqual(['busy', 'registered', 'tokenValid'])
    s.fakes.transfer.release()
    await flush()
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.emitted.at(-1)).toEqual({
      type: 'basket.transferFailed',
      error: codedError('server_error'),
    })
  })

  it('transferBasket: false skips the transfer', async () => {
    const s = await guestSession({}, { transferBasket: false })
    await s.send({ type: 'login', username: 'ada@example.com', password: PASSWORD })
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.fakes.transfer.calls).toBe(0)
  })

  it('failed login: guest idle, error, login.failed; the guest token stays', async () => {
    const s = await guestSession({ authenticate: [reject('invalid_credentials')] })
    s.fakes.authenticate.hold()
    await s.send({ type: 'login', username: 'ada@example.com', password: secret('wrong') })
    expect(s.tags()).toEqual(['busy', 'guest', 'tokenValid'])
    s.fakes.authenticate.release()
    await flush()
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.snapshot().matches({ guest: { session: { live: { activity: 'idle' } } } })).toBe(true)
    expect(s.snapshot().context.error).toEqual(codedError('invalid_credentials'))
    expect(s.snapshot().context.tokens).toEqual(guestTokens)
    expect(s.emitted.at(-1)).toEqual({
      type: 'login.failed',
      error: codedError('invalid_credentials'),
    })
    expect(JSON.stringify(s.snapshot().context)).not.toContain('wrong')
  })

  it('register: registerCustomer with the guest session, then registered', async () => {
    const s = await guestSession()
    await s.send({ type: 'register', customer: CUSTOMER, password: PASSWORD })
    expect(s.fakes.register.inputs).toEqual([
      { customer: CUSTOMER, password: PASSWORD_TEXT, guest: guestTokens },
    ])
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(JSON.stringify(s.snapshot().context)).not.toContain(PASSWORD_TEXT)
  })

  it('a failed registration: register.failed, still a guest', async () => {
    const s = await guestSession({ register: [reject('login_taken')] })
    await s.send({ type: 'register', customer: CUSTOMER, password: PASSWORD })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.emitted.at(-1)).toEqual({ type: 'register.failed', error: codedError('login_taken') })
    expect(s.snapshot().context.error?.code).toBe('login_taken')
  })

  it('login.onBehalf: trusted system token for the login id, with the guest session', async () => {
    const s = await guestSession()
    await s.send({ type: 'login.onBehalf', loginId: 'ada@example.com' })
    expect(s.fakes.onBehalf.inputs).toEqual([{ loginId: 'ada@example.com', guest: guestTokens }])
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
  })

  it('a failed login.onBehalf is a login.failed', async () => {
    const s = await guestSession({ onBehalf: [reject('invalid_config')] })
    await s.send({ type: 'login.onBehalf', loginId: 'ada@example.com' })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.emitted.at(-1)).toEqual({ type: 'login.failed', error: codedError('invalid_config') })
  })
})

describe('sessionMachine: losing and ending sessions', () => {
  it('lost registered session: reauthRequired emitted and tagged, guest, same usid', async () => {
    const s = await registeredSession({ refresh: [reject('invalid_grant')] })
    s.fakes.authorize.hold()
    await s.advance(registeredTokens.refreshInMs)
    expect(s.emitted.at(-1)).toEqual({
      type: 'session.reauthRequired',
      error: codedError('invalid_grant'),
    })
    expect(s.tags()).toEqual(['busy', 'guest', 'reauthRequired'])
    expect(s.snapshot().context.carryUsid).toBe(registeredTokens.usid)
    expect(s.snapshot().context.tokens).toBeUndefined()
    expect(s.fakes.authorize.inputs).toEqual([{ usid: registeredTokens.usid }])
    s.fakes.authorize.release()
    await flush()
    expect(s.tags()).toEqual(['guest', 'reauthRequired', 'tokenValid'])
    expect(s.snapshot().context.carryUsid).toBeUndefined()
    // Kept until the shopper logs in again.
    await s.advance(LIFETIME_MS / 2)
    expect(s.snapshot().hasTag('reauthRequired')).toBe(true)
    await s.send({ type: 'login', username: 'ada@example.com', password: PASSWORD })
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
  })

  it('a transient failure then a refused grant: refreshFailed, then reauthRequired', async () => {
    const s = await registeredSession({ refresh: [reject('network'), reject('invalid_grant')] })
    await s.advance(registeredTokens.refreshInMs)
    await s.advance(backoffDelay(1, TEST_POLICY, undefined))
    expect(s.emittedTypes().slice(1)).toEqual([
      'token.refreshFailed',
      'session.reauthRequired',
      'session.started',
    ])
    expect(s.tags()).toEqual(['guest', 'reauthRequired', 'tokenValid'])
  })

  it('a guest whose refresh dies starts a new guest sign-in, without reauthRequired', async () => {
    const s = await guestSession({
      refresh: [reject('invalid_grant')],
      authorize: [guestTokens, tokensAt('guest', 2)],
    })
    await s.advance(guestTokens.refreshInMs)
    expect(s.emittedTypes()).not.toContain('session.reauthRequired')
    expect(s.fakes.authorize.inputs).toEqual([{ usid: undefined }, { usid: undefined }])
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.snapshot().context.tokens?.accessToken).toBe(tokensAt('guest', 2).accessToken)
  })

  it('logout: logoutCustomer with the tokens, then a new guest session', async () => {
    const s = await registeredSession({ authorize: [tokensAt('guest', 2)] })
    s.fakes.logout.hold()
    await s.send({ type: 'logout', allSessions: true })
    expect(s.tags()).toEqual(['busy'])
    expect(s.fakes.logout.inputs).toEqual([
      { tokens: registeredTokens, allSessions: true, remote: true },
    ])
    s.fakes.logout.release()
    await flush()
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.emittedTypes()).not.toContain('logout.remoteFailed')
  })

  it('logout failing remotely: signed out all the same, logout.remoteFailed, guest', async () => {
    const s = await registeredSession({ logout: [reject('network')] })
    await s.send({ type: 'logout' })
    expect(s.emitted).toContainEqual({ type: 'logout.remoteFailed', error: codedError('network') })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.snapshot().context.tokens).toEqual(guestTokens)
    expect(s.fakes.logout.inputs[0]?.allSessions).toBe(false)
  })

  it('logout while the basket moves still signs out', async () => {
    const s = await guestSession()
    s.fakes.transfer.hold()
    await s.send({ type: 'login', username: 'ada@example.com', password: PASSWORD })
    await s.send({ type: 'logout' })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    s.fakes.transfer.release()
  })
})

describe('sessionMachine: storage failures', () => {
  it('storage.failed is reported and changes nothing (tokens in memory stay)', async () => {
    const s = await registeredSession()
    const before = s.snapshot().value
    await s.send({ type: 'storage.failed', reason: 'quota exceeded' })
    expect(s.emitted.at(-1)).toEqual({ type: 'storage.failed', reason: 'quota exceeded' })
    expect(s.snapshot().value).toEqual(before)
    expect(s.snapshot().context.tokens).toEqual(registeredTokens)
  })
})

describe('sessionMachine: other tabs (session.external)', () => {
  it('another tab logged in: the guest follows into registered', async () => {
    const s = await guestSession()
    await s.send({ type: 'session.external', tokens: registeredTokens })
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    expect(s.snapshot().context.tokens).toEqual(registeredTokens)
    expect(s.fakes.authenticate.calls).toBe(0)
  })

  it('another tab logged in while this one was still signing in a guest', async () => {
    const s = startSession()
    s.fakes.authorize.hold()
    await s.settle()
    await s.send({ type: 'session.external', tokens: registeredTokens })
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    s.fakes.authorize.release()
    await flush()
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
  })

  it('another tab logged out and started a guest: follow it', async () => {
    const s = await registeredSession()
    await s.send({ type: 'session.external', tokens: guestTokens })
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
    expect(s.fakes.authorize.calls).toBe(0)
  })

  it('another tab removed the session: a new guest session', async () => {
    const s = await registeredSession()
    await s.send({ type: 'session.external', tokens: null })
    expect(s.fakes.authorize.calls).toBe(1)
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
  })

  it('another tab started a new guest session: the guest adopts it', async () => {
    const s = await guestSession()
    const other = tokensAt('guest', 2)
    await s.send({ type: 'session.external', tokens: other })
    expect(s.snapshot().context.tokens).toEqual(other)
    expect(s.tags()).toEqual(['guest', 'tokenValid'])
  })
})

describe('sessionMachine: adopting another tab\'s tokens', () => {
  it('another tab refreshed: the tokens are adopted, the child re-arms from them', async () => {
    const s = await registeredSession({
      refresh: [{ outcome: 'refreshed', tokens: tokensAt('registered', 3) }],
    })
    const adopted = tokensAt('registered', 2, 0, {
      refreshInMs: 50 * MINUTE,
      expiresInMs: 51 * MINUTE,
    })
    await s.send({ type: 'session.external', tokens: adopted })
    expect(s.snapshot().context.tokens).toEqual(adopted)
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
    await s.advance(registeredTokens.refreshInMs)
    expect(s.fakes.refresh.calls).toBe(0)
    await s.advance(50 * MINUTE - registeredTokens.refreshInMs)
    expect(s.fakes.refresh.inputs[0]?.tokens.refreshToken).toBe(adopted.refreshToken)
  })

  it('a guest sign-in resolving with a stored registered session is registered', async () => {
    // The real authorizeCustomer adopts whatever usable session storage holds (src/actors.ts).
    const s = startSession({ authorize: [registeredTokens] })
    await s.settle()
    expect(s.tags()).toEqual(['registered', 'tokenValid'])
  })
})
