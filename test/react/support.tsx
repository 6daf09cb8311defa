/**
 * Helpers for the React tests: sessions on an in-process emulator, rendering under the Provider
 * with or without StrictMode, and a probe that records what a hook returned at every commit.
 *
 * The tests leave `IS_REACT_ACT_ENVIRONMENT` unset (no vitest globals, so Testing Library does
 * not set it): session updates then render on React's own schedule, as in an app, and the tests
 * wait for them with `waitFor`. Inside `act()` React would batch a flip and its flip back into
 * one render, and the render counts would prove nothing.
 */
import { cleanup, configure, render, type RenderResult } from '@testing-library/react'
import { Profiler, type ReactElement, type ReactNode, StrictMode, useRef } from 'react'
import { afterEach } from 'vitest'
import type { AccountFlows } from '../../src/account.ts'
import type { Emulator, EmulatorShopper } from '../../src/emulator/index.ts'
import { ShopperSessionProvider, type SessionLike } from '../../src/react.ts'
import { createShopperSession, type ShopperSession } from '../../src/session.ts'
import { createTestEmulator } from '../support/emulator.ts'

/** Both ways every React test runs. */
export const MODES = [
  { mode: 'StrictMode', strict: true },
  { mode: 'no StrictMode', strict: false },
] as const

// `waitFor` gives up after half a test's 5 s timeout (its own default, 1 s, is short for a loaded
// 2-core machine; every wait here ends in well under 0.5 s when the machine is idle).
configure({ asyncUtilTimeout: 2_500 })

const sessions: ShopperSession[] = []
afterEach(async () => {
  // Unmount first (the Provider must not need the session stopped), then stop what tests made.
  cleanup()
  await Promise.all(sessions.splice(0).map((session) => session.stop()))
})

/** An emulator and a session on it from `emulator.clientConfig()` (not started). */
export function emulatorSession(): {
  emulator: Emulator
  session: ShopperSession
  ada: EmulatorShopper
} {
  const emulator = createTestEmulator()
  const session = createShopperSession(emulator.clientConfig())
  sessions.push(session)
  const ada = emulator.settings.shoppers[0]
  if (!ada) throw new Error('no seeded shopper')
  return { emulator, session, ada }
}

/** Requests the emulator received for `operation` so far. */
export function count(emulator: Emulator, operation: string): number {
  return emulator.control.requests(operation).length
}

/** How a test renders: which session (and flows) the Provider gets, StrictMode or not. */
export interface RenderOptions {
  session: SessionLike
  account?: AccountFlows
  strict: boolean
}

/** `ui` under the Provider of `session`, in StrictMode when `strict`. */
export function withProvider(ui: ReactNode, options: RenderOptions): ReactElement {
  const tree = (
    <ShopperSessionProvider session={options.session} account={options.account}>
      {ui}
    </ShopperSessionProvider>
  )
  return options.strict ? <StrictMode>{tree}</StrictMode> : tree
}

/** Renders `ui` under the Provider of `session`, in StrictMode when `strict`. */
export function renderWith(ui: ReactNode, options: RenderOptions): RenderResult {
  return render(withProvider(ui, options))
}

/** What a {@link Probe} saw: the hook's value at every commit of the probe, in order. */
export interface Seen<T> {
  values: T[]
  /** The newest value (throws before the first commit). */
  last(): T
}

/** A record for one {@link Probe}. */
export function seen<T>(): Seen<T> {
  const values: T[] = []
  return {
    values,
    last() {
      if (values.length === 0) throw new Error('the probe has not rendered')
      return values[values.length - 1] as T
    },
  }
}

/**
 * Calls `use()` and records its value once per commit in which the probe rendered. Commits are
 * counted with React's Profiler, so StrictMode's second render of the same commit (and its
 * second run of mount effects) counts once, as it does for the user.
 */
export function Probe<T>({ use, into }: { use: () => T; into: Seen<T> }): ReactNode {
  const value = use()
  const rendered = useRef(value)
  rendered.current = value
  return (
    <Profiler id="probe" onRender={() => into.values.push(rendered.current)}>
      {null}
    </Profiler>
  )
}

/** Lets pending renders and session work settle (real time: nothing is faked). */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
