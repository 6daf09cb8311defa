/**
 * The Shopper Customers part of `emulator.control`: the outbox of password reset tokens (what the
 * app would e-mail) and seeding a customer's orders (the emulator has no checkout).
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import type { EmulatorState } from '../state.ts'
import { isObject } from './body.ts'

/** One issued password reset token, as an e-mail outbox shows it. */
export interface OutboxEntry {
  login: string
  email: string
  resetToken: string
  /** Emulator time (epoch ms). */
  issuedAt: number
  expiresAt: number
}

/** Every reset token issued since the last reset, oldest first (used or not). */
export function outbox(state: EmulatorState): OutboxEntry[] {
  return Array.from(state.resetTokens.values(), (record) => ({
    login: record.login,
    email: record.email,
    resetToken: record.resetToken,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
  }))
}

/** Appends `orders` (any `Order` JSON objects, copied) to the orders of `customerId`. */
export function seedOrders(
  core: EmulatorCore,
  customerId: string,
  orders: readonly object[],
): void {
  if (customerId === '') throw new TypeError('seedOrders: customerId must not be empty')
  const copies = orders.map((order) => {
    if (!isObject(order)) throw new TypeError('seedOrders: each order must be a JSON object')
    return structuredClone(order)
  })
  const known = core.state.orders.get(customerId) ?? []
  core.state.orders.set(customerId, [...known, ...copies])
}
