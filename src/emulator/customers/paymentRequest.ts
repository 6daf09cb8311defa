/**
 * Reading a `CustomerPaymentInstrumentRequest` and turning its card or bank account into what is
 * stored: masked numbers only, never the full values.
 *
 * @module
 */
import { isObject } from './body.ts'
import type { JsonObject } from './model.ts'
import { masked } from './paymentView.ts'
import { badRequest } from './problems.ts'
import { type FieldRules, firstInvalid, invalidField, text } from './validate.ts'

const MONTH = { type: 'integer', min: 1, max: 12 } as const
const YEAR = { type: 'integer', min: 0, max: 9999 } as const

/** `CustomerPaymentInstrumentRequest` fields. */
const REQUEST_RULES: FieldRules = {
  bankRoutingNumber: text(256),
  giftCertificateCode: text(256),
  paymentBankAccount: { type: 'object' },
  paymentCard: { type: 'object' },
  paymentMethodId: text(256),
  default: { type: 'boolean' },
}

/** `CustomerPaymentCardRequest`: every field but `creditCardToken` is required by the spec. */
const CARD_RULES: FieldRules = {
  cardType: text(256),
  creditCardToken: text(4000),
  expirationMonth: MONTH,
  expirationYear: YEAR,
  holder: text(256),
  issueNumber: text(256),
  number: { type: 'string', min: 1, max: 4000 },
  validFromMonth: MONTH,
  validFromYear: YEAR,
}
const CARD_REQUIRED = ['cardType', 'expirationMonth', 'expirationYear', 'holder', 'number']
/** Present, but may be empty (apps send `issueNumber: ''` when the card has none). */
const CARD_PRESENT = ['issueNumber', 'validFromMonth', 'validFromYear']

const BANK_RULES: FieldRules = {
  driversLicense: text(256),
  driversLicenseStateCode: text(256),
  holder: text(256),
  number: text(256),
}
const BANK_REQUIRED = ['driversLicense', 'driversLicenseStateCode', 'holder', 'number']

function checkCard(card: JsonObject): Response | undefined {
  const bad = firstInvalid(card, CARD_RULES, CARD_REQUIRED)
  if (bad !== undefined) return invalidField(`paymentCard.${bad}`)
  const absent = CARD_PRESENT.find((name) => card[name] === undefined || card[name] === null)
  return absent === undefined ? undefined : invalidField(`paymentCard.${absent}`)
}

/** The stored card: masked number, never the number itself. */
export function storedCard(card: JsonObject): JsonObject {
  const digits = (card.number as string).replace(/[\s-]/g, '')
  const stored: JsonObject = {
    cardType: card.cardType,
    expirationMonth: card.expirationMonth,
    expirationYear: card.expirationYear,
    holder: card.holder,
    issueNumber: card.issueNumber,
    maskedNumber: masked(digits, 4),
    numberLastDigits: digits.slice(-4),
    validFromMonth: card.validFromMonth,
    validFromYear: card.validFromYear,
  }
  if (typeof card.creditCardToken === 'string') stored.creditCardToken = card.creditCardToken
  return stored
}

/** The stored bank account: masked number and licence. */
export function storedBankAccount(account: JsonObject): JsonObject {
  const number = account.number as string
  return {
    holder: account.holder,
    maskedNumber: masked(number, 4),
    numberLastDigits: number.slice(-4),
    driversLicenseStateCode: account.driversLicenseStateCode,
    maskedDriversLicense: masked(account.driversLicense as string, 4),
  }
}

/** The first problem of a create request, as its 400; `undefined` when it is good. */
export function checkPaymentRequest(request: JsonObject): Response | undefined {
  const bad = firstInvalid(request, REQUEST_RULES)
  if (bad !== undefined) return invalidField(bad)
  const { paymentCard, paymentBankAccount, giftCertificateCode, paymentMethodId } = request
  if (isObject(paymentCard)) {
    const problem = checkCard(paymentCard)
    if (problem) return problem
  }
  if (isObject(paymentBankAccount)) {
    const wrong = firstInvalid(paymentBankAccount, BANK_RULES, BANK_REQUIRED)
    if (wrong !== undefined) return invalidField(`paymentBankAccount.${wrong}`)
  }
  const hasData = isObject(paymentCard) || isObject(paymentBankAccount) || !!giftCertificateCode
  if (!hasData && (typeof paymentMethodId !== 'string' || paymentMethodId === '')) {
    return badRequest('A payment instrument needs a payment method or payment data.')
  }
  return undefined
}

/** What an update may change on a card: the expiration only. */
export const EXPIRATION_RULES: FieldRules = { expirationMonth: MONTH, expirationYear: YEAR }
