/**
 * Every Shopper Customers error the emulator answers, as SCAPI `application/problem+json` bodies
 * (RFC 7807). The rows of the "assumed wire shapes" table (test/support/wireShapes.ts) are
 * reproduced exactly: same status, `type`, `title` and `detail`.
 *
 * @module
 */
import { json } from '../http.ts'

/** Base of every SCAPI error `type` URI. */
export const ERROR_TYPE_BASE =
  'https://api.commercecloud.salesforce.com/documentation/error/v1/errors/'

/** A problem+json body: `type`, `title`, `detail` plus optional extra members. */
export type ProblemBody = { type: string; title: string; detail: string } & Record<string, unknown>

/** Builds a problem+json response. */
export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body: ProblemBody = { ...extra, type: `${ERROR_TYPE_BASE}${slug}`, title, detail }
  return json(status, body, headers, 'application/problem+json')
}

/** Row `scapi.invalidAccessToken`: missing, malformed, expired, revoked or foreign token. */
export function invalidAccessToken(): Response {
  return problem(
    401,
    'invalid-access-token',
    'Invalid Access Token',
    'The request is unauthorized, the access token is invalid.',
  )
}

/** Row `scapi.credentialsChanged`: the token predates a password, reset or loginId change. */
export function credentialsChanged(): Response {
  return problem(
    401,
    'invalid-access-token',
    'Invalid Access Token',
    'Customer credentials changed after token was issued.',
  )
}

/** Row `scapi.otherCustomer`: the path's customerId is not the token's customer. */
export function otherCustomer(): Response {
  return problem(
    400,
    'invalid-customer',
    'Invalid Customer',
    'CustomerId URL parameter does not match the verified customer represented by the JWT token.',
  )
}

/** The spec's `registerCustomer400` example: the token's customer may not do this. */
export function invalidCustomer(): Response {
  return problem(400, 'invalid-customer', 'Invalid Customer', 'The customer is invalid.')
}

/** Same type and title as row `scapi.forbidden`; the detail says which check failed. */
export function forbidden(detail: string): Response {
  return problem(403, 'forbidden', 'Forbidden', detail)
}

/** Row `scapi.notFound` for customers. */
export function customerNotFound(customerId: string): Response {
  const detail = `No customer with ID '${customerId}' could be found.`
  return problem(404, 'not-found', 'Not Found', detail, { customerId })
}

/** A 404 in the `not-found` shape for anything else (address, payment instrument, …). */
export function notFound(detail: string, extra: Record<string, unknown> = {}): Response {
  return problem(404, 'not-found', 'Not Found', detail, extra)
}

/** An unknown (or not public) product list. */
export function productListNotFound(productListId: string): Response {
  return problem(
    404,
    'product-list-not-found',
    'Product List Not Found',
    `A product list with ID '${productListId}' couldn't be found.`,
    { productListId },
  )
}

/** Row `scapi.loginTaken`. */
export function loginTaken(login: string): Response {
  return problem(
    400,
    'login-already-in-use',
    'Login Already In Use',
    `The login '${login}' is already in use.`,
  )
}

/** Row `scapi.weakPassword`. */
export function weakPassword(): Response {
  const detail = 'The password does not meet the policy.'
  return problem(400, 'invalid-password', 'Invalid Password', detail)
}

/** Row `scapi.wrongCurrentPassword`. */
export function wrongCurrentPassword(): Response {
  return problem(
    400,
    'invalid-current-password',
    'Invalid Current Password',
    'The current password is missing or does not match.',
  )
}

/** Row `scapi.invalidResetToken`. */
export function invalidResetToken(): Response {
  return problem(
    400,
    'invalid-reset-token',
    'Invalid Reset Token',
    'The password reset token is invalid, used or expired.',
  )
}

/** Row `scapi.badRequest` (updateCustomerPaymentInstrument with fields it cannot change). */
export function unsupportedFields(): Response {
  const detail = 'Unsupported fields in the request for updates.'
  return problem(400, 'unsupported-fields', 'Unsupported Fields', detail)
}

/** A bad external profile request. */
export function invalidExternalProfile(
  detail = 'The customer external profile is invalid.',
): Response {
  const title = 'Invalid Customer External Profile'
  return problem(400, 'invalid-customer-external-profile', title, detail)
}

/** Any other invalid input (missing field, wrong type, too long, bad query parameter). */
export function badRequest(detail: string): Response {
  return problem(400, 'bad-request', 'Bad Request', detail)
}

/** `ProductListProductIdMissingException`: a product item without productId. */
export function productIdMissing(): Response {
  return problem(
    400,
    'product-list-product-id-missing',
    'Product List Product Id Missing',
    "A product list item of type 'product' needs a productId.",
  )
}

/** The spec's `getPublicProductListItems400` example. */
export function invalidExpand(param: string): Response {
  return problem(
    400,
    'invalid-expand-parameter',
    'Invalid expand parameter',
    `An invalid expand parameter '${param}' was found.`,
    { param },
  )
}

/** A body that is not `application/json`. */
export function unsupportedMediaType(): Response {
  return problem(
    415,
    'unsupported-media-type',
    'Unsupported Media Type',
    'The request body must be application/json.',
  )
}

/** A body over `settings.maxBodyBytes`. */
export function payloadTooLarge(limit: number): Response {
  const detail = `Request body exceeds ${limit} bytes.`
  return problem(413, 'payload-too-large', 'Payload Too Large', detail, {}, { connection: 'close' })
}
