/**
 * State access for Shopper Customers: the shopper behind a customerId, the customer record (made
 * on first use, so seeded shoppers and guests need no set-up), and ISO timestamps in emulator time.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import type { EmulatorState, ShopperRecord } from '../state.ts'
import type { CustomerRecord } from './model.ts'

/** An emulator time (ms) as the ISO date-time the API answers. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString()
}

/** The registered shopper with this customerId. */
export function shopperById(state: EmulatorState, customerId: string): ShopperRecord | undefined {
  for (const shopper of state.shoppers.values()) {
    if (shopper.customerId === customerId) return shopper
  }
  return undefined
}

/** The customer record of `customerId`, created (empty) on first use. */
export function customerRecord(core: EmulatorCore, customerId: string): CustomerRecord {
  const state = core.state
  const known = state.customers.get(customerId)
  if (known) return known
  const now = isoTime(core.clock.now())
  const record: CustomerRecord = {
    customerId,
    creationDate: now,
    lastModified: now,
    profile: {},
    addresses: [],
    paymentInstruments: [],
    paymentMethodReferences: [],
    productLists: [],
    credentialsChangedAt: undefined,
  }
  state.customers.set(customerId, record)
  return record
}

/** Marks the customer record as changed now. */
export function touch(core: EmulatorCore, record: CustomerRecord): string {
  record.lastModified = isoTime(core.clock.now())
  return record.lastModified
}
