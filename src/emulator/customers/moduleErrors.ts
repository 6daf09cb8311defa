/**
 * The module-level answers of the Shopper Customers API (unknown route, wrong method, internal
 * error, rate limit, and the default bodies of injected faults), all in the SCAPI problem+json
 * shape so a client never has to parse a SLAS body from a SCAPI URL.
 *
 * @module
 */
import type { ApiErrors } from '../router.ts'
import { problem } from './problems.ts'

/** One default answer: status → slug, title, detail. */
interface Spec {
  slug: string
  title: string
  detail: string
}

const BY_STATUS: Readonly<Record<number, Spec>> = {
  400: { slug: 'bad-request', title: 'Bad Request', detail: 'The request is invalid.' },
  401: {
    slug: 'invalid-access-token',
    title: 'Invalid Access Token',
    detail: 'The request is unauthorized, the access token is invalid.',
  },
  403: { slug: 'forbidden', title: 'Forbidden', detail: 'The access is forbidden.' },
  404: { slug: 'not-found', title: 'Not Found', detail: 'The requested resource was not found.' },
  405: {
    slug: 'method-not-allowed',
    title: 'Method Not Allowed',
    detail: 'The method is not allowed for this resource.',
  },
  409: { slug: 'conflict', title: 'Conflict', detail: 'The request conflicts with the state.' },
  413: { slug: 'payload-too-large', title: 'Payload Too Large', detail: 'Request body too large.' },
  429: {
    slug: 'too-many-requests',
    title: 'Too Many Requests',
    detail: 'Rate limit exceeded.',
  },
  500: {
    slug: 'internal-server-error',
    title: 'Internal Server Error',
    detail: "The server has encountered a situation that it doesn't know how to handle.",
  },
  503: {
    slug: 'service-unavailable',
    title: 'Service Unavailable',
    detail: 'A service that the server relies on is down or is having difficulty.',
  },
}

const MAINTENANCE: Spec = {
  slug: 'maintenance',
  title: 'Service Unavailable',
  detail: 'The system is down for maintenance.',
}

function answer(status: number, headers: Record<string, string> = {}): Response {
  const maintenance =
    status === 503 && Object.keys(headers).some((name) => name.toLowerCase() === 'sfdc_maintenance')
  const spec = maintenance
    ? MAINTENANCE
    : (BY_STATUS[status] ?? { slug: 'error', title: 'Error', detail: 'Injected fault.' })
  return problem(status, spec.slug, spec.title, spec.detail, {}, headers)
}

/** The {@link ApiErrors} of SCAPI-shaped modules. */
export const SCAPI_MODULE_ERRORS: ApiErrors = {
  notFound: () => answer(404),
  methodNotAllowed: (allow) => answer(405, { allow: allow.join(', ') }),
  internal: () => answer(500),
  rateLimited: (seconds) => answer(429, { 'retry-after': String(seconds) }),
  fault: (status, headers) => answer(status, headers),
}
