/**
 * The forced-expiry tests of tabs.spec.ts against an emulator in strict reuse mode
 * (`refreshTokenReuse: 'revokeFamily'`): a refresh token spent twice would end the whole token
 * family and log every tab out, so one refresh per expiry is the only way through. Here also:
 * timers of 5 tabs firing together, and the fallbacks (opt-in lease lock, storage events).
 */
import { test } from './fixtures.ts'
import { forcedExpiryTests } from './tabs.ts'

// A worker option: this file runs in a worker whose emulator revokes the family on reuse.
test.use({ emulatorOptions: { refreshTokenReuse: 'revokeFamily' } })

// Independent tests (own context, emulator reset): spread over the workers.
test.describe.configure({ mode: 'parallel' })

test.describe('forced expiry (reused refresh token: the family is revoked)', () => {
  forcedExpiryTests(true)
})
