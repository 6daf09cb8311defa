/**
 * The checks every browser-facing endpoint of this entry makes before it does any work (the
 * password reset and the session endpoint): CORS preflights, the `Origin`, the method, the custom
 * CSRF header, the JSON content type and a size-limited JSON body. One implementation, so the two
 * endpoints cannot drift apart.
 *
 * @module
 */
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../account/resetWire.ts'
import { readJsonObject } from './passwordReset/body.ts'
import type { OriginPolicy } from './passwordReset/cors.ts'
import { problemResponse } from './passwordReset/problem.ts'

/** What an endpoint accepts. */
export interface EndpointRules {
  /** Names the endpoint in refusals, e.g. `password reset endpoint`. */
  name: string
  /** The methods it answers besides `OPTIONS`; only `POST` carries a body. */
  methods: readonly ('GET' | 'POST')[]
  /** The largest body accepted (bytes). */
  maxBodyBytes: number
}

/** A call that passed every check, or the answer that refuses it. */
export type GuardedCall =
  | { ok: false; response: Response }
  | {
      ok: true
      /** Headers every answer to this call carries: `Cache-Control: no-store` and its CORS. */
      headers: Record<string, string>
      /** The JSON object of a `POST`; `undefined` for a `GET`. */
      body: Record<string, unknown> | undefined
    }

function isJson(contentType: string | null): boolean {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
  return media === 'application/json'
}

const forbidden = (message: string) => ({ status: 403, code: 'forbidden' as const, message })

/**
 * Checks `request` against `origins` and `rules`. A preflight is answered here; a call from an
 * origin that is not allowed, without `x-shopper-session: 1`, or (a `POST`) with another content
 * type is 403 `forbidden`; another method is 405; a body that is not a JSON object is 400, one
 * over the limit 413. Nothing the caller sent is quoted back.
 *
 * @example
 * ```ts
 * const call = await guardCall(request, origins, { name: 'session endpoint', methods: ['GET', 'POST'], maxBodyBytes })
 * if (!call.ok) return call.response
 * ```
 */
export async function guardCall(
  request: Request,
  origins: OriginPolicy,
  rules: EndpointRules,
): Promise<GuardedCall> {
  const allow = ['OPTIONS', ...rules.methods].join(', ')
  const origin = request.headers.get('origin')
  const headers = { 'cache-control': 'no-store', ...origins.responseHeaders(origin, request) }
  const refuse = (problem: Parameters<typeof problemResponse>[0], extra = {}): GuardedCall => ({
    ok: false,
    response: problemResponse(problem, { ...headers, ...extra }),
  })
  const foreign = forbidden(`This origin may not call the ${rules.name}.`)

  if (request.method === 'OPTIONS') {
    if (origin === null || !request.headers.has('access-control-request-method')) {
      return { ok: false, response: new Response(null, { status: 204, headers: { allow } }) }
    }
    if (!origins.allows(origin, request)) return refuse(foreign)
    const granted = new Response(null, { status: 204, headers: origins.preflightHeaders(origin) })
    return { ok: false, response: granted }
  }
  // A browser always sends Origin on a cross-origin POST; a missing one is a same-origin or
  // non-browser call, which the custom header below still has to pass.
  if (origin !== null && !origins.allows(origin, request)) return refuse(foreign)
  const method = rules.methods.find((name) => name === request.method)
  if (method === undefined) {
    const message = `Use ${rules.methods.join(' or ')}.`
    return refuse({ status: 405, code: 'bad_request', message }, { allow })
  }
  if (request.headers.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
    return refuse(forbidden(`The ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} header is required.`))
  }
  if (method === 'GET') return { ok: true, headers, body: undefined }
  if (!isJson(request.headers.get('content-type'))) {
    return refuse(forbidden('The content type must be application/json.'))
  }
  const body = await readJsonObject(request, rules.maxBodyBytes)
  if (!body.ok) return refuse({ status: body.status, code: 'bad_request', message: body.message })
  return { ok: true, headers, body: body.value }
}
