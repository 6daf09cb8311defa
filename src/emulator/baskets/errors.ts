/**
 * Shopper Baskets error answers: RFC 7807 `ErrorResponse` bodies with the
 * `https://api.commercecloud.salesforce.com/documentation/error/v1/errors/<slug>` types, served as
 * `application/problem+json`, except the 403/409 of merge and transfer, which the spec declares
 * `application/json`.
 *
 * @module
 */
import { json } from '../http.ts'
import type { ApiErrors } from '../router.ts'
import { type ProblemSpec, SHARED_STATUS_PROBLEMS, statusProblem } from '../scapiModuleErrors.ts'

/** Base of every type URI. */
export const ERROR_TYPE_BASE =
  'https://api.commercecloud.salesforce.com/documentation/error/v1/errors/'

const PROBLEM = 'application/problem+json'
const JSON_TYPE = 'application/json'

/** A problem answer. `extra` adds properties (e.g. `basketIds`); nothing secret goes in. */
export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  options: {
    extra?: Record<string, unknown>
    headers?: Record<string, string>
    contentType?: string
  } = {},
): Response {
  return json(
    status,
    { ...options.extra, type: `${ERROR_TYPE_BASE}${slug}`, title, detail },
    options.headers ?? {},
    options.contentType ?? PROBLEM,
  )
}

/** A refusal of merge or transfer: the spec declares these `application/json`. */
function plainJsonProblem(status: number, slug: string, title: string, detail: string): Response {
  return problem(status, slug, title, detail, { contentType: JSON_TYPE })
}

/** Every basket error the routes answer. */
export const basketErrors = {
  /** Missing, malformed, expired, revoked or unknown bearer token. */
  invalidAccessToken: () =>
    problem(
      401,
      'invalid-access-token',
      'Invalid Access Token',
      'The request is unauthorized, the access token is invalid.',
    ),
  /** The token's `scp` lacks every scope the operation accepts. */
  insufficientScope: () =>
    problem(403, 'forbidden', 'Forbidden', 'The token lacks a scope this operation requires.'),
  badRequest: (detail: string) => problem(400, 'bad-request', 'Bad Request', detail),
  /** CustomerInfoJwtMismatch: the basket belongs to another customer than the token's. */
  invalidCustomer: () => problem(400, 'bad-request', 'Bad Request', 'The customer is invalid.'),
  basketNotFound: (basketId: string) =>
    problem(
      404,
      'basket-not-found',
      'Basket Not Found',
      `No basket with ID '${basketId}' could be found.`,
    ),
  shipmentNotFound: (shipmentId: string) =>
    problem(
      404,
      'shipment-not-found',
      'Shipment Not Found',
      `The shipment with ID '${shipmentId}' is unknown.`,
    ),
  quotaExceeded: (basketIds: readonly string[]) =>
    problem(
      400,
      'customer-baskets-quota-exceeded',
      'Customer Baskets Quota Exceeded',
      `The maximum number of baskets per customer was exceeded. Please reuse or delete one of the existing baskets (${basketIds.join(', ')}).`,
      { extra: { basketIds: basketIds.join(',') } },
    ),
  /** ForbiddenMissingPrevCustomerInfo (merge/transfer without a guest usid in the login). */
  noPreviousCustomer: () =>
    plainJsonProblem(
      403,
      'forbidden',
      'Forbidden',
      'Your access-token is valid, but it contains no previous customer to process this action.',
    ),
  /** SourceBasketException. */
  noSourceBasket: (previousCustomerId: string) =>
    plainJsonProblem(
      409,
      'no-source-basket-exception',
      'Conflict',
      `The previous customer with ID '${previousCustomerId}' has no active basket.`,
    ),
  /** BasketMergeException. */
  noCurrentBasket: (customerId: string) =>
    plainJsonProblem(
      409,
      'basket-merge-no-current-basket-exception',
      'Conflict',
      `The current customer with ID '${customerId}' has no active basket.`,
    ),
  /**
   * BasketTransferException. The title is the one of the project's assumed wire-shape row
   * (`scapi.basketConflict`); the spec's example says `Conflict`.
   */
  basketAlreadyExists: (customerId: string) =>
    plainJsonProblem(
      409,
      'basket-transfer-basket-already-exists-exception',
      'Basket Already Exists',
      `The current customer with ID '${customerId}' has an active basket.`,
    ),
  payloadTooLarge: () =>
    problem(413, 'payload-too-large', 'Payload Too Large', 'The request body exceeds 65536 bytes.'),
}

const GENERIC: Readonly<Record<number, ProblemSpec>> = {
  ...SHARED_STATUS_PROBLEMS,
  403: { slug: 'forbidden', title: 'Forbidden', detail: 'The request is forbidden.' },
  404: {
    slug: 'not-found',
    title: 'Not Found',
    detail: 'The requested resource could not be found.',
  },
  409: {
    slug: 'conflict',
    title: 'Conflict',
    detail: 'The request conflicts with the current state.',
  },
}

const MAINTENANCE: ProblemSpec = {
  slug: 'maintenance',
  title: 'Maintenance',
  detail: 'The system is down for maintenance.',
}

function generic(status: number, headers: Record<string, string> = {}): Response {
  const spec = statusProblem(GENERIC, status, headers, MAINTENANCE)
  return problem(status, spec.slug, spec.title, spec.detail, { headers })
}

/** The module's generic answers (router 404/405, 500, 429, injected faults). */
export const BASKET_API_ERRORS: ApiErrors = {
  notFound: () => generic(404),
  methodNotAllowed: (allow) =>
    problem(405, 'method-not-allowed', 'Method Not Allowed', 'The method is not allowed here.', {
      headers: { allow: allow.join(', ') },
    }),
  internal: () => generic(500),
  rateLimited: (seconds) => generic(429, { 'retry-after': String(seconds) }),
  fault: (status, headers) => generic(status, headers),
}
