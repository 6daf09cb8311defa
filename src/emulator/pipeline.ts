/**
 * The request pipeline behind `emulator.handle`: CORS preflight, routing, forced and real rate
 * limiting, injected faults (before), the module guard, server hooks around the route
 * (`before` → route → `after` → `modifyResponse`), injected faults (after), the callback page,
 * 404/405, the request log, and the last-resort conversion of any exception (a route bug or a
 * throwing hook) into the module's 500 body.
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
import { hookContext, type OperationHooks, responseJson } from './hooks.ts'
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
import { forcedRateLimitHeaders, type ThrottleQueue } from './throttle.ts'

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
  /** Forced 429s (`control.rateLimit`). */
  throttle: ThrottleQueue
  /** Checked server hooks by operationId (`checkHooks`). */
  hooks: ReadonlyMap<string, OperationHooks>
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

/** The operation wrapped in its hooks; `before` answers or throws before any state change. */
async function runHooked(
  ctx: RequestContext,
  match: Extract<Match, { kind: 'route' }>,
  hooks: OperationHooks,
): Promise<Response> {
  const hookCtx = await hookContext(ctx)
  if (hooks.before) {
    const answer: unknown = await hooks.before(hookCtx)
    // A copy: the pipeline adds headers later, and a Response from `fetch` has immutable ones.
    if (answer instanceof Response) return new Response(answer.body, answer)
    if (answer !== undefined) throw new TypeError(`before hook of ${ctx.operation}: not a Response`)
  }
  let response = await match.route.handle(ctx)
  if (response.status >= 400) return response
  if (hooks.after) {
    const body = await responseJson(response)
    const result = { status: response.status, headers: new Headers(response.headers), body }
    await hooks.after(hookCtx, result)
  }
  if (hooks.modifyResponse && response.status < 300) {
    const body = await responseJson(response)
    if (body !== undefined) {
      const replaced: unknown = await hooks.modifyResponse(hookCtx, body)
      if (replaced !== undefined) {
        const text = JSON.stringify(replaced)
        if (text === undefined) throw new TypeError(`modifyResponse of ${ctx.operation}: not JSON`)
        const headers = new Headers(response.headers)
        headers.delete('content-length')
        await response.body?.cancel().catch(() => undefined)
        response = new Response(text, { status: response.status, headers })
      }
    }
  }
  return response
}

async function runHandler(
  module: ApiModule,
  ctx: RequestContext,
  match: Extract<Match, { kind: 'route' }>,
  hooks: OperationHooks | undefined,
) {
  try {
    const refused = module.guard?.(ctx)
    if (refused) return refused
    return hooks ? await runHooked(ctx, match, hooks) : await match.route.handle(ctx)
  } catch {
    // A bug in a route, or a hook that throws, must look like the real service's 500 (SCAPI
    // answers 500 for hook errors), never crash the caller.
    return module.errors.internal()
  }
}

/** Builds `handle(request)`. It rejects only with {@link ConnectionDropped} (a `drop` fault). */
export function createPipeline(parts: PipelineParts): (request: Request) => Promise<Response> {
  const { core, router, faults, rateLimiter, cors, log, callbackPaths, throttle, hooks } = parts

  async function runRoute(request: Request, url: URL, match: Extract<Match, { kind: 'route' }>) {
    const { module, route } = match
    const ctx = createRequestContext(core, request, url, route, match.params)
    let headers: Record<string, string> = {}
    const forced = throttle.take(route.operation)
    if (forced !== undefined) {
      const limits = forcedRateLimitHeaders(core.settings.rateLimit, core.clock.now(), forced)
      return withHeaders(module.errors.rateLimited(forced), limits)
    }
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
    let response = await runHandler(module, ctx, match, hooks.get(route.operation))
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
