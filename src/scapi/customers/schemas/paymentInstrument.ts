/**
 * Saved payment instruments and Salesforce Payments method references.
 *
 * @module
 */
import * as z from 'zod/mini'
import {
  type CustomAttributes,
  looseModel,
  optionalBoolean,
  optionalNumber,
  optionalString,
  REQUEST,
  strictModel,
  type UncheckedObject,
} from '../../schemaKit.ts'

/**
 * A saved payment card, masked: never the full number.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PaymentCard
 */
export interface PaymentCard {
  /** E.g. `Visa`. */
  cardType?: string
  creditCardExpired?: boolean
  creditCardToken?: string
  /** 1 to 12. */
  expirationMonth?: number
  expirationYear?: number
  holder?: string
  issueNumber?: string
  /** E.g. `************1111`. */
  maskedNumber?: string
  numberLastDigits?: string
  validFromMonth?: number
  validFromYear?: number
}

/** A masked payment card as the API returns it. */
export const PaymentCardSchema = looseModel<PaymentCard>()({
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

/**
 * A saved payment instrument: a masked card, a bank account or a gift certificate.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerPaymentInstrument
 */
export interface CustomerPaymentInstrument extends CustomAttributes {
  bankRoutingNumber?: string
  creationDate?: string
  lastModified?: string
  maskedGiftCertificateCode?: string
  paymentCard?: PaymentCard
  paymentInstrumentId?: string
  /** E.g. `CREDIT_CARD`, `GIFT_CERTIFICATE`. */
  paymentMethodId?: string
  /** The customer's default instrument. */
  default?: boolean
}

/** A saved payment instrument as the API returns it. */
export const CustomerPaymentInstrumentSchema = looseModel<CustomerPaymentInstrument>()({
  bankRoutingNumber: optionalString(),
  creationDate: optionalString(),
  lastModified: optionalString(),
  maskedGiftCertificateCode: optionalString(),
  paymentCard: z.optional(PaymentCardSchema),
  paymentInstrumentId: optionalString(),
  paymentMethodId: optionalString(),
  default: optionalBoolean(),
})

/**
 * A Salesforce Payments method reference (read only).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerPaymentMethodReference
 */
export interface CustomerPaymentMethodReference {
  type?: 'card' | 'sepa_debit'
  id?: string
  last4?: string
  accountId?: string
}

/** A Salesforce Payments method reference as the API returns it. */
export const CustomerPaymentMethodReferenceSchema = looseModel<CustomerPaymentMethodReference>()({
  type: z.optional(z.enum(['card', 'sepa_debit'])),
  id: optionalString(),
  last4: optionalString(),
  accountId: optionalString(),
})

const bounded = REQUEST.id
const month = () => z.int().check(z.gte(1), z.lte(12))

/**
 * A bank account to save (all fields 1..256 characters).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PaymentBankAccountRequest
 */
export interface PaymentBankAccountRequest {
  driversLicense: string
  driversLicenseStateCode: string
  holder: string
  number: string
}

/**
 * A card to save. `issueNumber` is required but may be `''`.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerPaymentCardRequest
 */
export interface CustomerPaymentCardRequest {
  cardType: string
  creditCardToken?: string
  /** An integer, 1 to 12. */
  expirationMonth: number
  /** An integer. */
  expirationYear: number
  holder: string
  issueNumber: string
  /** The full card number (at most 4000 characters). */
  number: string
  /** An integer, 1 to 12. */
  validFromMonth: number
  /** An integer. */
  validFromYear: number
}

/**
 * The body of createCustomerPaymentInstrument: a card, a bank account or a gift certificate code.
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.CustomerPaymentInstrumentRequest
 */
export interface CustomerPaymentInstrumentRequest extends CustomAttributes {
  bankRoutingNumber?: string
  giftCertificateCode?: string
  paymentBankAccount?: PaymentBankAccountRequest
  paymentCard?: CustomerPaymentCardRequest
  /** E.g. `CREDIT_CARD`, `GIFT_CERTIFICATE`. */
  paymentMethodId?: string
  /** Make it the customer's default instrument. */
  default?: boolean
}

/** The body of createCustomerPaymentInstrument, with the spec's limits. */
export const CustomerPaymentInstrumentRequestSchema = looseModel<
  CustomerPaymentInstrumentRequest
>()({
  bankRoutingNumber: z.optional(z.string().check(z.maxLength(256))),
  giftCertificateCode: z.optional(z.string().check(z.maxLength(256))),
  paymentBankAccount: z.optional(
    looseModel<PaymentBankAccountRequest>()({
      driversLicense: bounded(256),
      driversLicenseStateCode: bounded(256),
      holder: bounded(256),
      number: bounded(256),
    }),
  ),
  paymentCard: z.optional(
    looseModel<CustomerPaymentCardRequest>()({
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

/** The card part of an instrument update: only its expiry changes. */
export interface CustomerPaymentCardUpdateRequest {
  /** An integer, 1 to 12. */
  expirationMonth?: number
  /** An integer. */
  expirationYear?: number
}

/**
 * The body of updateCustomerPaymentInstrument: only the default flag and the card's expiry
 * change. No custom attributes: the API answers any other field with 400 "Unsupported Fields".
 *
 * @see `shopper-customers-oas-v1-public.yaml`
 *   components.schemas.CustomerPaymentInstrumentUpdateRequest
 */
export interface CustomerPaymentInstrumentUpdateRequest {
  default?: boolean
  paymentCard?: CustomerPaymentCardUpdateRequest
}

/**
 * The body of updateCustomerPaymentInstrument. Strict: unknown fields are refused before sending,
 * as the API would answer them with 400.
 */
export const CustomerPaymentInstrumentUpdateRequestSchema =
  strictModel<CustomerPaymentInstrumentUpdateRequest>()({
    default: optionalBoolean(),
    paymentCard: z.optional(
      strictModel<CustomerPaymentCardUpdateRequest>()({
        expirationMonth: z.optional(month()),
        expirationYear: z.optional(z.int()),
      }),
    ),
  })

/**
 * The gateway-specific properties of a payment method reference setup: free-form maps, as each
 * gateway defines them.
 */
export interface PaymentMethodReferenceGatewayProperties {
  stripe?: UncheckedObject
  adyen?: UncheckedObject
}

/**
 * The body of setupCustomerPaymentMethodReference (Salesforce Payments).
 *
 * @see `shopper-customers-oas-v1-public.yaml` components.schemas.PaymentMethodReferenceSetupRequest
 */
export interface PaymentMethodReferenceSetupRequest {
  paymentMethodType?: string
  gatewayProperties: PaymentMethodReferenceGatewayProperties
}

/** The body of setupCustomerPaymentMethodReference, with the spec's limits. */
export const PaymentMethodReferenceSetupRequestSchema =
  looseModel<PaymentMethodReferenceSetupRequest>()({
    paymentMethodType: z.optional(z.string().check(z.maxLength(256))),
    gatewayProperties: looseModel<PaymentMethodReferenceGatewayProperties>()({
      stripe: z.optional(z.record(z.string(), z.unknown())),
      adyen: z.optional(z.record(z.string(), z.unknown())),
    }),
  })

/**
 * The answer of setupCustomerPaymentMethodReference.
 *
 * @see `shopper-customers-oas-v1-public.yaml`
 *   components.schemas.PaymentMethodReferenceSetupResponse
 */
export interface PaymentMethodReferenceSetupResponse {
  paymentMethodReferenceSetupId: string
  /** What the gateway needs next (e.g. a Stripe client secret); free-form. */
  gatewayProperties?: UncheckedObject
}

/** The answer of setupCustomerPaymentMethodReference as the API returns it. */
export const PaymentMethodReferenceSetupResponseSchema =
  looseModel<PaymentMethodReferenceSetupResponse>()({
    paymentMethodReferenceSetupId: z.string(),
    gatewayProperties: z.optional(z.looseObject({})),
  })
