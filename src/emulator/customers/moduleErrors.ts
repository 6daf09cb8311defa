/**
 * The module-level answers of the Shopper Customers API (unknown route, wrong method, internal
 * error, rate limit, and the default bodies of injected faults), all in the SCAPI problem+json
 * shape so a client never has to parse a SLAS body from a SCAPI URL.
 *
 * @module
 */
import type { ApiErrors } from '../router.ts'
import { type ProblemSpec, SHARED_STATUS_PROBLEMS, statusProblem } from '../scapiModuleErrors.ts'
import { problem } from './problems.ts'

const BY_STATUS: Readonly<Record<number, ProblemSpec>> = {
  ...SHARED_STATUS_PROBLEMS,
  403: { slug: 'forbidden', title: 'Forbidden', detail: 'The access is forbidden.' },
  404: { slug: 'not-found', title: 'Not Found', detail: 'The requested resource was not found.' },
  405: {
    slug: 'method-not-allowed',
    title: 'Method Not Allowed',
    detail: 'The method is not allowed for this resource.',
  },
  409: { slug: 'conflict', title: 'Conflict', detail: 'The request conflicts with the state.' },
  413: { slug: 'payload-too-large', title: 'Payload Too Large', detail: 'Request body too large.' },
}

const MAINTENANCE: ProblemSpec = {
  slug: 'maintenance',
  title: 'Service Unavailable',
  detail: 'The system is down for maintenance.',
}

function answer(status: number, headers: Record<string, string> = {}): Response {
  const spec = statusProblem(BY_STATUS, status, headers, MAINTENANCE)
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
