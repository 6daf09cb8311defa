// @vitest-environment happy-dom
/**
 * `useSessionEvent(type, handler)`: fires on the session's event (`session.reauthRequired` after
 * the shopper's refresh token was revoked), always with the newest handler, on one subscription.
 */
import { waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useSessionEvent } from '../../src/react.ts'
import type { SessionEmitted } from '../../src/session.ts'
import { emulatorSession, MODES, withProvider, renderWith } from './support.tsx'

type Reauth = Extract<SessionEmitted, { type: 'session.reauthRequired' }>

function ReauthListener({ onReauth }: { onReauth: (event: Reauth) => void }) {
  // An inline arrow, new on every render, as components write it.
  useSessionEvent('session.reauthRequired', (event) => onReauth(event))
  return null
}

describe.each(MODES)('useSessionEvent ($mode)', ({ strict }) => {
  it('calls the newest handler on session.reauthRequired, subscribed once', async () => {
    const { emulator, session, ada } = emulatorSession()
    await session.login({ username: ada.login, password: ada.password })
    const on = vi.spyOn(session, 'on')
    let live = 0
    on.mockImplementation((type, handler) => {
      live += 1
      const off = session.actor.on(type, handler as (event: SessionEmitted) => void).unsubscribe
      return () => {
        live -= 1
        off()
      }
    })
    const first = vi.fn<(event: Reauth) => void>()
    const second = vi.fn<(event: Reauth) => void>()
    const view = renderWith(<ReauthListener onReauth={first} />, { session, strict })
    view.rerender(withProvider(<ReauthListener onReauth={second} />, { session, strict }))
    view.rerender(withProvider(<ReauthListener onReauth={second} />, { session, strict }))
    expect(live).toBe(1)
    // StrictMode's simulated remount subscribes again after ending the first; renders never do.
    expect(on).toHaveBeenCalledTimes(strict ? 2 : 1)

    // The refresh token dies at SLAS; the next refresh is refused: the session asks for a login.
    emulator.control.revokeSessions({ login: ada.login })
    emulator.control.advanceTime(2_000)
    await session.getAccessToken({ force: true }).catch(() => undefined)
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1))
    expect(first).not.toHaveBeenCalled()
    expect(second.mock.calls[0]?.[0].error.code).toBe('invalid_grant')
    expect(session.getSnapshot().hasTag('reauthRequired')).toBe(true)

    view.unmount()
    expect(live).toBe(0)
  })
})
