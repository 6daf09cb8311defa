/**
 * Salesforce Payments payment method references: `actions/setup` and delete. The emulator has no
 * payment gateway: a setup answers a made-up setup id and immediately records a confirmed reference
 * (Stripe test card `4242`, or a SEPA debit ending `3000`), so apps can show and delete references
 * offline.
 *
 * @module
 */
import { json } from '../http.ts'
import { randomString } from '../ids.ts'
import type { RequestContext } from '../router.ts'
import type { ShopperCaller } from './auth.ts'
import { isObject, readJsonObject } from './body.ts'
import type { PaymentMethodReferenceRecord } from './model.ts'
import { badRequest, notFound } from './problems.ts'
import { customerRecord, touch } from './store.ts'
import { firstInvalid, invalidField, text } from './validate.ts'

/** The account id the emulator's references belong to. */
export const EMULATOR_PAYMENTS_ACCOUNT = 'acct_emulator'

/** A single query parameter of 1–`max` characters. */
function queryParam(query: URLSearchParams, name: string, max: number): string | undefined {
  const all = query.getAll(name)
  const value = all[0]
  return all.length === 1 && value !== undefined && value !== '' && value.length <= max
    ? value
    : undefined
}

/** setupCustomerPaymentMethodReference. */
export async function setupCustomerPaymentMethodReference(
  ctx: RequestContext,
  caller: ShopperCaller,
): Promise<Response> {
  const zoneId = queryParam(ctx.url.searchParams, 'zoneId', 100)
  if (zoneId === undefined) return badRequest("The query parameter 'zoneId' is required.")
  const body = await readJsonObject(ctx)
  if (!body.ok) return body.response
  const rules = { paymentMethodType: text(256), gatewayProperties: { type: 'object' } } as const
  const bad = firstInvalid(body.value, rules, ['gatewayProperties'])
  if (bad !== undefined) return invalidField(bad)
  const gateway = body.value.gatewayProperties as Record<string, unknown>
  const gateways = Object.keys(gateway)
  // The spec allows exactly the `stripe` and `adyen` members (additionalProperties: false).
  if (
    gateways.length !== 1 ||
    !gateways.every((name) => (name === 'stripe' || name === 'adyen') && isObject(gateway[name]))
  ) {
    return invalidField('gatewayProperties')
  }
  const sepa = body.value.paymentMethodType === 'sepa_debit'
  const reference: PaymentMethodReferenceRecord = {
    type: sepa ? 'sepa_debit' : 'card',
    id: `pm_${randomString(24)}`,
    last4: sepa ? '3000' : '4242',
    accountId: EMULATOR_PAYMENTS_ACCOUNT,
  }
  const record = customerRecord(ctx.core, caller.customerId)
  record.paymentMethodReferences.push(reference)
  touch(ctx.core, record)
  return json(200, {
    paymentMethodReferenceSetupId: `seti_${randomString(24)}`,
    gatewayProperties: { [gateways[0] ?? 'stripe']: {} },
  })
}

/** deleteCustomerPaymentMethodReference. */
export function deleteCustomerPaymentMethodReference(
  ctx: RequestContext,
  caller: ShopperCaller,
): Response {
  const accountId = queryParam(ctx.url.searchParams, 'accountId', 256)
  if (accountId === undefined) return badRequest("The query parameter 'accountId' is required.")
  const id = ctx.params.paymentMethodReferenceId ?? ''
  const record = customerRecord(ctx.core, caller.customerId)
  const reference = record.paymentMethodReferences.find(
    (r) => r.id === id && r.accountId === accountId,
  )
  if (!reference) {
    const detail = `No payment method reference with ID '${id}' could be found.`
    return notFound(detail, { paymentMethodReferenceId: id })
  }
  record.paymentMethodReferences = record.paymentMethodReferences.filter((r) => r !== reference)
  touch(ctx.core, record)
  return new Response(null, { status: 204 })
}
