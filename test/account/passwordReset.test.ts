/**
 * `sessionWithFlows(session).startPasswordReset()` against the emulator, in-process: the reset flow
 * through a server port (Account Manager token, the emulator's outbox as the e-mail), the link
 * page starting from `{ login, token }`, every refusal with its way back, and the optional login
 * with the new password.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { secret } from '../../src/secret.ts'
import type { PasswordResetActor } from '../../src/account.ts'
import { ShopperSessionError } from '../../src/errors.ts'
import { recordError } from '../support/secretGuard.ts'
import { createSessionHarness, seededShopper } from '../session/harness.ts'
import {
  emulatorResetPort,
  leaks,
  mailedToken,
  recordSnapshots,
  sessionWithFlows,
  untilTag,
} from './support.ts'

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

// Passwords the emulator's policy accepts (8+, upper, lower, digit, special).
const NEW_PASSWORD = 'Res3t-Passw0rd!'
const OTHER_PASSWORD = 'An0ther-Res3t!'
const WEAK_PASSWORD = 'tiny'

const ada = () => seededShopper(harness)

function setup(options: Parameters<typeof createSessionHarness>[0] = {}) {
  harness = createSessionHarness(options)
  const port = emulatorResetPort(harness.emulator)
  const session = sessionWithFlows(harness.session(), { passwordReset: port })
  return { session, port }
}

/** Runs request → link → token, as the shopper would across the e-mail. */
async function requestLink(reset: PasswordResetActor) {
  reset.send({ type: 'request', login: ada().login })
  await untilTag(reset, 'tokenSent')
  return mailedToken(harness.emulator, ada().login)
}

describe('resetPassword', () => {
  it('request → mailed link → new password → logged in: the session is registered', async () => {
    const { session } = setup()
    await session.ready()
    const reset = session.startPasswordReset({ loginAfterReset: true })
    const seen = recordSnapshots(reset)
    expect(reset.getSnapshot().hasTag('requestForm')).toBe(true)
    const token = await requestLink(reset)
    reset.send({ type: 'link.opened', token: secret(token) })
    await untilTag(reset, 'passwordForm')
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    const done = await untilTag(reset, 'done')
    expect(done.output?.loggedIn).toBe(true)
    expect(done.output?.error).toBeUndefined()
    const tokens = session.getTokens()
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(tokens?.customerId).toBe(ada().customerId)
    expect(tokens?.loginId).toBe(ada().login)
    // The reset token and the password never reached a snapshot.
    expect(leaks(seen, [token, NEW_PASSWORD])).toBe(false)
    // The token is spent: the same link cannot be used twice.
    expect(harness.count('resetPassword')).toBe(1)
  })

  it('without loginAfterReset the session stays a guest, and the new password logs in', async () => {
    const { session } = setup()
    await session.ready()
    const reset = session.startPasswordReset()
    const token = await requestLink(reset)
    reset.send({ type: 'link.opened', token: secret(token) })
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    const done = await untilTag(reset, 'done')
    expect(done.output?.loggedIn).toBe(false)
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    expect(harness.count('authenticateCustomer')).toBe(0)
    const error = await session.login(ada().login, ada().password).catch((e: unknown) => e)
    recordError(error)
    expect((error as ShopperSessionError).code).toBe('invalid_credentials')
    await session.login(ada().login, NEW_PASSWORD)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
  })

  it('the link page (a new tab) starts at the password form from { login, token }; tabs follow', async () => {
    const { session, port } = setup()
    await session.ready()
    const token = await requestLink(session.startPasswordReset())
    // The e-mailed link opens a new tab of the same browser: a new session on the shared storage.
    const page = sessionWithFlows(harness.session(), { passwordReset: port })
    await page.ready()
    const reset = page.startPasswordReset({ login: ada().login, token, loginAfterReset: true })
    const seen = recordSnapshots(reset)
    expect(reset.getSnapshot().hasTag('passwordForm')).toBe(true)
    expect(reset.getSnapshot().context.login).toBe(ada().login)
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    const done = await untilTag(reset, 'done')
    expect(done.output?.loggedIn).toBe(true)
    expect(page.getSnapshot().hasTag('registered')).toBe(true)
    expect(leaks(seen, [token, NEW_PASSWORD])).toBe(false)
    // The first tab adopts the new registered session from storage, without a request.
    await vi.waitFor(() => expect(session.getSnapshot().hasTag('registered')).toBe(true))
    expect(session.getTokens()?.refreshToken === page.getTokens()?.refreshToken).toBe(true)
  })

  it('the link opened in another browser (own storage) works the same', async () => {
    const { session, port } = setup()
    await session.ready()
    const token = await requestLink(session.startPasswordReset())
    const phone = sessionWithFlows(
      harness.session({ storage: undefined, coordination: undefined }),
      { passwordReset: port },
    )
    const reset = phone.startPasswordReset({ login: ada().login, token, loginAfterReset: true })
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    expect((await untilTag(reset, 'done')).output?.loggedIn).toBe(true)
    expect(phone.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
  })

  it('an unknown login is refused (not_found) and the shopper can correct it', async () => {
    const { session } = setup()
    await session.ready()
    const reset = session.startPasswordReset()
    reset.send({ type: 'request', login: 'nobody@example.com' })
    const refused = await untilTag(reset, 'error')
    expect(refused.hasTag('requestForm')).toBe(true)
    expect(refused.context.error?.code).toBe('not_found')
    expect(harness.emulator.control.outbox()).toEqual([])
    reset.send({ type: 'request', login: ada().login })
    await untilTag(reset, 'tokenSent')
    expect(reset.getSnapshot().context.error).toBeUndefined()
  })

  it('a transient failure of the request waits for retry', async () => {
    const { session } = setup()
    await session.ready()
    harness.emulator.control.failNext('getResetPasswordToken', { status: 503 })
    const reset = session.startPasswordReset()
    reset.send({ type: 'request', login: ada().login })
    const interrupted = await untilTag(reset, 'retryable')
    expect(interrupted.context.error?.code).toBe('server_error')
    reset.send({ type: 'retry' })
    await untilTag(reset, 'tokenSent')
  })

  it('an expired token ends at linkInvalid (invalid_reset_token); a new link can be requested', async () => {
    const { session } = setup({ resetTokenMinutes: 5 })
    await session.ready()
    const reset = session.startPasswordReset()
    const token = await requestLink(reset)
    reset.send({ type: 'link.opened', token: secret(token) })
    harness.emulator.control.advanceTime(6 * 60_000)
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    const invalid = await untilTag(reset, 'linkInvalid')
    expect(invalid.context.error?.code).toBe('invalid_reset_token')
    expect(invalid.hasTag('requestForm')).toBe(true)
    const fresh = await requestLink(reset)
    reset.send({ type: 'link.opened', token: secret(fresh) })
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    await untilTag(reset, 'done')
  })

  it('a used token ends at linkInvalid when the link is opened again', async () => {
    const { session, port } = setup()
    await session.ready()
    const first = session.startPasswordReset()
    const token = await requestLink(first)
    first.send({ type: 'link.opened', token: secret(token) })
    first.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    await untilTag(first, 'done')
    const again = sessionWithFlows(
      harness.session({ storage: undefined, coordination: undefined }),
      { passwordReset: port },
    )
    const reset = again.startPasswordReset({ login: ada().login, token })
    reset.send({ type: 'submit', newPassword: secret(OTHER_PASSWORD) })
    const invalid = await untilTag(reset, 'linkInvalid')
    expect(invalid.context.error?.code).toBe('invalid_reset_token')
  })

  it('a wrong token, or one a newer mail replaced, ends at linkInvalid', async () => {
    const { session } = setup()
    await session.ready()
    const wrong = session.startPasswordReset({ login: ada().login, token: 'not-a-reset-token' })
    wrong.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    expect((await untilTag(wrong, 'linkInvalid')).context.error?.code).toBe('invalid_reset_token')

    const reset = session.startPasswordReset()
    const older = await requestLink(reset)
    await requestLink(reset) // "resend": the newer token voids the older one
    reset.send({ type: 'link.opened', token: secret(older) })
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    expect((await untilTag(reset, 'linkInvalid')).context.error?.code).toBe('invalid_reset_token')
  })

  it('a weak password returns to the password form; the same link then works', async () => {
    const { session } = setup()
    await session.ready()
    const reset = session.startPasswordReset()
    const seen = recordSnapshots(reset)
    const token = await requestLink(reset)
    reset.send({ type: 'link.opened', token: secret(token) })
    reset.send({ type: 'submit', newPassword: secret(WEAK_PASSWORD) })
    const rejected = await untilTag(reset, 'error')
    expect(rejected.hasTag('passwordForm')).toBe(true)
    expect(rejected.context.error?.code).toBe('weak_password')
    reset.send({ type: 'submit', newPassword: secret('') })
    expect(reset.getSnapshot().context.error?.code).toBe('weak_password')
    expect(harness.count('resetPassword')).toBe(1) // the empty one cost no request
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    await untilTag(reset, 'done')
    expect(leaks(seen, [token, NEW_PASSWORD, WEAK_PASSWORD])).toBe(false)
  })

  it('loginAfterReset on a session of the same shopper drops it locally (no remote logout)', async () => {
    const { session } = setup()
    await session.login(ada().login, ada().password)
    const before = session.getTokens()
    const reset = session.startPasswordReset({ loginAfterReset: true })
    const token = await requestLink(reset)
    reset.send({ type: 'link.opened', token: secret(token) })
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    expect((await untilTag(reset, 'done')).output?.loggedIn).toBe(true)
    expect(harness.count('logoutCustomer')).toBe(0)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getTokens()?.refreshToken === before?.refreshToken).toBe(false)
  })

  it("loginAfterReset on another shopper's session logs that one out at SLAS first", async () => {
    const { session } = setup()
    const grace = harness.emulator.settings.shoppers[1]
    if (!grace) throw new Error('no second seeded shopper')
    await session.login(grace.login, grace.password)
    const reset = session.startPasswordReset({ loginAfterReset: true })
    const token = await requestLink(reset)
    reset.send({ type: 'link.opened', token: secret(token) })
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    expect((await untilTag(reset, 'done')).output?.loggedIn).toBe(true)
    expect(harness.count('logoutCustomer')).toBe(1)
    expect(session.getTokens()?.customerId).toBe(ada().customerId)
  })

  it('a failed login after the reset ends done with the error: the reset stands', async () => {
    const { session } = setup()
    await session.ready()
    const reset = session.startPasswordReset({ loginAfterReset: true })
    const token = await requestLink(reset)
    reset.send({ type: 'link.opened', token: secret(token) })
    harness.emulator.control.failNext('authenticateCustomer', { status: 500 })
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    const done = await untilTag(reset, 'done')
    expect(done.output?.loggedIn).toBe(false)
    expect(done.output?.error?.code).toBe('server_error')
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    await session.login(ada().login, NEW_PASSWORD)
  })

  it('without a port, or with a token but no login, it throws invalid_config', () => {
    harness = createSessionHarness()
    const bare = sessionWithFlows(harness.session())
    const codes = [
      () => bare.startPasswordReset(),
      () =>
        sessionWithFlows(harness.session(), {
          passwordReset: emulatorResetPort(harness.emulator),
        }).startPasswordReset({ token: 'from-the-link' }),
    ].map((start) => {
      try {
        start()
        return 'no error'
      } catch (error) {
        recordError(error)
        return (error as ShopperSessionError).code
      }
    })
    expect(codes).toEqual(['invalid_config', 'invalid_config'])
  })
})
