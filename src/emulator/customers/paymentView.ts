/**
 * Masking card data and answering stored payment instruments. The full card number never reaches
 * the state: only `maskedNumber` and `numberLastDigits` are kept.
 *
 * @module
 */
import type { EmulatorCore } from '../core.ts'
import type { JsonObject, PaymentInstrumentRecord } from './model.ts'

/** `***…` + the last `keep` characters (the whole value when it is that short). */
export function masked(value: string, keep: number): string {
  return value.length <= keep ? value : `${'*'.repeat(value.length - keep)}${value.slice(-keep)}`
}

/** Whether a card expiring at `year`/`month` (1–12) has expired at emulator time `now`. */
export function cardExpired(year: number, month: number, now: number): boolean {
  const date = new Date(now)
  const current = date.getUTCFullYear() * 12 + date.getUTCMonth()
  return year * 12 + (month - 1) < current
}

/** The `CustomerPaymentInstrument` answer, with `creditCardExpired` as of now. */
export function paymentInstrumentView(
  core: EmulatorCore,
  record: PaymentInstrumentRecord,
): JsonObject {
  const card = record.paymentCard
  if (typeof card !== 'object' || card === null) return { ...record }
  const { expirationYear, expirationMonth } = card as JsonObject
  const expired =
    typeof expirationYear === 'number' && typeof expirationMonth === 'number'
      ? cardExpired(expirationYear, expirationMonth, core.clock.now())
      : false
  return { ...record, paymentCard: { ...card, creditCardExpired: expired } }
}
