// @vitest-environment happy-dom
/**
 * `useAccessToken()`: the current token as state, one guest start and one refresh however often
 * StrictMode mounts, the new token after a refresh, never the previous shopper's token.
 */
import { waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { type AccessTokenState, useAccessToken, useShopper } from '../../src/react.ts'
import type { ShopperSession } from '../../src/session.ts'
import { count, emulatorSession, MODES, Probe, renderWith, seen, settle } from './support.tsx'

/** Compares tokens without printing them (a failed `toBe` would show both). */
const same = (a: string | undefined, b: string | undefined) => a !== undefined && a === b

/** The access token the session holds now. */
const current = (session: ShopperSession) => session.getTokens()?.accessToken

describe.each(MODES)('useAccessToken ($mode)', ({ strict }) => {
  it('starts an unstarted session once: one guest sign-in', async () => {
    const { emulator, session } = emulatorSession()
    const states = seen<AccessTokenState>()
    renderWith(<Probe use={useAccessToken} into={states} />, { session, strict })
    expect(states.values[0]).toEqual({ token: undefined, error: undefined, loading: true })
    await waitFor(() => expect(states.last().loading).toBe(false))
    expect(same(states.last().token, session.getTokens()?.accessToken)).toBe(true)
    expect(states.last().error).toBeUndefined()
    await settle()
    expect(count(emulator, 'authorizeCustomer')).toBe(1)
    expect(count(emulator, 'getAccessToken')).toBe(1)
  })

  it('an expired token: one refresh, the new token, no second request', async () => {
    const { emulator, session } = emulatorSession()
    await session.ready()
    const old = session.getTokens()?.accessToken
    // Past the 30 min lifetime; the session's own timer has not run.
    emulator.control.advanceTime(31 * 60_000)
    const states = seen<AccessTokenState>()
    renderWith(<Probe use={useAccessToken} into={states} />, { session, strict })
    await waitFor(() => expect(same(states.last().token, current(session))).toBe(true))
    await settle()
    expect(count(emulator, 'getAccessToken')).toBe(2) // the guest's code exchange, one refresh
    expect(states.values.some((s) => same(s.token, old))).toBe(false) // the expired one never shown
    expect(states.last().loading).toBe(false)
  })

  it('follows a refresh and renders twice for it (asked, answered)', async () => {
    const { emulator, session } = emulatorSession()
    await session.ready()
    const states = seen<AccessTokenState>()
    renderWith(<Probe use={useAccessToken} into={states} />, { session, strict })
    await waitFor(() => expect(states.last().loading).toBe(false))
    const first = states.last().token
    const before = states.values.length

    emulator.control.advanceTime(2_000)
    await session.getAccessToken({ force: true })
    await waitFor(() => expect(same(states.last().token, current(session))).toBe(true))
    await settle()
    expect(same(first, states.last().token)).toBe(false)
    // The refresh is heard (loading, the old token kept meanwhile), then the new token is read.
    expect(states.values.length - before).toBe(2)
    expect(same(states.values[before]?.token, first)).toBe(true)
    expect(states.values[before]?.loading).toBe(true)
    expect(count(emulator, 'getAccessToken')).toBe(2)
  })

  it("drops the shopper's token at once on logout, then has the new guest's", async () => {
    const { session, ada } = emulatorSession()
    await session.login({ username: ada.login, password: ada.password })
    const registered = session.getTokens()?.accessToken
    const states = seen<{ state: AccessTokenState; kind: string | undefined }>()
    const use = () => ({ state: useAccessToken(), kind: useShopper()?.kind })
    renderWith(<Probe use={use} into={states} />, { session, strict })
    await waitFor(() => expect(same(states.last().state.token, registered)).toBe(true))

    await session.logout()
    await waitFor(() => expect(same(states.last().state.token, current(session))).toBe(true))
    expect(states.last().kind).toBe('guest')
    const guestRenders = states.values.filter((s) => s.kind === 'guest')
    expect(guestRenders.some((s) => same(s.state.token, registered))).toBe(false)
  })
})
