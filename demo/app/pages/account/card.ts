/**
 * What the card form checks before sending a card: the number's brand and checksum, the expiry.
 * The shop (here the emulator) keeps only the masked number; a real shop sends cards to its
 * payment provider and saves the token it gets back.
 *
 * @module
 */

/** A card the emulator accepts: a network's public test number, never a real card. */
export interface TestCard {
  brand: string
  number: string
}

/** Public test numbers (they pass the checksum; no bank issues them). */
export const TEST_CARDS: readonly TestCard[] = [
  { brand: 'Visa', number: '4111 1111 1111 1111' },
  { brand: 'Mastercard', number: '5555 5555 5555 4444' },
  { brand: 'American Express', number: '3782 822463 10005' },
]

const BRANDS: readonly { brand: string; pattern: RegExp }[] = [
  { brand: 'Visa', pattern: /^4\d{12}(\d{3}){0,2}$/ },
  { brand: 'Mastercard', pattern: /^(5[1-5]\d{2}|2[2-7]\d{2})\d{12}$/ },
  { brand: 'American Express', pattern: /^3[47]\d{13}$/ },
  { brand: 'Discover', pattern: /^6(011|5\d{2})\d{12,15}$/ },
]

/** The digits of a card number as typed (spaces and dashes dropped). */
export function cardDigits(typed: string): string {
  return typed.replace(/[\s-]/g, '')
}

/** The card's brand (`Visa`, …), or `undefined` for a number the shop does not take. */
export function cardBrand(digits: string): string | undefined {
  return BRANDS.find(({ pattern }) => pattern.test(digits))?.brand
}

/** Whether the number passes the Luhn checksum every card number carries (catches typos). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** What is wrong with a typed card number, in the shopper's words; `undefined` when nothing. */
export function cardNumberProblem(typed: string): string | undefined {
  const digits = cardDigits(typed)
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) {
    return "That doesn't look like a card number. Check the digits."
  }
  if (cardBrand(digits) === undefined) {
    return 'We take Visa, Mastercard, American Express and Discover.'
  }
  return undefined
}

/** Whether a card expiring at the end of `month`/`year` has expired at `now`. */
export function expired(month: number, year: number, now: Date): boolean {
  return year * 12 + month < now.getFullYear() * 12 + now.getMonth() + 1
}
