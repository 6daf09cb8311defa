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
import { emulatorResetPort, sessionWithFlows, untilTag } from '../../account/support.ts'
import { createStatechartView } from '../../../src/inspect/view.ts'
import { describeSecret } from '../../support/secrets.ts'
import { createSessionHarness, type SessionHarness } from '../../session/harness.ts'
import { lit, logButtons, until } from './support.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => {
  harness?.stopAll()
  document.body.replaceChildren()
})

const TYPED = { reset: 'Res3t-Passw0rd!', changed: 'Chang3d-Passw0rd!' }

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
    const [ada, grace] = emulator.settings.shoppers
    if (!ada || !grace) throw new Error('two seeded shoppers')
    const held = new Set<string>()
    const keep = () => {
      const tokens = session.getTokens()
      if (tokens) held.add(tokens.accessToken).add(tokens.refreshToken)
    }

    await session.ready()
    keep()
    await session.login(ada.login, ada.password)
    keep()
    await session.getAccessToken({ force: true })
    keep()
    await session.logout()
    keep()
    await session.requestPasswordReset(grace.login)
    const token = emulator.control.outbox().at(-1)?.resetToken ?? ''
    await session.resetPassword({
      login: grace.login,
      token,
      newPassword: TYPED.reset,
      loginAfterReset: true,
    })
    keep()
    // SLAS refuses two logins of one shopper within a second: each re-login comes later.
    emulator.control.advanceTime(2_000)
    const newLogin = 'grace.renamed@example.com'
    await session.changeLoginId({ newLogin, currentPassword: TYPED.reset })
    keep()
    emulator.control.advanceTime(2_000)
    await session.changePassword({ currentPassword: TYPED.reset, newPassword: TYPED.changed })
    keep()
    const reset = session.startPasswordReset()
    reset.send({ type: 'request', login: newLogin })
    await untilTag(reset, 'tokenSent')
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

    const secrets = [...emulator.control.secrets(), ...held, ...Object.values(TYPED), token]
    expect(secrets.length).toBeGreaterThan(10)
    const leaked = secrets.filter((value) => pages.some((page) => page.includes(value)))
    expect(leaked.map(describeSecret)).toEqual([])
    // The search looked at real snapshots: redacted tokens, and the rest readable.
    const shown = pages.join('\n')
    expect(shown).toContain('[redacted]')
    expect(shown).toContain(newLogin)
    expect(shown).toContain('"refreshToken": "[redacted]"')
    // The whole run is in the log (nothing left it before the search).
    expect(view.entries()[0]?.seq).toBe(0)
    expect(view.entries().length).toBeGreaterThan(100)
    reset.stop()
  }, 30_000)
})
