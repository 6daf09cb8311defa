// @vitest-environment happy-dom
/**
 * `useLogin()`, `useRegister()`, `useLogout()`: pending, then success or a `ShopperSessionError`;
 * one request per call in StrictMode too.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ShopperSessionError } from '../../src/errors.ts'
import {
  type SessionAction,
  useLogin,
  useLogout,
  useRegister,
  useShopper,
} from '../../src/react.ts'
import type { LoginCredentials } from '../../src/session.ts'
import { count, emulatorSession, MODES, Probe, renderWith, seen, settle } from './support.tsx'

type ActionView = Pick<SessionAction<unknown[]>, 'pending' | 'error'>
const view = ({ pending, error }: ActionView): ActionView => ({ pending, error })

/** A login button, as an app has it: one click, one call. */
function LoginButton(props: { credentials: LoginCredentials; results: boolean[] }) {
  const { credentials, results } = props
  const { run, pending } = useLogin()
  return (
    <button disabled={pending} onClick={() => void run(credentials).then((ok) => results.push(ok))}>
      Sign in
    </button>
  )
}

describe.each(MODES)('actions ($mode)', ({ strict }) => {
  it('useLogin: one click, one login, in StrictMode too', async () => {
    const { emulator, session, ada } = emulatorSession()
    await session.ready()
    const results: boolean[] = []
    const credentials = { username: ada.login, password: ada.password }
    renderWith(<LoginButton credentials={credentials} results={results} />, { session, strict })
    fireEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(results).toEqual([true]))
    await settle()
    expect(session.getShopper()?.loginId).toBe(ada.login)
    expect(count(emulator, 'authenticateCustomer')).toBe(1)
    expect(count(emulator, 'authorizeCustomer')).toBe(1) // the guest's, before the test rendered
  })

  it('useLogin: pending, then the coded error; reset forgets it', async () => {
    const { emulator, session, ada } = emulatorSession()
    await session.ready()
    const states = seen<SessionAction<[LoginCredentials]>>()
    renderWith(<Probe use={useLogin} into={states} />, { session, strict })
    const wrong = { username: ada.login, password: 'not-her-Passw0rd!' }
    expect(await states.last().run(wrong)).toBe(false)
    await waitFor(() => expect(states.last().pending).toBe(false))
    const { error } = states.last()
    expect(error).toBeInstanceOf(ShopperSessionError)
    expect(error?.code).toBe('invalid_credentials')
    expect(states.values.map(view)).toEqual([
      { pending: false, error: undefined },
      { pending: true, error: undefined },
      { pending: false, error },
    ])
    expect(states.values[0]?.run).toBe(states.last().run) // the same function on every render

    states.last().reset()
    await waitFor(() => expect(states.last().error).toBeUndefined())
    expect(count(emulator, 'authenticateCustomer')).toBe(1)
    expect(session.getShopper()?.kind).toBe('guest') // the guest session stays usable
  })

  it('useRegister then useLogout: registered, then a new guest', async () => {
    const { emulator, session } = emulatorSession()
    await session.ready()
    const register = seen<SessionAction<Parameters<ReturnType<typeof useRegister>['run']>>>()
    const logout = seen<SessionAction<Parameters<ReturnType<typeof useLogout>['run']>>>()
    const shopper = seen<ReturnType<typeof useShopper>>()
    renderWith(
      <>
        <Probe use={useRegister} into={register} />
        <Probe use={useLogout} into={logout} />
        <Probe use={useShopper} into={shopper} />
      </>,
      { session, strict },
    )
    const login = 'hedy@example.com' // not seeded
    const customer = { login, email: login, lastName: 'Lamarr' }
    expect(await register.last().run({ customer, password: 'H3dy-Lamarr-Passw0rd!' })).toBe(true)
    await waitFor(() => expect(shopper.last()?.loginId).toBe(login))
    expect(register.values.map(view)).toContainEqual({ pending: true, error: undefined })

    expect(await logout.last().run()).toBe(true)
    await waitFor(() => expect(shopper.last()?.kind).toBe('guest'))
    expect(logout.last().error).toBeUndefined()
    expect(count(emulator, 'registerCustomer')).toBe(1)
    expect(count(emulator, 'logoutCustomer')).toBe(1)
  })

  it('useRegister: a taken login is login_taken', async () => {
    const { session, ada } = emulatorSession()
    await session.ready()
    const register = seen<SessionAction<Parameters<ReturnType<typeof useRegister>['run']>>>()
    renderWith(<Probe use={useRegister} into={register} />, { session, strict })
    const customer = { login: ada.login, email: ada.login, lastName: 'Lovelace' }
    expect(await register.last().run({ customer, password: 'An0ther-Passw0rd!' })).toBe(false)
    await waitFor(() => expect(register.last().error?.code).toBe('login_taken'))
  })
})
