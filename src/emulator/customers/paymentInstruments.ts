/**
 * Customer payment instruments: create from a `CustomerPaymentInstrumentRequest` (card number →
 * `maskedNumber` + `numberLastDigits`, gift certificate code → masked; the full values are never
 * stored or answered), get, delete, and update, which may change only `default` and the card's
 * expiration (anything else: 400 Unsupported Fields). One instrument is default.
 *
 * @module
 */
import { json } from '../http.ts'
import { randomString } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { isObject, readJsonObject } from './body.ts'
import type { CustomerRecord, PaymentInstrumentRecord } from './model.ts'
import { type EntryLookup, ownEntry, readBodyAnd } from './owned.ts'
import { notFound, unsupportedFields } from './problems.ts'
import {
  checkPaymentRequest,
  EXPIRATION_RULES,
  storedBankAccount,
  storedCard,
} from './paymentRequest.ts'
import { masked, paymentInstrumentView } from './paymentView.ts'
import { customerRecord, isoTime, touch } from './store.ts'
import { customAttributes, type FieldRules, firstInvalid, invalidField } from './validate.ts'

function instrumentNotFound(paymentInstrumentId: string): Response {
  const detail = `No payment instrument with ID '${paymentInstrumentId}' could be found.`
  return notFound(detail, { paymentInstrumentId })
}

function find(record: CustomerRecord, id: string): PaymentInstrumentRecord | undefined {
  return record.paymentInstruments.find((p) => p.paymentInstrumentId === id)
}

const INSTRUMENT: EntryLookup<PaymentInstrumentRecord> = {
  param: 'paymentInstrumentId',
  find,
  notFound: instrumentNotFound,
}

function keepOneDefault(record: CustomerRecord, chosen: PaymentInstrumentRecord): void {
  if (!chosen.default) return
  for (const other of record.paymentInstruments) if (other !== chosen) other.default = false
}

/** createCustomerPaymentInstrument. */
export async function createCustomerPaymentInstrument(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const request = body.value
  const problem = checkPaymentRequest(request)
  if (problem) return problem
  const { paymentCard, paymentBankAccount, giftCertificateCode } = request

  const record = customerRecord(ctx.core, caller.customerId)
  const now = isoTime(ctx.core.clock.now())
  const instrument: PaymentInstrumentRecord = {
    ...customAttributes(request),
    paymentInstrumentId: randomString(26),
    default: request.default === true,
    creationDate: now,
    lastModified: now,
  }
  const methodId = request.paymentMethodId ?? (isObject(paymentCard) ? 'CREDIT_CARD' : undefined)
  if (typeof methodId === 'string') instrument.paymentMethodId = methodId
  if (typeof request.bankRoutingNumber === 'string') {
    instrument.bankRoutingNumber = request.bankRoutingNumber
  }
  if (typeof giftCertificateCode === 'string' && giftCertificateCode !== '') {
    instrument.maskedGiftCertificateCode = masked(giftCertificateCode, 3)
  }
  if (isObject(paymentCard)) instrument.paymentCard = storedCard(paymentCard)
  if (isObject(paymentBankAccount)) {
    instrument.paymentBankAccount = storedBankAccount(paymentBankAccount)
  }
  record.paymentInstruments.push(instrument)
  keepOneDefault(record, instrument)
  touch(ctx.core, record)
  return json(200, paymentInstrumentView(ctx.core, instrument))
}

/** getCustomerPaymentInstrument. */
export function getCustomerPaymentInstrument(ctx: RequestContext, caller: ShopperCaller): Response {
  const found = ownEntry(ctx, caller, INSTRUMENT)
  return found.ok ? json(200, paymentInstrumentView(ctx.core, found.value.entry)) : found.response
}

/** deleteCustomerPaymentInstrument. */
export function deleteCustomerPaymentInstrument(
  ctx: RequestContext,
  caller: ShopperCaller,
): Response {
  const found = ownEntry(ctx, caller, INSTRUMENT)
  if (!found.ok) return found.response
  const { record, entry: instrument } = found.value
  record.paymentInstruments = record.paymentInstruments.filter((p) => p !== instrument)
  touch(ctx.core, record)
  return new Response(null, { status: 204 })
}

const UPDATE_RULES: FieldRules = { default: { type: 'boolean' }, paymentCard: { type: 'object' } }

/** updateCustomerPaymentInstrument: only `default` and the card expiration may change. */
export async function updateCustomerPaymentInstrument(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const input = await readBodyAnd(ctx, () => ownEntry(ctx, caller, INSTRUMENT))
  if (!input.ok) return input.response
  const [request, { record, entry: instrument }] = input.value
  if (Object.keys(request).some((key) => !Object.hasOwn(UPDATE_RULES, key))) {
    return unsupportedFields()
  }
  const bad = firstInvalid(request, UPDATE_RULES)
  if (bad !== undefined) return invalidField(bad)
  const card = isObject(request.paymentCard) ? request.paymentCard : undefined
  if (card) {
    if (Object.keys(card).some((key) => !Object.hasOwn(EXPIRATION_RULES, key))) {
      return unsupportedFields()
    }
    if (!isObject(instrument.paymentCard)) return unsupportedFields()
    const wrong = firstInvalid(card, EXPIRATION_RULES)
    if (wrong !== undefined) return invalidField(`paymentCard.${wrong}`)
  }

  if (typeof request.default === 'boolean') instrument.default = request.default
  if (card && isObject(instrument.paymentCard)) {
    const stored = { ...instrument.paymentCard }
    for (const key of Object.keys(EXPIRATION_RULES)) {
      if (typeof card[key] === 'number') stored[key] = card[key]
    }
    instrument.paymentCard = stored
  }
  instrument.lastModified = isoTime(ctx.core.clock.now())
  keepOneDefault(record, instrument)
  touch(ctx.core, record)
  return json(200, paymentInstrumentView(ctx.core, instrument))
}
