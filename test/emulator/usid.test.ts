import { describe, expect, it } from 'vitest'
import { createTestEmulator } from '../support/emulator.ts'
import {
  claims,
  FIXED_CLOCK,
  loginGuest,
  loginGuestPrivate,
  loginRegistered,
  refresh,
  tokens,
} from './helpers.ts'

function gcid(accessToken: string): string {
  return /::gcid:([A-Za-z0-9]{26})::/.exec(String(claims(accessToken).isb))?.[1] ?? ''
}

describe('usid continuity', () => {
  it('guest → registered keeps the usid and carries the guest customer id', async () => {
    const emulator = createTestEmulator()
    const guest = await loginGuest(emulator)
    const registered = await loginRegistered(emulator, { usid: guest.usid })
    expect(registered.usid).toBe(guest.usid)
    expect(gcid(registered.access_token)).toBe(guest.customer_id)
    expect(registered.customer_id).toBe(emulator.settings.shoppers[0]!.customerId)
    expect(String(claims(registered.access_token).sub)).toMatch(new RegExp(`::usid:${guest.usid}$`))
  })

  it('a guest re-authorizing with a live usid keeps the same customer', async () => {
    const emulator = createTestEmulator()
    const first = await loginGuest(emulator)
    const again = await loginGuest(emulator, { usid: first.usid })
    expect(again.usid).toBe(first.usid)
    expect(again.customer_id).toBe(first.customer_id)
    const privateGuest = await loginGuestPrivate(emulator, { usid: first.usid })
    expect(privateGuest.customer_id).toBe(first.customer_id)
  })

  it('once no refresh token of the usid is alive, a fresh guest customer under the same usid', async () => {
    const emulator = createTestEmulator(FIXED_CLOCK)
    const first = await loginGuest(emulator)
    emulator.control.advanceTime(30 * 86400_000)
    const again = await loginGuest(emulator, { usid: first.usid })
    expect(again.usid).toBe(first.usid)
    expect(again.customer_id).not.toBe(first.customer_id)
  })

  it('refresh keeps usid and customer ids; without a usid every login gets a new one', async () => {
    const emulator = createTestEmulator()
    const a = await loginGuest(emulator)
    const b = await loginGuest(emulator)
    expect(a.usid).not.toBe(b.usid)
    expect(a.customer_id).not.toBe(b.customer_id)
    const registered = await loginRegistered(emulator, { usid: a.usid })
    const refreshed = await tokens(await refresh(emulator, registered.refresh_token))
    expect(refreshed.usid).toBe(a.usid)
    expect(refreshed.customer_id).toBe(registered.customer_id)
    expect(gcid(refreshed.access_token)).toBe(a.customer_id)
  })
})
