/**
 * Saved payment instruments and Salesforce Payments method references (reference c.4).
 *
 * @module
 */
import * as z from 'zod/mini'
import { optionalBoolean, optionalNumber, optionalString, REQUEST } from '../../schemaKit.ts'

/** A masked payment card as the API returns it. */
export const PaymentCardSchema = z.looseObject({
  cardType: optionalString(),
  creditCardExpired: optionalBoolean(),
  creditCardToken: optionalString(),
  expirationMonth: optionalNumber(),
  expirationYear: optionalNumber(),
  holder: optionalString(),
  issueNumber: optionalString(),
  maskedNumber: optionalString(),
  numberLastDigits: optionalString(),
  validFromMonth: optionalNumber(),
  validFromYear: optionalNumber(),
})

/** A masked payment card. */
export type PaymentCard = z.infer<typeof PaymentCardSchema>

/**
 * A saved payment instrument as the API returns it.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerPaymentInstrument
 */
export const CustomerPaymentInstrumentSchema = z.looseObject({
  bankRoutingNumber: optionalString(),
  creationDate: optionalString(),
  lastModified: optionalString(),
  maskedGiftCertificateCode: optionalString(),
  paymentCard: z.optional(PaymentCardSchema),
  paymentInstrumentId: optionalString(),
  paymentMethodId: optionalString(),
  default: optionalBoolean(),
})

/** A saved payment instrument. */
export type CustomerPaymentInstrument = z.infer<typeof CustomerPaymentInstrumentSchema>

/**
 * A Salesforce Payments method reference (read only).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerPaymentMethodReference
 */
export const CustomerPaymentMethodReferenceSchema = z.looseObject({
  type: z.optional(z.enum(['card', 'sepa_debit'])),
  id: optionalString(),
  last4: optionalString(),
  accountId: optionalString(),
})

/** A Salesforce Payments method reference. */
export type CustomerPaymentMethodReference = z.infer<typeof CustomerPaymentMethodReferenceSchema>

const bounded = REQUEST.id
const month = () => z.int().check(z.gte(1), z.lte(12))

/**
 * The body of createCustomerPaymentInstrument.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerPaymentInstrumentRequest
 */
export const CustomerPaymentInstrumentRequestSchema = z.looseObject({
  bankRoutingNumber: z.optional(z.string().check(z.maxLength(256))),
  giftCertificateCode: z.optional(z.string().check(z.maxLength(256))),
  paymentBankAccount: z.optional(
    z.looseObject({
      driversLicense: bounded(256),
      driversLicenseStateCode: bounded(256),
      holder: bounded(256),
      number: bounded(256),
    }),
  ),
  paymentCard: z.optional(
    z.looseObject({
      cardType: bounded(256),
      creditCardToken: z.optional(z.string()),
      expirationMonth: month(),
      expirationYear: z.int(),
      holder: bounded(256),
      // Required but may be empty: the spec sets no minLength, and cards without an issue
      // number are sent with `''` (the emulator and apps do so).
      issueNumber: z.string().check(z.maxLength(256)),
      number: bounded(4000),
      validFromMonth: month(),
      validFromYear: z.int(),
    }),
  ),
  paymentMethodId: z.optional(z.string().check(z.maxLength(256))),
  default: optionalBoolean(),
})

/** The body of createCustomerPaymentInstrument. */
export type CustomerPaymentInstrumentRequest = z.input<
  typeof CustomerPaymentInstrumentRequestSchema
>

/**
 * The body of updateCustomerPaymentInstrument. Strict: the API answers any other field with 400
 * "Unsupported Fields", so it is caught before sending.
 *
 * @see `shopper-customers-oas-v1-public.yaml`
 *   components.schemas.CustomerPaymentInstrumentUpdateRequest
 */
export const CustomerPaymentInstrumentUpdateRequestSchema = z.strictObject({
  default: optionalBoolean(),
  paymentCard: z.optional(
    z.strictObject({ expirationMonth: z.optional(month()), expirationYear: z.optional(z.int()) }),
  ),
})

/** The body of updateCustomerPaymentInstrument. */
export type CustomerPaymentInstrumentUpdateRequest = z.input<
  typeof CustomerPaymentInstrumentUpdateRequestSchema
>

/**
 * The body of setupCustomerPaymentMethodReference (Salesforce Payments).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PaymentMethodReferenceSetupRequest
 */
export const PaymentMethodReferenceSetupRequestSchema = z.looseObject({
  paymentMethodType: z.optional(z.string().check(z.maxLength(256))),
  gatewayProperties: z.looseObject({
    stripe: z.optional(z.record(z.string(), z.unknown())),
    adyen: z.optional(z.record(z.string(), z.unknown())),
  }),
})

/** The body of setupCustomerPaymentMethodReference. */
export type PaymentMethodReferenceSetupRequest = z.input<
  typeof PaymentMethodReferenceSetupRequestSchema
>

/**
 * The answer of setupCustomerPaymentMethodReference.
 *
 * @see `shopper-customers-oas-v1-public.yaml`
 *   components.schemas.PaymentMethodReferenceSetupResponse
 */
export const PaymentMethodReferenceSetupResponseSchema = z.looseObject({
  paymentMethodReferenceSetupId: z.string(),
  gatewayProperties: z.optional(z.looseObject({})),
})

/** The answer of setupCustomerPaymentMethodReference. */
export type PaymentMethodReferenceSetupResponse = z.infer<
  typeof PaymentMethodReferenceSetupResponseSchema
>
