/**
 * `sessionWithFlows(session).changePassword()` against the emulator, in-process: the PUT with the
 * session's token, then the same handling as a loginId change (old tokens dropped everywhere,
 * re-login with the new password), and the refusals that leave the session as it was.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sessionWithFlows } from './support.ts'
import { getCustomer } from '../../src/scapi/index.ts'
import { expectCode } from '../support/expectError.ts'
import { createSessionHarness, seededShopper } from '../session/harness.ts'

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

const NEW_PASSWORD = 'Chang3d-Passw0rd!'
const WRONG_PASSWORD = 'Wr0ng-Passw0rd!'

const ada = () => seededShopper(harness)

async function loggedIn() {
  harness = createSessionHarness()
  const session = sessionWithFlows(harness.session())
  await session.login(ada().login, ada().password)
  // SLAS refuses a second login of one login within a second (409): a real shopper's password
  // change comes long after their login; the test moves the emulator's clock instead.
  harness.emulator.control.advanceTime(1_000)
  return session
}

describe('changePassword', () => {
  it('changes the password, drops the old tokens everywhere and logs in with the new one', async () => {
    const session = await loggedIn()
    const tab = harness.session()
    await tab.ready()
    const old = session.getTokens()
    if (!old) throw new Error('no tokens')
    await session.changePassword({ currentPassword: ada().password, newPassword: NEW_PASSWORD })
    expect(harness.count('updateCustomerPassword')).toBe(1)
    expect(harness.count('logoutCustomer')).toBe(0)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getTokens()?.loginId).toBe(ada().login)
    expect(session.getTokens()?.refreshToken === old.refreshToken).toBe(false)
    const { baseUrl, organizationId, siteId, fetch } = harness.config
    const stale = getCustomer(
      { baseUrl, organizationId, siteId, fetch },
      { accessToken: old.accessToken, customerId: old.customerId },
    )
    await expectCode(stale, 'credentials_changed')
    // The other tab follows to the new session.
    await vi.waitFor(() =>
      expect(tab.getTokens()?.refreshToken === session.getTokens()?.refreshToken).toBe(true),
    )
    expect(tab.getSnapshot().hasTag('registered')).toBe(true)
    // The old password no longer logs in, the new one does.
    const other = sessionWithFlows(harness.session({ storage: undefined, coordination: undefined }))
    await expectCode(other.login(ada().login, ada().password), 'invalid_credentials')
  })

  it('right after a login (SLAS: one login a second), the re-login waits the second out: no sign-out', async () => {
    harness = createSessionHarness()
    const session = sessionWithFlows(harness.session())
    await session.login(ada().login, ada().password)
    // No move of the emulator's clock: the re-login comes within the second and is refused once.
    await session.changePassword({ currentPassword: ada().password, newPassword: NEW_PASSWORD })
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getSnapshot().hasTag('reauthRequired')).toBe(false)
    const logins = harness.emulator.control.requests('authenticateCustomer')
    expect(logins.map((entry) => entry.status)).toEqual([303, 409, 303])
  }, 10_000)

  it('a wrong current password is refused; the session is unchanged', async () => {
    const session = await loggedIn()
    const before = session.getTokens()
    const input = { currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD }
    await expectCode(session.changePassword(input), 'invalid_current_password')
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(session.getTokens()?.refreshToken === before?.refreshToken).toBe(true)
    await session.getAccessToken() // still usable
  })

  it('a weak new password is refused (weak_password); the session is unchanged', async () => {
    const session = await loggedIn()
    const before = session.getTokens()
    const input = { currentPassword: ada().password, newPassword: 'tiny' }
    await expectCode(session.changePassword(input), 'weak_password')
    expect(session.getTokens()?.refreshToken === before?.refreshToken).toBe(true)
  })

  it('empty fields are refused before any request', async () => {
    const session = await loggedIn()
    const noCurrent = { currentPassword: '', newPassword: NEW_PASSWORD }
    await expectCode(session.changePassword(noCurrent), 'invalid_current_password')
    const noNew = { currentPassword: ada().password, newPassword: '' }
    await expectCode(session.changePassword(noNew), 'weak_password')
    expect(harness.count('updateCustomerPassword')).toBe(0)
  })

  it('a failed re-login rejects with its code; the password changed and the session is a guest', async () => {
    const session = await loggedIn()
    const old = session.getTokens()
    harness.emulator.control.failNext('authenticateCustomer', { status: 503 })
    const notices: string[] = []
    session.on('session.reauthRequired', (event) => notices.push(event.error.code))
    const input = { currentPassword: ada().password, newPassword: NEW_PASSWORD }
    await expectCode(session.changePassword(input), 'server_error')
    expect(session.getSnapshot().hasTag('guest')).toBe(true)
    // Like a refused refresh token: the app hears it and shows the login form.
    expect(session.getSnapshot().hasTag('reauthRequired')).toBe(true)
    expect(notices).toEqual(['server_error'])
    expect(session.getTokens()?.refreshToken === old?.refreshToken).toBe(false)
    await session.login(ada().login, NEW_PASSWORD)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
  })

  it('a guest session is refused (conflict)', async () => {
    harness = createSessionHarness()
    const session = sessionWithFlows(harness.session())
    const input = { currentPassword: 'whatever-1A!', newPassword: NEW_PASSWORD }
    await expectCode(session.changePassword(input), 'conflict')
    expect(harness.count('updateCustomerPassword')).toBe(0)
  })
})
