/**
 * A tiny router: API modules (SLAS now; Shopper Customers, Baskets and Account Manager later)
 * each bring a path prefix, their routes and their own error shapes.
 *
 * @module
 */
import type { EmulatorCore } from './core.ts'
import { type BodyResult, type FormResult, parseForm, readBody } from './http.ts'

/** HTTP methods routes may use. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What a route handler gets. */
export interface RequestContext {
  request: Request
  url: URL
  /** Path parameters (`:name` segments), decoded. */
  params: Readonly<Record<string, string>>
  operation: string
  core: EmulatorCore
  /** The body, read once (bounded by `settings.maxBodyBytes`) and cached. */
  body(): Promise<BodyResult>
  /** The body as a form (content type checked), cached. */
  form(): Promise<FormResult>
}

/** One operation. */
export interface Route {
  method: Method
  /** E.g. `/shopper/auth/v1/organizations/:organizationId/oauth2/token`. */
  path: string
  /** The operationId: names the route in faults and the request log. */
  operation: string
  handle(ctx: RequestContext): Promise<Response>
}

/** Error answers in the module's wire shape. */
export interface ApiErrors {
  notFound(): Response
  methodNotAllowed(allow: readonly string[]): Response
  internal(): Response
  rateLimited(retryAfterSeconds: number): Response
  /** Default answer of an injected fault with this status and these response headers. */
  fault(status: number, headers: Record<string, string>): Response
}

/** An API family served by the emulator. */
export interface ApiModule {
  name: string
  /** Requests whose path starts with this belong to the module (404/405 in its shape). */
  prefix: string
  routes: readonly Route[]
  errors: ApiErrors
  /** Runs before every route of the module (e.g. the organization check); an answer stops it. */
  guard?(ctx: RequestContext): Response | undefined
  /** Whether responses carry `X-RateLimit-*` headers (and enforcement applies). */
  rateLimited: boolean
}

/** Result of {@link Router.match}. */
export type Match =
  | { kind: 'route'; module: ApiModule; route: Route; params: Record<string, string> }
  | { kind: 'method'; module: ApiModule; allow: string[] }
  | { kind: 'none'; module: ApiModule | undefined }

/** Finds routes by method and path. */
export interface Router {
  match(method: string, pathname: string): Match
  /** Every operationId (fault names are checked against this). */
  operations(): ReadonlySet<string>
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/')
  const got = pathname.split('/')
  if (want.length !== got.length) return undefined
  const params: Record<string, string> = {}
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? ''
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(actual)
      } catch {
        return undefined // malformed percent-encoding: no route, not a crash
      }
    } else if (segment !== actual) return undefined
  }
  return params
}

/** Builds the router over `modules` (first matching module wins). */
export function createRouter(modules: readonly ApiModule[]): Router {
  const operations = new Set(modules.flatMap((m) => m.routes.map((r) => r.operation)))
  return {
    operations: () => operations,
    match(method, pathname) {
      const module = modules.find((m) => pathname.startsWith(m.prefix))
      if (!module) return { kind: 'none', module: undefined }
      const allow: string[] = []
      for (const route of module.routes) {
        const params = matchPath(route.path, pathname)
        if (!params) continue
        if (route.method === method) return { kind: 'route', module, route, params }
        allow.push(route.method)
      }
      return allow.length > 0 ? { kind: 'method', module, allow } : { kind: 'none', module }
    },
  }
}

/** Creates the per-request context (body read lazily, once). */
export function createRequestContext(
  core: EmulatorCore,
  request: Request,
  url: URL,
  route: Route,
  params: Record<string, string>,
): RequestContext {
  let body: Promise<BodyResult> | undefined
  const readOnce = () => (body ??= readBody(request, core.settings.maxBodyBytes))
  return {
    request,
    url,
    params,
    operation: route.operation,
    core,
    body: readOnce,
    form: async () => parseForm(request, await readOnce()),
  }
}
