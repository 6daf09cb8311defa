/**
 * The password reset service against the in-process emulator: token delivery, reset and login
 * with the new password, unknown logins (404 or neutral), refused tokens, the password policy,
 * the Account Manager token cache, and config errors.
 */
import { describe, expect, it } from 'vitest'
import { loginRegisteredUser } from '../../../src/scapi/slasFlows.ts'
import { createPasswordResetService } from '../../../src/server/index.ts'
import { expectCode } from '../../support/expectError.ts'
import { resetSetup, testPassword } from './helpers.ts'
import { publicSlasConfig } from '../../support/slasConfig.ts'

const NEW_PASSWORD = 'New-Password-2024!'

/** A synchronous throw as a rejection, for `expectCode`. */
const attempt = (fn: () => unknown) => Promise.resolve().then(fn)

describe('requestToken and resetPassword', () => {
  it('delivers the token, resets, and the shopper logs in with the new password', async () => {
    const { emulator, service, deliveries, shopper, lastToken } = resetSetup()
    const ada = shopper()
    const result = await service.requestToken(ada.login)
    expect(result).toBeUndefined() // nothing about the token comes back

    expect(deliveries).toHaveLength(1)
    const [delivery] = deliveries
    const [issued] = emulator.control.outbox()
    expect(delivery?.token).toBe(issued?.resetToken)
    expect(delivery?.login).toBe(ada.login)
    expect(delivery?.email).toBe(ada.email)
    expect(delivery?.expiresInMinutes).toBe(30)
    // Measured on the service's clock when the answer arrived: at or just after the issue time.
    const late = (delivery?.expiresAt ?? 0) - (issued?.expiresAt ?? 0)
    expect(late).toBeGreaterThanOrEqual(0)
    expect(late).toBeLessThan(1000)

    await service.resetPassword({ login: ada.login, token: lastToken(), newPassword: NEW_PASSWORD })

    const slas = publicSlasConfig(emulator)
    const tokens = await loginRegisteredUser(slas, { username: ada.login, password: NEW_PASSWORD })
    expect(tokens.customer_id).toBe(ada.customerId)
    await expectCode(
      loginRegisteredUser(slas, { username: ada.login, password: ada.password }),
      'invalid_credentials',
    )
  })

  it('a login in another case is the same shopper', async () => {
    const { service, deliveries, shopper } = resetSetup()
    await service.requestToken(shopper().login.toUpperCase())
    expect(deliveries[0]?.login).toBe(shopper().login)
  })

  it('an unknown login: not_found, nothing delivered', async () => {
    const { service, deliveries } = resetSetup()
    const error = await expectCode(service.requestToken('nobody@example.com'), 'not_found')
    expect(error.status).toBe(404)
    expect(deliveries).toEqual([])
  })

  it('neutral: an unknown login resolves like a known one and delivers nothing', async () => {
    const { service, deliveries, shopper, count } = resetSetup({ unknownLogin: 'neutral' })
    await expect(service.requestToken('nobody@example.com')).resolves.toBeUndefined()
    expect(deliveries).toEqual([])
    expect(count('getResetPasswordToken')).toBe(1)
    await expect(service.requestToken(shopper().login)).resolves.toBeUndefined()
    expect(deliveries).toHaveLength(1)
  })

  it('neutral mode still reports other failures', async () => {
    const { emulator, service } = resetSetup({ unknownLogin: 'neutral' })
    emulator.control.failNext('getResetPasswordToken', { status: 500 })
    await expectCode(service.requestToken('nobody@example.com'), 'server_error')
  })

  it('an expired token: invalid_reset_token, and the old password still works', async () => {
    const { emulator, service, shopper, lastToken } = resetSetup()
    const ada = shopper()
    await service.requestToken(ada.login)
    emulator.control.advanceTime(emulator.settings.resetTokenMinutes * 60_000 + 1)
    const input = { login: ada.login, token: lastToken(), newPassword: NEW_PASSWORD }
    await expectCode(service.resetPassword(input), 'invalid_reset_token')
  })

  it('a used token: invalid_reset_token the second time', async () => {
    const { service, shopper, lastToken } = resetSetup()
    const ada = shopper()
    await service.requestToken(ada.login)
    const input = { login: ada.login, token: lastToken(), newPassword: NEW_PASSWORD }
    await service.resetPassword(input)
    await expectCode(
      service.resetPassword({ ...input, newPassword: 'Another-Password-1!' }),
      'invalid_reset_token',
    )
  })

  it('a wrong token, an older token, another login: invalid_reset_token', async () => {
    const { service, shopper, deliveries } = resetSetup()
    const ada = shopper()
    const grace = shopper(1)
    await service.requestToken(ada.login)
    await service.requestToken(ada.login) // a newer token voids the older one
    await service.requestToken(grace.login)
    const [older, newer, graces] = deliveries.map((delivery) => delivery.token)
    const reset = (login: string, token: string | undefined) =>
      service.resetPassword({ login, token: token ?? '', newPassword: NEW_PASSWORD })
    await expectCode(reset(ada.login, 'x'.repeat(32)), 'invalid_reset_token')
    await expectCode(reset(ada.login, older), 'invalid_reset_token')
    await expectCode(reset(ada.login, graces), 'invalid_reset_token')
    await reset(ada.login, newer)
  })

  it('a weak password: weak_password, and the token stays usable', async () => {
    const { service, shopper, lastToken } = resetSetup()
    const ada = shopper()
    await service.requestToken(ada.login)
    const weak = testPassword('weakpass')
    const input = { login: ada.login, token: lastToken(), newPassword: weak }
    await expectCode(service.resetPassword(input), 'weak_password')
    await service.resetPassword({ ...input, newPassword: NEW_PASSWORD })
  })

  it('bad input: bad_request naming the field, nothing sent', async () => {
    const { service, count } = resetSetup()
    const empty = await expectCode(service.requestToken(''), 'bad_request')
    expect(empty.message).toBe('getResetPasswordToken: login: must not be empty')
    await expectCode(service.requestToken('a'.repeat(257)), 'bad_request')
    const reset = { login: 'ada@example.com', token: 't'.repeat(8), newPassword: '' }
    const error = await expectCode(service.resetPassword(reset), 'bad_request')
    expect(error.message).toBe('resetPassword: newPassword: must not be empty')
    await expectCode(
      service.resetPassword({ ...reset, token: 't'.repeat(4097), newPassword: 'x' }),
      'bad_request',
    )
    expect(count()).toBe(0)
  })

  it('a throwing deliverToken: server_error, without the token in the error', async () => {
    const lines: string[] = []
    const { service, shopper, emulator } = resetSetup({
      deliverToken: ({ token }) => {
        throw new Error(`SMTP refused https://shop.test/reset#token=${token}`)
      },
      logger: { error: (message) => lines.push(message) },
    })
    const error = await expectCode(service.requestToken(shopper().login), 'server_error')
    expect(error.operation).toBe('deliverToken')
    expect(error.cause).toBeUndefined()
    const token = emulator.control.outbox()[0]?.resetToken ?? ''
    expect(lines.join('\n')).toContain('deliverToken failed (Error)')
    expect(lines.join('\n')).not.toContain(token)
  })

  it('neutral: a throwing deliverToken resolves like an unknown login, and is logged', async () => {
    const lines: string[] = []
    const { service, shopper, emulator } = resetSetup({
      unknownLogin: 'neutral',
      deliverToken: ({ token }) => {
        throw new Error(`SMTP refused https://shop.test/reset#token=${token}`)
      },
      logger: { error: (message) => lines.push(message) },
    })
    const ada = shopper()
    await expect(service.requestToken(ada.login)).resolves.toBeUndefined()
    await expect(service.requestToken('nobody@example.com')).resolves.toBeUndefined()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('deliverToken failed (Error)')
    const token = emulator.control.outbox()[0]?.resetToken ?? ''
    expect(token).not.toBe('')
    expect(lines[0]).not.toContain(token)
    expect(lines[0]).not.toContain(ada.login)
  })

  it('an async deliverToken is awaited before requestToken resolves', async () => {
    let delivered = false
    const { service, shopper } = resetSetup({
      deliverToken: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        delivered = true
      },
    })
    await service.requestToken(shopper().login)
    expect(delivered).toBe(true)
  })

  it('an aborted call: aborted', async () => {
    const { service, shopper } = resetSetup()
    const controller = new AbortController()
    controller.abort()
    await expectCode(
      service.requestToken(shopper().login, { signal: controller.signal }),
      'aborted',
    )
  })
})

describe('the development outbox (no deliverToken)', () => {
  it('keeps deliveries and logs a line without the token', async () => {
    const lines: string[] = []
    const { service, shopper } = resetSetup({
      deliverToken: undefined,
      logger: { info: (message) => lines.push(message) },
    })
    const ada = shopper()
    await service.requestToken(ada.login)
    const outbox = service.devOutbox
    expect(outbox).toBeDefined()
    const latest = outbox?.latest(ada.login.toUpperCase())
    expect(latest?.login).toBe(ada.login)
    expect(outbox?.deliveries()).toHaveLength(1)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('development outbox')
    expect(lines[0]).toContain(ada.login)
    expect(lines[0]).not.toContain(latest?.token)
    outbox?.clear()
    expect(outbox?.deliveries()).toEqual([])
  })

  it('is absent when deliverToken is given', () => {
    expect(resetSetup().service.devOutbox).toBeUndefined()
  })
})

describe('the Account Manager token', () => {
  it('one token request for several resets; a new one after expiry', async () => {
    const { emulator, service, shopper, count, lastToken } = resetSetup()
    const ada = shopper()
    await service.requestToken(ada.login)
    await service.requestToken(shopper(1).login)
    await service.resetPassword({
      login: shopper(1).login,
      token: lastToken(),
      newPassword: NEW_PASSWORD,
    })
    await service.requestToken(ada.login)
    expect(count('getAccountManagerToken')).toBe(1)
    expect(count('getResetPasswordToken')).toBe(3)
    expect(count('resetPassword')).toBe(1)

    // Within a minute of expiry (1799 s) the token is no longer used.
    emulator.control.advanceTime((1799 - 59) * 1000)
    await service.requestToken(ada.login)
    expect(count('getAccountManagerToken')).toBe(2)
    await service.requestToken(ada.login)
    expect(count('getAccountManagerToken')).toBe(2)
  })

  it('concurrent calls share one token request', async () => {
    const { service, shopper, count } = resetSetup({ rateLimit: false })
    await Promise.all(
      Array.from({ length: 6 }, (_, index) => service.requestToken(shopper(index % 2).login)),
    )
    expect(count('getAccountManagerToken')).toBe(1)
  })

  it('a 401 with the cached token: dropped, a new token, one retry', async () => {
    const { emulator, service, shopper, count, lastToken } = resetSetup()
    const ada = shopper()
    await service.requestToken(ada.login)
    emulator.control.failNext('resetPassword', { status: 401 })
    await service.resetPassword({ login: ada.login, token: lastToken(), newPassword: NEW_PASSWORD })
    expect(count('getAccountManagerToken')).toBe(2)
    expect(count('resetPassword')).toBe(2)
  })

  it('a 401 with a fresh token is not retried: invalid_token', async () => {
    const { emulator, service, shopper, count } = resetSetup()
    emulator.control.failNext('getResetPasswordToken', { status: 401, count: 2 })
    await expectCode(service.requestToken(shopper().login), 'invalid_token')
    expect(count('getAccountManagerToken')).toBe(1)
    expect(count('getResetPasswordToken')).toBe(1)
  })

  it('a second 401 after the retry is reported', async () => {
    const { emulator, service, shopper, count } = resetSetup()
    await service.requestToken(shopper().login)
    emulator.control.failNext('getResetPasswordToken', { status: 401, count: 2 })
    await expectCode(service.requestToken(shopper().login), 'invalid_token')
    expect(count('getAccountManagerToken')).toBe(2)
  })

  it('wrong Account Manager credentials: invalid_client; a failure is not cached', async () => {
    const { emulator, service, shopper, count } = resetSetup({
      accountManager: { clientSecret: 'not-the-secret' },
    })
    await expectCode(service.requestToken(shopper().login), 'invalid_client')
    await expectCode(service.requestToken(shopper().login), 'invalid_client')
    expect(count('getAccountManagerToken')).toBe(2)
    expect(count('getResetPasswordToken')).toBe(0)
    expect(emulator.control.outbox()).toEqual([])
  })

  it('asks for the configured scope', async () => {
    const { service, shopper } = resetSetup({
      accountManager: { scope: 'sfcc.shopper-customers.login' },
    })
    await service.requestToken(shopper().login)
    const refused = resetSetup({ accountManager: { scope: 'sfcc.not-granted' } })
    await expectCode(refused.service.requestToken(shopper().login), 'bad_request')
  })
})

describe('config', () => {
  const { options } = resetSetup()
  const bad = (patch: object) =>
    attempt(() => createPasswordResetService({ ...options, ...patch } as typeof options))

  it('invalid_config naming the field, never the value', async () => {
    const secret = await expectCode(
      bad({ accountManager: { clientId: 'am', clientSecret: '' } }),
      'invalid_config',
    )
    expect(secret.message).toBe(
      'Invalid password reset service config: accountManager.clientSecret: must not be empty',
    )
    const site = await expectCode(bad({ siteId: undefined }), 'invalid_config')
    expect(site.message).toContain('siteId')
    const where = await expectCode(bad({ baseUrl: undefined }), 'invalid_config')
    expect(where.message).toContain('shortCode: is required unless baseUrl is set')
    const mode = await expectCode(bad({ unknownLogin: 'quiet' }), 'invalid_config')
    expect(mode.message).toContain('unknownLogin: must be one of "not_found", "neutral"')
    const hook = await expectCode(bad({ deliverToken: 'mail' }), 'invalid_config')
    expect(hook.message).toContain('deliverToken: must be a function')
    const rule = await expectCode(
      bad({ rateLimit: { perLogin: { limit: 0, windowMs: 1000 } } }),
      'invalid_config',
    )
    expect(rule.message).toContain('rateLimit.perLogin: must be false or')
    const keys = await expectCode(bad({ rateLimit: { maxKeys: 1.5 } }), 'invalid_config')
    expect(keys.message).toContain('rateLimit.maxKeys: must be an integer ≥ 1')
    await expectCode(
      attempt(() => createPasswordResetService(null as never)),
      'invalid_config',
    )
  })

  it('accepts a shortCode instead of baseUrl, and rateLimit: false', () => {
    const { baseUrl: _unused, ...rest } = options
    expect(() =>
      createPasswordResetService({ ...rest, shortCode: 'kv7kzm78', rateLimit: false }),
    ).not.toThrow()
  })
})
