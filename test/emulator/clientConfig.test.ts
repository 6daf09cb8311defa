/**
 * `emulator.clientConfig()`: everything a session needs to run against the emulator, its clock
 * shared, so `control.advanceTime` expires the session's tokens as it does the emulator's.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createShopperSession, type ShopperSession } from '../../src/session.ts'
import { createTestEmulator } from '../support/emulator.ts'

const sessions: ShopperSession[] = []
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.stop()
})

describe('emulator.clientConfig()', () => {
  it('starts a session as it is; advanceTime moves the session clock too', async () => {
    const emulator = createTestEmulator()
    const session = createShopperSession(emulator.clientConfig())
    sessions.push(session)
    const first = await session.getAccessToken()
    emulator.control.advanceTime(31 * 60_000)
    const before = emulator.control.requests('getAccessToken').length
    const next = await session.getAccessToken()
    expect(next).not.toBe(first)
    expect(emulator.control.requests('getAccessToken')).toHaveLength(before + 1)
  })

  it("'private' carries the private client and its secret", () => {
    const emulator = createTestEmulator()
    const config = emulator.clientConfig('private')
    expect(config.clientId).toBe(emulator.settings.clients.private.clientId)
    expect(config.clientSecret).toBe(emulator.settings.clients.private.secret)
    expect(emulator.clientConfig()).not.toHaveProperty('clientSecret')
  })
})
