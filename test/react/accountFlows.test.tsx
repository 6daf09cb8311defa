// @vitest-environment happy-dom
/**
 * The account flow hooks against the emulator: a password reset across the e-mailed link and a
 * loginId change, each flow started once per mount (StrictMode's simulated remount stops the
 * first before anything was sent) and stopped on unmount.
 */
import { waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { type AccountFlows, createAccountFlows } from '../../src/account.ts'
import {
  type LoginIdChangeFlow,
  type PasswordChangeFlow,
  type PasswordResetFlow,
  useLoginIdChange,
  usePasswordChange,
  usePasswordReset,
  useShopper,
} from '../../src/react.ts'
import { emulatorResetPort, mailedToken } from '../account/support.ts'
import { count, emulatorSession, MODES, Probe, renderWith, seen } from './support.tsx'

// Passwords the emulator's policy accepts (8+, upper, lower, digit, special).
const NEW_PASSWORD = 'Res3t-Passw0rd!'
const NEW_LOGIN = 'ada.lovelace@example.com'

/** A session with its flows (the reset through a port straight to the emulator). */
function withFlows() {
  const setup = emulatorSession()
  const port = emulatorResetPort(setup.emulator)
  const account = createAccountFlows(setup.session, { passwordReset: port })
  return { ...setup, port, account }
}

/** A started flow actor, as far as these checks read it. */
interface StartedFlow {
  getSnapshot(): { status: string }
}

/** Every flow actor `account[name]` returns, to check each is stopped once the hook let it go. */
function recordStarts(
  account: AccountFlows,
  name: 'startPasswordReset' | 'startLoginIdChange' | 'startPasswordChange',
): StartedFlow[] {
  const started: StartedFlow[] = []
  const original = account[name] as (...args: never[]) => StartedFlow
  Object.assign(account, {
    [name]: (...args: never[]) => {
      const actor = original(...args)
      started.push(actor)
      return actor
    },
  })
  return started
}

describe.each(MODES)('account flow hooks ($mode)', ({ strict }) => {
  it('usePasswordReset: request, the link in a new page, the new password, logged in', async () => {
    const { emulator, session, ada, account, port } = withFlows()
    await session.ready()
    const starts = recordStarts(account, 'startPasswordReset')

    // The "forgot password" page.
    const forgot = seen<PasswordResetFlow>()
    const page = renderWith(<Probe use={() => usePasswordReset()} into={forgot} />, {
      session,
      account,
      strict,
    })
    await waitFor(() => expect(forgot.last().tags.requestForm).toBe(true))
    forgot.last().request(ada.login)
    await waitFor(() => expect(forgot.last().tags.tokenSent).toBe(true))
    page.unmount()

    // The page the e-mailed link opens: it starts at the password form.
    const token = mailedToken(emulator, ada.login)
    const link = seen<PasswordResetFlow>()
    const use = () => usePasswordReset({ login: ada.login, token, loginAfterReset: true })
    renderWith(<Probe use={use} into={link} />, { session, account, strict })
    await waitFor(() => expect(link.last().tags.passwordForm).toBe(true))
    link.last().submit(NEW_PASSWORD)
    await waitFor(() => expect(link.last().tags.done).toBe(true))
    expect(link.last().loggedIn).toBe(true)
    expect(link.last().error).toBeUndefined()
    expect(session.getShopper()?.loginId).toBe(ada.login)

    // One request each, however often StrictMode mounted; one flow per mount, every other stopped.
    expect(port.calls).toEqual(['requestToken', 'resetPassword'])
    expect(count(emulator, 'getResetPasswordToken')).toBe(1)
    expect(count(emulator, 'resetPassword')).toBe(1)
    expect(starts.length).toBe(strict ? 4 : 2)
    const live = starts.filter((actor) => actor.getSnapshot().status === 'active')
    expect(live.length).toBe(0) // the first page unmounted; the second flow is done
    expect(link.last().actor).toBe(starts[starts.length - 1])
  })

  it('useLoginIdChange: the new login, the session registered with it', async () => {
    const { emulator, session, ada, account } = withFlows()
    await session.login({ username: ada.login, password: ada.password })
    const starts = recordStarts(account, 'startLoginIdChange')
    const change = seen<LoginIdChangeFlow>()
    const shopper = seen<ReturnType<typeof useShopper>>()
    const view = renderWith(
      <>
        <Probe use={useLoginIdChange} into={change} />
        <Probe use={useShopper} into={shopper} />
      </>,
      { session, account, strict },
    )
    await waitFor(() => expect(change.last().tags.form).toBe(true))
    change.last().submit({ newLogin: NEW_LOGIN, currentPassword: ada.password })
    await waitFor(() => expect(change.last().tags.done).toBe(true))
    await waitFor(() => expect(shopper.last()?.loginId).toBe(NEW_LOGIN))
    expect(change.last().error).toBeUndefined()
    expect(session.getShopper()?.kind).toBe('registered')
    expect(count(emulator, 'updateCustomer')).toBe(1)
    expect(count(emulator, 'authenticateCustomer')).toBe(2) // the login, the re-login

    // StrictMode's first flow was stopped at once; the one in use stops on unmount.
    expect(starts.length).toBe(strict ? 2 : 1)
    expect(starts.slice(0, -1).every((a) => a.getSnapshot().status === 'stopped')).toBe(true)
    view.unmount()
    expect(starts.every((a) => a.getSnapshot().status !== 'active')).toBe(true)
  })

  it('useLoginIdChange for a guest: conflict; restart() once registered', async () => {
    const { session, ada, account } = withFlows()
    await session.ready()
    const change = seen<LoginIdChangeFlow>()
    renderWith(<Probe use={useLoginIdChange} into={change} />, { session, account, strict })
    await waitFor(() => expect(change.last().error?.code).toBe('conflict'))
    expect(change.last().actor).toBeUndefined()
    expect(change.last().tags.form).toBe(false)

    await session.login({ username: ada.login, password: ada.password })
    change.last().restart()
    await waitFor(() => expect(change.last().tags.form).toBe(true))
    expect(change.last().error).toBeUndefined()
  })

  it('usePasswordChange: a wrong current password is shown, the form stays', async () => {
    const { emulator, session, ada, account } = withFlows()
    await session.login({ username: ada.login, password: ada.password })
    const change = seen<PasswordChangeFlow>()
    renderWith(<Probe use={usePasswordChange} into={change} />, { session, account, strict })
    await waitFor(() => expect(change.last().tags.form).toBe(true))
    change.last().submit({ currentPassword: 'not-her-Passw0rd!', newPassword: NEW_PASSWORD })
    await waitFor(() => expect(change.last().error?.code).toBe('invalid_current_password'))
    expect(change.last().tags.form).toBe(true)
    expect(count(emulator, 'updateCustomerPassword')).toBe(1)
    expect(session.getShopper()?.loginId).toBe(ada.login) // nothing changed
  })
})

describe('without account flows on the Provider', () => {
  it('the flow hooks throw invalid_config', () => {
    const { session } = emulatorSession()
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // React reports it too
    expect(() =>
      renderWith(<Probe use={useLoginIdChange} into={seen()} />, { session, strict: false }),
    ).toThrow(/account flows/)
  })
})
