/**
 * The reset flow end to end in Node: `createAccountFlows` with `createPasswordResetClient` talking
 * to `createPasswordResetHandler(createPasswordResetService(...))` in-process, the service talking
 * to the emulator. The codes the flow branches on survive the extra hop.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createPasswordResetClient } from '../../src/account.ts'
import { createPasswordResetHandler, createPasswordResetService } from '../../src/server/index.ts'
import { createSessionHarness, seededShopper } from '../session/harness.ts'
import { leaks, mailedToken, recordSnapshots, sessionWithFlows, untilTag } from './support.ts'
import { secret } from '../../src/secret.ts'

let harness: ReturnType<typeof createSessionHarness>
afterEach(() => harness?.stopAll())

const NEW_PASSWORD = 'Wir3d-Passw0rd!'
const ENDPOINT = 'http://shop.local/api/password-reset'

function setup() {
  harness = createSessionHarness()
  const { baseUrl, organizationId, siteIds, accountManager } = harness.emulator.settings
  const service = createPasswordResetService({
    baseUrl,
    organizationId,
    siteId: siteIds[0] ?? 'RefArch',
    fetch: harness.emulator.fetch,
    accountManager: {
      baseUrl,
      clientId: accountManager.clientId,
      clientSecret: accountManager.secret,
    },
    // The emulator's outbox already holds every token: the test reads the "mail" there.
    deliverToken: () => undefined,
    rateLimit: false,
  })
  const handler = createPasswordResetHandler(service, { logger: null })
  const client = createPasswordResetClient({
    endpoint: ENDPOINT,
    fetch: (input, init) => handler(new Request(input, init)),
  })
  return sessionWithFlows(harness.session(), { passwordReset: client })
}

describe('resetPassword through the reset endpoint', () => {
  it('request → link → new password → logged in', async () => {
    const session = setup()
    await session.ready()
    const ada = seededShopper(harness)
    const reset = session.startPasswordReset({ loginAfterReset: true })
    const seen = recordSnapshots(reset)
    reset.send({ type: 'request', login: ada.login })
    await untilTag(reset, 'tokenSent')
    const token = mailedToken(harness.emulator, ada.login)
    reset.send({ type: 'link.opened', token: secret(token) })
    reset.send({ type: 'submit', newPassword: secret('tiny') })
    expect((await untilTag(reset, 'error')).context.error?.code).toBe('weak_password')
    reset.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    expect((await untilTag(reset, 'done')).output?.loggedIn).toBe(true)
    expect(session.getSnapshot().hasTag('registered')).toBe(true)
    expect(leaks(seen, [token, NEW_PASSWORD])).toBe(false)
  })

  it('an unknown login and a wrong token keep their codes across the endpoint', async () => {
    const session = setup()
    await session.ready()
    const reset = session.startPasswordReset()
    reset.send({ type: 'request', login: 'nobody@example.com' })
    expect((await untilTag(reset, 'error')).context.error?.code).toBe('not_found')
    const login = seededShopper(harness).login
    const link = session.startPasswordReset({ login, token: 'not-a-token' })
    link.send({ type: 'submit', newPassword: secret(NEW_PASSWORD) })
    expect((await untilTag(link, 'linkInvalid')).context.error?.code).toBe('invalid_reset_token')
  })
})
