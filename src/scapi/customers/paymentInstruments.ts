/**
 * Saved payment instruments, and the Salesforce Payments method references.
 *
 * @module
 */
import { jsonBody, noContent, type ScapiOperation } from '../scapiOperation.ts'
import { filled } from '../schemaKit.ts'
import {
  type CustomerParams,
  customersOperation,
  type PaymentInstrumentParams,
  type WithBody,
} from './common.ts'
import {
  type CustomerPaymentInstrument,
  type CustomerPaymentInstrumentRequest,
  CustomerPaymentInstrumentRequestSchema,
  CustomerPaymentInstrumentSchema,
  type CustomerPaymentInstrumentUpdateRequest,
  CustomerPaymentInstrumentUpdateRequestSchema,
  type PaymentMethodReferenceSetupRequest,
  PaymentMethodReferenceSetupRequestSchema,
  type PaymentMethodReferenceSetupResponse,
  PaymentMethodReferenceSetupResponseSchema,
} from './schemas/paymentInstrument.ts'

const INSTRUMENT_ROUTE = '/customers/{customerId}/payment-instruments/{paymentInstrumentId}'

/**
 * POST `/customers/{customerId}/payment-instruments`: saves a card, bank account or gift
 * certificate.
 *
 * @example
 * ```ts
 * await createCustomerPaymentInstrument(config, {
 *   accessToken, customerId, body: { paymentMethodId: 'GIFT_CERTIFICATE', giftCertificateCode },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `createCustomerPaymentInstrument`
 */
export const createCustomerPaymentInstrument: ScapiOperation<
  WithBody<CustomerParams, CustomerPaymentInstrumentRequest>,
  CustomerPaymentInstrument
> = customersOperation(
  'createCustomerPaymentInstrument',
  'POST /customers/{customerId}/payment-instruments',
  {
    body: CustomerPaymentInstrumentRequestSchema,
    response: jsonBody(CustomerPaymentInstrumentSchema),
  },
)

/**
 * GET `/customers/{customerId}/payment-instruments/{paymentInstrumentId}`.
 *
 * @example
 * ```ts
 * const card = await getCustomerPaymentInstrument(config, {
 *   accessToken, customerId, paymentInstrumentId,
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `getCustomerPaymentInstrument`
 */
export const getCustomerPaymentInstrument: ScapiOperation<
  PaymentInstrumentParams,
  CustomerPaymentInstrument
> = customersOperation('getCustomerPaymentInstrument', `GET ${INSTRUMENT_ROUTE}`, {
  response: jsonBody(CustomerPaymentInstrumentSchema),
})

/**
 * PATCH `/customers/{customerId}/payment-instruments/{paymentInstrumentId}`: only `default` and the
 * card's expiry may change; any other field is refused with `bad_request` before sending.
 *
 * @example
 * ```ts
 * await updateCustomerPaymentInstrument(config, {
 *   accessToken, customerId, paymentInstrumentId, body: { default: true },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `updateCustomerPaymentInstrument`
 */
export const updateCustomerPaymentInstrument: ScapiOperation<
  WithBody<PaymentInstrumentParams, CustomerPaymentInstrumentUpdateRequest>,
  CustomerPaymentInstrument
> = customersOperation('updateCustomerPaymentInstrument', `PATCH ${INSTRUMENT_ROUTE}`, {
  body: CustomerPaymentInstrumentUpdateRequestSchema,
  response: jsonBody(CustomerPaymentInstrumentSchema),
})

/**
 * DELETE `/customers/{customerId}/payment-instruments/{paymentInstrumentId}` → 204.
 *
 * @example
 * ```ts
 * await deleteCustomerPaymentInstrument(config, { accessToken, customerId, paymentInstrumentId })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `deleteCustomerPaymentInstrument`
 */
export const deleteCustomerPaymentInstrument: ScapiOperation<PaymentInstrumentParams, void> =
  customersOperation('deleteCustomerPaymentInstrument', `DELETE ${INSTRUMENT_ROUTE}`, {
    response: noContent,
  })

/** Parameters of {@link deleteCustomerPaymentMethodReference}. */
export interface DeleteCustomerPaymentMethodReferenceParams extends CustomerParams {
  paymentMethodReferenceId: string
  /** The Salesforce Payments account the reference belongs to. */
  accountId: string
}

/**
 * DELETE `/customers/{customerId}/payment-method-references/{paymentMethodReferenceId}` → 204
 * (Salesforce Payments).
 *
 * @example
 * ```ts
 * await deleteCustomerPaymentMethodReference(config, {
 *   accessToken, customerId, paymentMethodReferenceId, accountId,
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `deleteCustomerPaymentMethodReference`
 */
export const deleteCustomerPaymentMethodReference: ScapiOperation<
  DeleteCustomerPaymentMethodReferenceParams,
  void
> = customersOperation(
  'deleteCustomerPaymentMethodReference',
  'DELETE /customers/{customerId}/payment-method-references/{paymentMethodReferenceId}',
  { query: { accountId: filled() }, response: noContent },
)

/** Parameters of {@link setupCustomerPaymentMethodReference}. */
export interface SetupCustomerPaymentMethodReferenceParams
  extends WithBody<CustomerParams, PaymentMethodReferenceSetupRequest> {
  /** The Salesforce Payments zone. */
  zoneId: string
}

/**
 * POST `/customers/{customerId}/payment-method-references/actions/setup`: starts saving a payment
 * method with the gateway (Salesforce Payments).
 *
 * @example
 * ```ts
 * const setup = await setupCustomerPaymentMethodReference(config, {
 *   accessToken, customerId, zoneId, body: { gatewayProperties: { stripe: {} } },
 * })
 * ```
 * @see `shopper-customers-oas-v1-public.yaml` operationId `setupCustomerPaymentMethodReference`
 */
export const setupCustomerPaymentMethodReference: ScapiOperation<
  SetupCustomerPaymentMethodReferenceParams,
  PaymentMethodReferenceSetupResponse
> = customersOperation(
  'setupCustomerPaymentMethodReference',
  'POST /customers/{customerId}/payment-method-references/actions/setup',
  {
    query: { zoneId: filled() },
    body: PaymentMethodReferenceSetupRequestSchema,
    response: jsonBody(PaymentMethodReferenceSetupResponseSchema),
  },
)
