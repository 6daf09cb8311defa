// @vitest-environment happy-dom
/**
 * The reading hooks re-render only when their slice changes: `useShopper` not on a token
 * refresh, `useSessionTag('busy')` once per flip, `useSessionTags` once per commit in which a
 * tag flipped (the same object otherwise).
 */
import { waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  type SessionTags,
  useSessionError,
  useSessionTag,
  useSessionTags,
  useShopper,
} from '../../src/react.ts'
import type { SessionEmitted, Shopper, ShopperSession } from '../../src/session.ts'
import { count, emulatorSession, MODES, Probe, renderWith, seen, settle } from './support.tsx'

/** Resolves on the session's next `token.refreshed` (once the refresh is stored). */
function nextRefresh(session: ShopperSession): Promise<SessionEmitted> {
  return new Promise((resolve) => {
    const off = session.on('token.refreshed', (event) => {
      off()
      resolve(event)
    })
  })
}

/** No two commits in a row saw the same value: every re-render was a change. */
function onlyChanges<T>(values: readonly T[], same: (a: T, b: T) => boolean = Object.is): boolean {
  return values.every((value, i) => i === 0 || !same(values[i - 1] as T, value))
}

describe.each(MODES)('reading hooks ($mode)', ({ strict }) => {
  it('useShopper renders once per shopper, not on token refreshes', async () => {
    const { emulator, session, ada } = emulatorSession()
    const shoppers = seen<Shopper | undefined>()
    renderWith(<Probe use={useShopper} into={shoppers} />, { session, strict })
    await session.ready()
    await waitFor(() => expect(shoppers.last()?.kind).toBe('guest'))

    // Two refreshes (the emulator clock moves past the 1 s between two refreshes of a session).
    const before = shoppers.values.length
    for (let i = 0; i < 2; i += 1) {
      emulator.control.advanceTime(2_000)
      const refreshed = nextRefresh(session)
      await session.getAccessToken({ force: true })
      await refreshed
    }
    await settle()
    expect(count(emulator, 'getAccessToken')).toBe(3) // the guest's code exchange, 2 refreshes
    expect(shoppers.values.length).toBe(before)

    await session.login({ username: ada.login, password: ada.password })
    await waitFor(() => expect(shoppers.last()?.loginId).toBe(ada.login))
    await settle()
    // undefined → guest → registered: one render each, the object kept while nothing changed.
    expect(shoppers.values.map((s) => s?.kind)).toEqual([undefined, 'guest', 'registered'])
  })

  it("useSessionTag('busy') renders only when busy flips, not on a refresh", async () => {
    const { emulator, session, ada } = emulatorSession()
    await session.ready()
    const busy = seen<boolean>()
    const registered = seen<boolean>()
    renderWith(
      <>
        <Probe use={() => useSessionTag('busy')} into={busy} />
        <Probe use={() => useSessionTag('registered')} into={registered} />
      </>,
      { session, strict },
    )
    await settle()
    expect(busy.values).toEqual([false])

    // A refresh runs beside the session's activity: busy stays false, nothing renders.
    emulator.control.advanceTime(2_000)
    const refreshed = nextRefresh(session)
    await session.getAccessToken({ force: true })
    await refreshed
    await settle()
    expect(busy.values).toEqual([false])

    // A login (and its basket transfer) makes the session busy, then idle: each render a flip.
    await session.login({ username: ada.login, password: ada.password })
    await waitFor(() => expect(registered.last()).toBe(true))
    await settle()
    expect(busy.values[0]).toBe(false)
    expect(busy.values).toContain(true)
    expect(busy.last()).toBe(false)
    expect(onlyChanges(busy.values)).toBe(true)
    expect(registered.values).toEqual([false, true])
  })

  it('useSessionTags renders when a tag flips, with the same object in between', async () => {
    const { session, ada } = emulatorSession()
    const tags = seen<SessionTags>()
    renderWith(<Probe use={useSessionTags} into={tags} />, { session, strict })
    await session.ready()
    await session.login({ username: ada.login, password: ada.password })
    await waitFor(() => expect(tags.last().registered).toBe(true))
    await settle()
    // Before `ready()`: the machine's first state (restoring, busy), no shopper yet.
    expect(tags.values[0]).toEqual({
      guest: false,
      registered: false,
      tokenValid: false,
      busy: true,
      stale: false,
      reauthRequired: false,
      unavailable: false,
    })
    const same = (a: SessionTags, b: SessionTags) =>
      Object.keys(a).every((tag) => a[tag as keyof SessionTags] === b[tag as keyof SessionTags])
    expect(onlyChanges(tags.values, same)).toBe(true)
    expect(tags.values.some((t) => t.busy && t.guest)).toBe(true) // the login, seen on the way
    const end = { registered: true, guest: false, tokenValid: true, busy: false }
    expect(tags.last()).toMatchObject(end)
  })

  it('useSessionError shows the error of a failed sign-in as a ShopperSessionError', async () => {
    const { emulator, session, ada } = emulatorSession()
    await session.ready()
    const errors = seen<ReturnType<typeof useSessionError>>()
    renderWith(<Probe use={useSessionError} into={errors} />, { session, strict })
    const wrong = { username: ada.login, password: 'not-her-Passw0rd!' }
    await session.login(wrong).catch(() => undefined)
    await waitFor(() => expect(errors.last()?.code).toBe('invalid_credentials'))
    expect(errors.last()?.name).toBe('ShopperSessionError')
    expect(count(emulator, 'authenticateCustomer')).toBe(1)
    expect(onlyChanges(errors.values)).toBe(true)
  })
})
