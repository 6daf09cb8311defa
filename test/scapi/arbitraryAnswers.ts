/**
 * Arbitrary server answers for the malformed-responses property test: random statuses, headers,
 * bodies (valid, mutated, truncated, huge, not JSON), failing fetches and non-Responses.
 */
import fc from 'fast-check'
import { registerSecret } from '../support/secrets.ts'
import { makeJwt, REDIRECT_URI, type Recorded, tokenBody } from './fakeFetch.ts'

/** A secret every crafted error body may echo; it must never reach an error. */
export const SECRET = makeJwt({ sub: 'echoed-by-a-server', nonce: 'q8Zr2LmX' })
registerSecret(SECRET)

const NULL_BODY = new Set([204, 205, 304])

/** One crafted answer; `{STATE}` in a Location becomes the request's own state. */
export type Answer =
  | { kind: 'valid' }
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'networkError' }
  | { kind: 'throw'; error: unknown }
  | { kind: 'notAResponse'; value: unknown }

const secretText = fc
  .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
  .map(([before, after]) => `${before} ${SECRET} ${after}`)

const jsonText = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null')

const mutatedToken = fc
  .tuple(
    fc.constantFrom(...Object.keys(tokenBody())),
    fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), secretText),
  )
  .map(([key, value]) => JSON.stringify({ ...tokenBody(), [key]: value }))

const errorBody = fc
  .record(
    {
      error: fc.oneof(
        fc.constantFrom('invalid_request', 'invalid_client', 'invalid_grant'),
        fc.string(),
      ),
      error_description: fc.oneof(fc.string(), secretText),
      message: fc.oneof(fc.constant('invalid refresh_token'), secretText, fc.integer()),
      type: fc.oneof(fc.webUrl(), fc.string()),
      detail: secretText,
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body))

const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant('VALID') },
  { weight: 2, arbitrary: mutatedToken },
  { weight: 2, arbitrary: errorBody },
  { weight: 1, arbitrary: jsonText },
  {
    weight: 1,
    arbitrary: fc.nat({ max: 300 }).map((n) => JSON.stringify(tokenBody()).slice(0, n)),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 100, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('', '<html>502 Bad Gateway</html>', 'null', '[]') },
  {
    weight: 1,
    arbitrary: fc.constant(JSON.stringify({ message: `${'x'.repeat(300_000)} ${SECRET}` })),
  },
  {
    weight: 1,
    arbitrary: fc.constant(JSON.stringify(tokenBody({ access_token: 'a'.repeat(300_000) }))),
  },
)

const location = fc.oneof(
  fc.constantFrom(
    `${REDIRECT_URI}?code=c1&usid=u1&state={STATE}`,
    `${REDIRECT_URI}?code=c1&state={STATE}`,
    `${REDIRECT_URI}?usid=u1&state={STATE}`,
    `${REDIRECT_URI}?code=c1&usid=u1&state=forged`,
    `${REDIRECT_URI}?error=access_denied&error_description=nope&state={STATE}`,
    `/callback?code=c1&state={STATE}`,
    'http://[::1',
    '',
  ),
  fc.webUrl({ withQueryParameters: true }),
)

const headers = fc.record(
  {
    location,
    'retry-after': fc.oneof(
      fc.nat().map(String),
      fc.constantFrom('soon', '-1', 'Wed, 01 Jan 2025 00:00:10 GMT'),
    ),
    sfdc_maintenance: fc.constantFrom('system', 'site', ''),
    'content-type': fc.constantFrom('application/json', 'text/html', 'application/problem+json'),
    'x-ratelimit-1m-reset': fc.nat().map(String),
  },
  { requiredKeys: [] },
)

const status = fc.oneof(
  fc.constantFrom(200, 200, 303, 303, 204, 302, 400, 401, 403, 404, 409, 412, 429, 500, 503),
  fc.integer({ min: 200, max: 599 }),
)

/** One crafted server answer (or fetch failure). */
export const answer: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('response' as const), status, headers, body }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'valid' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'networkError' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('throw' as const),
      error: fc.oneof(
        fc.constant(new TypeError('fetch failed')),
        fc.constant(new DOMException('aborted', 'AbortError')),
        fc.constant(new DOMException('late', 'TimeoutError')),
        fc.anything(),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('notAResponse' as const), value: fc.anything() }),
  },
)

function stateOf(request: Recorded): string {
  return request.url.searchParams.get('state') ?? request.form.get('state') ?? ''
}

/** A valid answer for the request, so the success path is exercised too. */
function validBody(request: Recorded): string {
  const path = request.url.pathname
  if (path.endsWith('/jwks')) return JSON.stringify({ keys: [] })
  if (path.endsWith('/openid-configuration')) {
    return JSON.stringify({ issuer: 'i', jwks_uri: 'j', token_endpoint: 't' })
  }
  if (path.endsWith('/introspect')) return JSON.stringify({ active: false })
  if (path.endsWith('/userinfo')) return JSON.stringify({ sub: 's' })
  return JSON.stringify(tokenBody())
}

function craft(
  request: Recorded,
  planned: Answer,
  valid: (request: Recorded) => string,
): Response {
  if (planned.kind === 'valid') {
    if (/\/(authorize|login)$/.test(request.url.pathname)) {
      const state = encodeURIComponent(stateOf(request))
      return new Response(null, {
        status: 303,
        headers: { location: `${REDIRECT_URI}?code=c1&usid=u1&state=${state}` },
      })
    }
    return new Response(valid(request), { status: 200 })
  }
  if (planned.kind === 'networkError') return Response.error()
  if (planned.kind === 'throw') throw planned.error
  if (planned.kind === 'notAResponse') return planned.value as Response
  const headerValues = { ...planned.headers }
  if (headerValues.location !== undefined) {
    headerValues.location = headerValues.location.replace(
      '{STATE}',
      encodeURIComponent(stateOf(request)),
    )
  }
  const text = planned.body === 'VALID' ? valid(request) : planned.body
  return new Response(NULL_BODY.has(planned.status) ? null : text, {
    status: planned.status,
    headers: headerValues,
  })
}

/**
 * A fetch that gives `answers` in turn (the last one repeats); `valid` writes the body of a valid
 * answer (default: the SLAS one for the request's path).
 */
export function scripted(
  answers: Answer[],
  valid: (request: Recorded) => string = validBody,
): typeof fetch {
  let index = 0
  return async (input, init = {}) => {
    const raw = typeof init.body === 'string' ? init.body : ''
    const request: Recorded = {
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: raw,
      form: new URLSearchParams(raw),
      redirect: init.redirect,
      signal: init.signal ?? undefined,
    }
    const planned = answers[Math.min(index, answers.length - 1)] ?? { kind: 'networkError' }
    index += 1
    return craft(request, planned, valid)
  }
}
