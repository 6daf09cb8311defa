/**
 * The request pipeline behind `emulator.handle`: CORS preflight, routing, the module guard,
 * rate limiting, injected faults (before/after), the callback page, 404/405, the request log,
 * and the last-resort conversion of any exception into the module's 500 body.
 *
 * @module
 */
import { callbackPage } from './callback.ts'
import type { EmulatorCore } from './core.ts'
import type { Cors } from './cors.ts'
import {
  type ActiveFault,
  ConnectionDropped,
  type FaultQueue,
  replacesAnswer,
  sleep,
} from './faults.ts'
import { basicCredentials, json } from './http.ts'
import type { RateLimiter } from './rateLimit.ts'
import {
  type ApiModule,
  createRequestContext,
  type Match,
  type RequestContext,
  type Router,
} from './router.ts'
import { slasError } from './slasErrors.ts'

/** One handled request. Deliberately no URL, headers or body: those carry secrets. */
export interface RequestLogEntry {
  /** operationId, or `preflight`, `callback`, `notFound`, `methodNotAllowed`. */
  operation: string
  method: string
  /** HTTP status; 0 when the connection was dropped. */
  status: number
  /** Emulator time (ms) when the request arrived. */
  at: number
}

/** What the pipeline is built from. */
export interface PipelineParts {
  core: EmulatorCore
  router: Router
  faults: FaultQueue
  rateLimiter: RateLimiter
  cors: Cors
  log: RequestLogEntry[]
  callbackPaths: ReadonlySet<string>
}

/** The client a request counts against for rate limiting. */
async function rateLimitKey(ctx: RequestContext): Promise<string> {
  const fromQuery = ctx.url.searchParams.get('client_id')
  if (fromQuery) return fromQuery
  if (ctx.request.method === 'POST') {
    const form = await ctx.form()
    const fromBody = form.ok ? form.params.get('client_id') : null
    if (fromBody) return fromBody
  }
  return basicCredentials(ctx.request)?.user ?? 'anonymous'
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

function faultAnswer(module: ApiModule, fault: ActiveFault, operation: string): Response {
  if (fault.drop) throw new ConnectionDropped(operation)
  const status = fault.status ?? 500
  return fault.body === undefined
    ? module.errors.fault(status, fault.headers)
    : json(status, fault.body, fault.headers)
}

async function runHandler(
  module: ApiModule,
  ctx: RequestContext,
  match: Extract<Match, { kind: 'route' }>,
) {
  try {
    return module.guard?.(ctx) ?? (await match.route.handle(ctx))
  } catch {
    // A bug in a route must look like the real service's 500, never crash the caller.
    return module.errors.internal()
  }
}

/** Builds `handle(request)`. It rejects only with {@link ConnectionDropped} (a `drop` fault). */
export function createPipeline(parts: PipelineParts): (request: Request) => Promise<Response> {
  const { core, router, faults, rateLimiter, cors, log, callbackPaths } = parts

  async function runRoute(request: Request, url: URL, match: Extract<Match, { kind: 'route' }>) {
    const { module, route } = match
    const ctx = createRequestContext(core, request, url, route, match.params)
    let headers: Record<string, string> = {}
    if (module.rateLimited) {
      const hit = rateLimiter.hit(await rateLimitKey(ctx), core.clock.now())
      headers = hit.headers
      if (hit.retryAfterSeconds !== undefined) {
        return withHeaders(module.errors.rateLimited(hit.retryAfterSeconds), headers)
      }
    }
    const fault = faults.take(route.operation)
    if (fault?.phase === 'before') {
      await sleep(fault.delayMs)
      if (replacesAnswer(fault))
        return withHeaders(faultAnswer(module, fault, route.operation), headers)
    }
    let response = await runHandler(module, ctx, match)
    if (fault?.phase === 'after') {
      await sleep(fault.delayMs)
      if (replacesAnswer(fault)) {
        await response.body?.cancel().catch(() => undefined)
        response = faultAnswer(module, fault, route.operation)
      }
    }
    return withHeaders(response, headers)
  }

  async function dispatch(request: Request, url: URL, name: (operation: string) => void) {
    if (request.method === 'OPTIONS') {
      name('preflight')
      return cors.preflight(request)
    }
    const match = router.match(request.method, url.pathname)
    if (match.kind === 'route') {
      name(match.route.operation)
      return runRoute(request, url, match)
    }
    if (match.kind === 'method') {
      name('methodNotAllowed')
      return match.module.errors.methodNotAllowed(match.allow)
    }
    if (request.method === 'GET' && callbackPaths.has(url.pathname)) {
      name('callback')
      return callbackPage()
    }
    name('notFound')
    return match.module ? match.module.errors.notFound() : slasError('notFound')
  }

  return async function handle(request: Request): Promise<Response> {
    const entry: RequestLogEntry = {
      operation: 'notFound',
      method: request.method,
      status: 0,
      at: NaN,
    }
    try {
      let response: Response
      try {
        entry.at = core.clock.now()
        response = await dispatch(request, new URL(request.url), (operation) => {
          entry.operation = operation
        })
      } catch (error) {
        if (error instanceof ConnectionDropped) throw error
        response = slasError('serverError')
      }
      entry.status = response.status
      return cors.decorate(request, response)
    } finally {
      log.push(entry)
    }
  }
}
