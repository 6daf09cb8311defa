// @vitest-environment happy-dom
/**
 * The Provider hands the session down and never creates, starts or stops it; the hooks run on
 * the React of the project (19 in `unit`, 18 in `react18`), and a `ShopperSession` is a
 * `SessionLike` as it is.
 */
import { render, waitFor } from '@testing-library/react'
import * as React from 'react'
import { version as domVersion } from 'react-dom'
import { describe, expect, it, vi } from 'vitest'
import {
  type SessionLike,
  useSessionError,
  useSessionEvent,
  useSessionTags,
  useShopper,
  useShopperSession,
} from '../../src/react.ts'
import type { ShopperSession } from '../../src/session.ts'
import { expectCode } from '../support/expectError.ts'
import {
  count,
  emulatorSession,
  MODES,
  Probe,
  renderWith,
  seen,
  settle,
  withProvider,
} from './support.tsx'

/** Every hook that reads the session without calling it. */
function Readers() {
  return (
    <>
      <Probe use={useShopper} into={seen()} />
      <Probe use={useSessionTags} into={seen()} />
      <Probe use={useSessionError} into={seen()} />
      <Probe use={() => useSessionEvent('session.started', () => undefined)} into={seen()} />
    </>
  )
}

describe('the React under test', () => {
  it('is the one of the project, in the hooks, react-dom and Testing Library alike', ({ task }) => {
    const major = task.file.projectName === 'react18' ? '18.' : '19.'
    expect(React.version.startsWith(major)).toBe(true)
    expect(domVersion).toBe(React.version)
    // A second React anywhere in the tree would make the hooks throw "Invalid hook call".
    const { session } = emulatorSession()
    const shoppers = seen<unknown>()
    renderWith(<Probe use={useShopper} into={shoppers} />, { session, strict: false })
    expect(shoppers.values).toEqual([undefined])
  })
})

describe.each(MODES)('ShopperSessionProvider ($mode)', ({ strict }) => {
  it('does not start a session nobody used', async () => {
    const { emulator, session } = emulatorSession()
    const start = vi.spyOn(session, 'start')
    const view = renderWith(<Readers />, { session, strict })
    await settle()
    view.unmount()
    expect(start).not.toHaveBeenCalled()
    expect(emulator.control.requests()).toEqual([])
    expect(session.getShopper()).toBeUndefined()
  })

  it('leaves a session stopped outside React stopped', async () => {
    const { emulator, session } = emulatorSession()
    await session.ready()
    await session.stop()
    const requests = emulator.control.requests().length
    const view = renderWith(<Readers />, { session, strict })
    await settle()
    view.unmount()
    expect(session.actor.getSnapshot().status).toBe('stopped')
    expect(emulator.control.requests().length).toBe(requests)
  })

  it('does not stop the session when it unmounts', async () => {
    const { emulator, session } = emulatorSession()
    const stop = vi.spyOn(session, 'stop')
    await session.ready()
    const view = renderWith(<Readers />, { session, strict })
    view.unmount()
    await settle()
    expect(stop).not.toHaveBeenCalled()
    expect(session.actor.getSnapshot().status).toBe('active')
    await session.getAccessToken() // still answers, from the token it holds
    expect(count(emulator, 'authorizeCustomer')).toBe(1)
  })

  it('hands its session to the hooks, and the new one when the prop changes', async () => {
    const first = emulatorSession().session
    const second = emulatorSession().session
    const got = seen<SessionLike>()
    const ui = <Probe use={useShopperSession} into={got} />
    const view = renderWith(ui, { session: first, strict })
    view.rerender(withProvider(ui, { session: second, strict }))
    await waitFor(() => expect(got.last()).toBe(second))
    expect(got.values).toEqual([first, second])
  })
})

describe('outside a Provider', () => {
  it('the hooks throw invalid_config', async () => {
    // React reports the render error on the console as well; nothing secret is in it.
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const thrown = (() => {
      try {
        render(<Probe use={useShopper} into={seen()} />)
      } catch (error) {
        return error
      }
      return undefined
    })()
    await expectCode(Promise.reject(thrown), 'invalid_config')
  })
})

// Compile-time: a ShopperSession is a SessionLike as it is (no adapter, no cast).
export const structural = (session: ShopperSession): SessionLike => session
