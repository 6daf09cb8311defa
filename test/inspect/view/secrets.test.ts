// @vitest-environment happy-dom
/**
 * The statechart view holds and shows redacted data only. A session logs in, refreshes and logs
 * out, and its account flows run a password reset (with the login after it), a loginId change and
 * a password change, all against the emulator, with two panels mounted (the session and the
 * reset flow) and earlier entries selected so older snapshots are on the page too. Then the whole
 * document and the view's log are searched for every secret the run made: the emulator's tokens,
 * codes, passwords and client secrets, every access and refresh token the session held, and the
 * passwords typed. None may appear, while the snapshots' other data (the new login) does.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { emulatorResetPort, sessionWithFlows } from '../../account/support.ts'
import { createStatechartView } from '../../../src/inspect/view.ts'
import { describeSecret } from '../../support/secrets.ts'
import { createSessionHarness, type SessionHarness } from '../../session/harness.ts'
import { NEW_LOGIN, runEveryFlow, TYPED } from '../everyFlow.ts'
import { lit, logButtons, until } from './support.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => {
  harness?.stopAll()
  document.body.replaceChildren()
})

describe('the statechart view', () => {
  it('shows and keeps no token, code or password of a session and its account flows', async () => {
    const view = createStatechartView()
    harness = createSessionHarness({ lockout: { maxAttempts: 10 } })
    const { emulator } = harness
    const session = sessionWithFlows(harness.session({ inspect: view.inspect }), {
      passwordReset: emulatorResetPort(emulator),
      inspect: view.inspect,
    })
    const sessionPanel = document.body.appendChild(document.createElement('div'))
    const flowPanel = document.body.appendChild(document.createElement('div'))
    view.mount(sessionPanel, { actor: 'session' })
    view.mount(flowPanel, { actor: 'passwordReset' })
    const { held, resetToken, waiting } = await runEveryFlow(session, emulator)
    await until(
      () => lit(flowPanel, 'passwordReset.tokenSent') && lit(sessionPanel, 'session.registered'),
    )

    // Older snapshots on the page too: every log entry of the session panel, one at a time.
    const pages: string[] = []
    for (const button of logButtons(sessionPanel)) {
      button.click()
      pages.push(document.documentElement.outerHTML)
    }
    pages.push(document.documentElement.outerHTML, JSON.stringify(view.entries()))

    const secrets = [...emulator.control.secrets(), ...held, ...Object.values(TYPED), resetToken]
    expect(secrets.length).toBeGreaterThan(10)
    const leaked = secrets.filter((value) => pages.some((page) => page.includes(value)))
    expect(leaked.map(describeSecret)).toEqual([])
    // The search looked at real snapshots: redacted tokens, and the rest readable.
    const shown = pages.join('\n')
    expect(shown).toContain('[redacted]')
    expect(shown).toContain(NEW_LOGIN)
    expect(shown).toContain('"refreshToken": "[redacted]"')
    // The whole run is in the log (nothing left it before the search).
    expect(view.entries()[0]?.seq).toBe(0)
    expect(view.entries().length).toBeGreaterThan(100)
    waiting.stop()
  }, 30_000)
})
