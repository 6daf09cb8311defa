/**
 * The redacted inspector with a real XState inspector: `@statelyai/inspect`'s `createInspector`
 * over an in-memory adapter (what its browser, WebSocket and Sky inspectors would send, kept in
 * an array instead). A session logs in, refreshes and logs out, and the account flows run a
 * password reset, a loginId change and a password change, all against the emulator; everything
 * the adapter received, including the snapshots `@statelyai/inspect` reads later through the
 * actor refs and the machine definitions it serializes, is searched for every secret the run
 * made: the emulator's tokens, codes, passwords and client secrets, every access and refresh
 * token the session held, and the passwords typed. None may appear. With `unsafeRawInspector`,
 * the same inspector does see access tokens: the search can fail.
 */
import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect'
import { afterEach, describe, expect, it } from 'vitest'
import { redactedInspector, unsafeRawInspector } from '../../src/inspect.ts'
import type { ShopperInspector } from '../../src/inspect/registry.ts'
import { emulatorResetPort, sessionWithFlows } from '../account/support.ts'
import { describeSecret } from '../support/secrets.ts'
import { createSessionHarness, type SessionHarness } from '../session/harness.ts'
import { NEW_LOGIN, runEveryFlow, TYPED } from './everyFlow.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => harness?.stopAll())

/** `@statelyai/inspect`'s inspector with an adapter that keeps what it would send. */
function memoryInspector() {
  const sent: StatelyInspectionEvent[] = []
  const inspector = createInspector({ send: (event) => sent.push(event) })
  return { inspector, sent }
}

/** Every string reachable from `value` (the adapter's events are plain data and strings). */
function strings(value: unknown, into = new Set<string>(), seen = new WeakSet<object>()) {
  if (typeof value === 'string') into.add(value)
  else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value)
    for (const item of Object.values(value)) strings(item, into, seen)
  }
  return into
}

/** `@statelyai/inspect` converts XState's events on a timer (an idle callback): let it run. */
const flushed = () => new Promise((resolve) => setTimeout(resolve, 20))

/** A session with its account flows, both inspected by `inspect`. */
function inspectedSession(inspect: ShopperInspector) {
  harness = createSessionHarness({ lockout: { maxAttempts: 10 } })
  const { emulator } = harness
  const session = sessionWithFlows(harness.session({ inspect }), {
    passwordReset: emulatorResetPort(emulator),
    inspect,
  })
  return { emulator, session }
}

describe('redactedInspector with @statelyai/inspect', () => {
  it('sends no token, code or password through a session and the account flows', async () => {
    const { inspector, sent } = memoryInspector()
    const { emulator, session } = inspectedSession(redactedInspector(inspector))
    const { held, resetToken, waiting } = await runEveryFlow(session, emulator)
    await flushed()

    const secrets = [...emulator.control.secrets(), ...held, ...Object.values(TYPED), resetToken]
    const shown = [...strings(sent)]
    const leaked = secrets.filter((value) => shown.some((text) => text.includes(value)))
    expect(leaked.map(describeSecret)).toEqual([])
    // It saw the run, with the secrets blanked and the rest readable.
    const types = new Set(sent.map((event) => event.type))
    expect([...types].sort()).toEqual(['@xstate.actor', '@xstate.event', '@xstate.snapshot'])
    expect(sent.length).toBeGreaterThan(100)
    expect(shown).toContain('[redacted]')
    expect(shown).toContain(NEW_LOGIN)
    const definitions = sent.flatMap((event) => ('definition' in event ? [event.definition] : []))
    expect(definitions.some((definition) => definition?.includes('"id":"session"'))).toBe(true)
    waiting.stop()
  }, 20_000)

  it('sends access tokens through unsafeRawInspector (the search above can fail)', async () => {
    const { inspector, sent } = memoryInspector()
    const { emulator, session } = inspectedSession(unsafeRawInspector(inspector))
    const [ada] = emulator.settings.shoppers
    if (!ada) throw new Error('a seeded shopper')
    await session.login(ada.login, ada.password)
    const accessToken = session.getTokens()?.accessToken ?? 'none'
    await flushed()
    const shown = [...strings(sent)]
    expect(shown.some((text) => text.includes(accessToken))).toBe(true)
  }, 10_000)
})
