/**
 * The generic answers of the SCAPI-shaped modules (Shopper Customers, Shopper Baskets): the
 * problem+json `slug`, `title` and `detail` of router 404/405, 500, 429 and of injected faults,
 * picked by status. Each module adds its own rows to the shared ones.
 *
 * @module
 */
import { isMaintenanceFault } from './faults.ts'

/** One generic answer: the type slug, title and detail of its problem+json body. */
export interface ProblemSpec {
  slug: string
  title: string
  detail: string
}

/** The rows every SCAPI-shaped module answers alike. */
export const SHARED_STATUS_PROBLEMS: Readonly<Record<number, ProblemSpec>> = {
  400: { slug: 'bad-request', title: 'Bad Request', detail: 'The request is invalid.' },
  401: {
    slug: 'invalid-access-token',
    title: 'Invalid Access Token',
    detail: 'The request is unauthorized, the access token is invalid.',
  },
  429: { slug: 'too-many-requests', title: 'Too Many Requests', detail: 'Rate limit exceeded.' },
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

const UNLISTED: ProblemSpec = { slug: 'error', title: 'Error', detail: 'Injected fault.' }

/**
 * The answer for `status` (with the response `headers` of an injected fault): `maintenance` for a
 * maintenance fault, else the row of `rows`, else a generic injected-fault answer.
 */
export function statusProblem(
  rows: Readonly<Record<number, ProblemSpec>>,
  status: number,
  headers: Record<string, string>,
  maintenance: ProblemSpec,
): ProblemSpec {
  if (isMaintenanceFault(status, headers)) return maintenance
  return rows[status] ?? UNLISTED
}
