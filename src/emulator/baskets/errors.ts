/**
 * Shopper Baskets error answers (reference c.5 and d): RFC 7807 `ErrorResponse` bodies with the
 * `https://api.commercecloud.salesforce.com/documentation/error/v1/errors/<slug>` types, served as
 * `application/problem+json`, except the 403/409 of merge and transfer, which the spec declares
 * `application/json`.
 *
 * @module
 */
import { json } from '../http.ts'
import type { ApiErrors } from '../router.ts'

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
    problem(
      403,
      'forbidden',
      'Forbidden',
      'Your access-token is valid, but it contains no previous customer to process this action.',
      { contentType: JSON_TYPE },
    ),
  /** SourceBasketException. */
  noSourceBasket: (previousCustomerId: string) =>
    problem(
      409,
      'no-source-basket-exception',
      'Conflict',
      `The previous customer with ID '${previousCustomerId}' has no active basket.`,
      { contentType: JSON_TYPE },
    ),
  /** BasketMergeException. */
  noCurrentBasket: (customerId: string) =>
    problem(
      409,
      'basket-merge-no-current-basket-exception',
      'Conflict',
      `The current customer with ID '${customerId}' has no active basket.`,
      { contentType: JSON_TYPE },
    ),
  /**
   * BasketTransferException. The title is the one of the project's assumed wire-shape row
   * (`scapi.basketConflict`); the spec's example says `Conflict`.
   */
  basketAlreadyExists: (customerId: string) =>
    problem(
      409,
      'basket-transfer-basket-already-exists-exception',
      'Basket Already Exists',
      `The current customer with ID '${customerId}' has an active basket.`,
      { contentType: JSON_TYPE },
    ),
  payloadTooLarge: () =>
    problem(413, 'payload-too-large', 'Payload Too Large', 'The request body exceeds 65536 bytes.'),
}

function generic(status: number, headers: Record<string, string> = {}): Response {
  const maintenance = Object.keys(headers).some((name) => name.toLowerCase() === 'sfdc_maintenance')
  switch (status) {
    case 400:
      return problem(400, 'bad-request', 'Bad Request', 'The request is invalid.', { headers })
    case 401:
      return problem(
        401,
        'invalid-access-token',
        'Invalid Access Token',
        'The request is unauthorized, the access token is invalid.',
        { headers },
      )
    case 403:
      return problem(403, 'forbidden', 'Forbidden', 'The request is forbidden.', { headers })
    case 404:
      return problem(404, 'not-found', 'Not Found', 'The requested resource could not be found.', {
        headers,
      })
    case 409:
      return problem(409, 'conflict', 'Conflict', 'The request conflicts with the current state.', {
        headers,
      })
    case 429:
      return problem(429, 'too-many-requests', 'Too Many Requests', 'Rate limit exceeded.', {
        headers,
      })
    case 500:
      return problem(
        500,
        'internal-server-error',
        'Internal Server Error',
        "The server has encountered a situation that it doesn't know how to handle.",
        { headers },
      )
    case 503:
      return maintenance
        ? problem(503, 'maintenance', 'Maintenance', 'The system is down for maintenance.', {
            headers,
          })
        : problem(
            503,
            'service-unavailable',
            'Service Unavailable',
            'A service that the server relies on is down or is having difficulty.',
            { headers },
          )
    default:
      return problem(status, 'error', 'Error', 'Injected fault.', { headers })
  }
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
