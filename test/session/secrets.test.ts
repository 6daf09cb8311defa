/**
 * No secret in any event, snapshot or inspection stream. An XState inspector is attached to the
 * session and to every account flow, and every flow of the session's path tests is run for real
 * against the emulator: guest start, login (right and wrong password), basket transfer,
 * registration, logout, a refused refresh (reauthRequired), transient refresh failures; then the
 * password reset (request, link, weak and good password, login after the reset), the loginId
 * change (wrong, then right current password) and the password change. Everything the inspector
 * received, and `getPersistedSnapshot()` at every step, is searched for every secret: the
 * emulator's passwords, codes, reset tokens and client secrets, the passwords typed, and the PKCE
 * verifiers and codes seen on the wire. The inspector is the raw one (`unsafeRawInspector`): what
 * is proved here holds before any redaction. Access and refresh tokens are allowed: the session
 * keeps them in context by design (`redactedInspector` hides them; test/inspect/ proves it).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { AnyActorRef, InspectionEvent } from 'xstate'
import { sessionWithFlows } from '../account/support.ts'
import { unsafeRawInspector } from '../../src/inspect.ts'
import { secret } from '../../src/secret.ts'
import { emulatorResetPort, mailedToken, untilTag } from '../account/support.ts'
import { expectCode } from '../support/expectError.ts'
import { describeSecret } from '../support/secrets.ts'
import { createSessionHarness, type SessionHarness } from './harness.ts'

let harness: (SessionHarness & { stopAll(): void }) | undefined
afterEach(() => harness?.stopAll())

const TYPED = {
  wrong: 'Not-the-Pa55word!',
  weak: 'tiny-weak',
  reset: 'Res3t-Passw0rd!',
  registration: 'Fresh-Pa55word!',
  changed: 'Chang3d-Passw0rd!',
}

/** Every string reachable from `value`, actors read through their snapshots. */
function collectStrings(value: unknown, into: Set<string>, seen = new WeakSet<object>()): void {
  if (typeof value === 'string') {
    into.add(value)
    return
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return
  seen.add(value)
  const record = value as Record<PropertyKey, unknown>
  if (typeof record.getSnapshot === 'function' && typeof record.sessionId === 'string') {
    // An actor still initializing has no snapshot yet; its snapshot events come later.
    let snapshot: unknown
    try {
      snapshot = (value as AnyActorRef).getSnapshot()
    } catch {
      return
    }
    collectStrings(snapshot, into, seen)
    return
  }
  // Machine definitions (state nodes) hold configuration, not run-time data.
  if ('__xstatenode' in record) return
  if (value instanceof Map || value instanceof Set) {
    for (const entry of value) collectStrings(entry, into, seen)
    return
  }
  for (const key of Reflect.ownKeys(value)) {
    if (key === 'machine') continue
    const item = record[key]
    if (typeof item !== 'function') collectStrings(item, into, seen)
  }
}

/** An inspector that keeps every string it is shown, plus persisted snapshots of the root. */
function inspector(seen: Set<string>) {
  return (event: InspectionEvent) => {
    collectStrings(event, seen)
    if (event.type === '@xstate.snapshot') {
      const persisted = (
        event.actorRef as { getPersistedSnapshot?: () => unknown }
      ).getPersistedSnapshot?.()
      collectStrings(persisted, seen)
      seen.add(JSON.stringify(persisted))
    }
  }
}

/** Records PKCE verifiers and authorization codes as they cross the wire. */
function wireRecorder(fetchFn: typeof fetch, found: Set<string>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const body = await request.clone().text()
    for (const name of ['code', 'code_verifier']) {
      const value = new URLSearchParams(body).get(name)
      if (value) found.add(value)
    }
    const response = await fetchFn(request)
    const location = response.headers.get('location') ?? ''
    const code = location && new URL(location, 'http://x').searchParams.get('code')
    if (code) found.add(code)
    if (response.redirected) {
      const followed = new URL(response.url).searchParams.get('code')
      if (followed) found.add(followed)
    }
    return response
  }
}

describe('no secret in any event, snapshot or inspection stream', () => {
  it('every flow of the session and of the account flows, inspected and persisted', async () => {
    harness = createSessionHarness({ lockout: { maxAttempts: 10 } })
    const { emulator } = harness
    const seen = new Set<string>()
    const wire = new Set<string>()
    const inspect = unsafeRawInspector(inspector(seen))
    const [ada, grace] = emulator.settings.shoppers
    if (!ada || !grace) throw new Error('two seeded shoppers')
    const session = sessionWithFlows(
      harness.session({ inspect, fetch: wireRecorder(emulator.fetch, wire) }),
      { passwordReset: emulatorResetPort(emulator), inspect },
    )

    // The session: guest, a wrong password, login with the basket, a transient refresh failure,
    // a refused refresh (reauthRequired), registration, logout.
    await session.ready()
    await expectCode(session.login(ada.login, TYPED.wrong), 'invalid_credentials')
    await session.login(ada.login, ada.password)
    emulator.control.failNext('getAccessToken', { status: 503 })
    await session.getAccessToken({ rejected: session.getTokens()?.accessToken ?? '' })
    emulator.control.revokeSessions({ login: ada.login })
    await expectCode(
      session.getAccessToken({ rejected: session.getTokens()?.accessToken ?? '' }),
      'invalid_grant',
    )
    await session.ready()
    const login = 'new.shopper@example.com'
    await session.register({ login, email: login, lastName: 'New' }, TYPED.registration)
    await session.logout()

    // Password reset: request, the link, a weak and a good password, login after the reset.
    const reset = session.startPasswordReset({ loginAfterReset: true })
    reset.send({ type: 'request', login: grace.login })
    await untilTag(reset, 'tokenSent')
    const token = mailedToken(emulator, grace.login)
    reset.send({ type: 'link.opened', token: secret(token) })
    reset.send({ type: 'submit', newPassword: secret(TYPED.weak) })
    await untilTag(reset, 'error')
    reset.send({ type: 'submit', newPassword: secret(TYPED.reset) })
    await untilTag(reset, 'done')
    // The link page: the flow starts from the token in the URL.
    session.startPasswordReset({ login: grace.login, token: 'a-link-token-from-a-url' })

    // SLAS refuses two logins of one shopper within a second: each re-login comes later.
    emulator.control.advanceTime(2_000)
    // LoginId change: a wrong current password, then the right one.
    const change = session.startLoginIdChange()
    change.send({
      type: 'submit',
      newLogin: 'grace.renamed@example.com',
      currentPassword: secret(TYPED.wrong),
    })
    await untilTag(change, 'error')
    change.send({
      type: 'submit',
      newLogin: 'grace.renamed@example.com',
      currentPassword: secret(TYPED.reset),
    })
    await untilTag(change, 'done')

    // Password change.
    emulator.control.advanceTime(2_000)
    await session.changePassword({ currentPassword: TYPED.reset, newPassword: TYPED.changed })
    expect(session.getSnapshot().hasTag('registered')).toBe(true)

    const secrets = [
      ...emulator.control.secrets([
        'clientSecret',
        'password',
        'code',
        'resetToken',
        'accountManagerToken',
      ]),
      ...Object.values(TYPED),
      token,
      'a-link-token-from-a-url',
      ...wire,
    ]
    expect(wire.size).toBeGreaterThan(4) // verifiers and codes were seen on the wire
    expect(seen.size).toBeGreaterThan(100) // the inspector saw the flows
    const text = [...seen]
    const leaked = secrets.filter((value) => text.some((shown) => shown.includes(value)))
    expect(leaked.map(describeSecret)).toEqual([])
  }, 20_000)

  it('the scan sees a secret when one is shown (the test can fail)', () => {
    const seen = new Set<string>()
    collectStrings({ context: { deep: [{ input: { password: TYPED.wrong } }] } }, seen)
    expect([...seen].some((shown) => shown.includes(TYPED.wrong))).toBe(true)
  })
})
