/**
 * `emulator.fetch`: a drop-in `typeof fetch` that answers from `emulator.handle` in-process,
 * behaving like Node's fetch (undici) where tests care: relative URLs resolve against the
 * emulator origin, redirects follow unless `redirect: 'manual'`, the abort signal works, and a
 * dropped connection rejects with `TypeError('fetch failed')`.
 *
 * @module
 */
import { ConnectionDropped } from './faults.ts'

const MAX_REDIRECTS = 20

function abortable<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function toRequest(input: RequestInfo | URL, init: RequestInit | undefined, base: string): Request {
  if (input instanceof Request) return init ? new Request(input, init) : input
  return new Request(new URL(String(input), base), init)
}

/** Builds the in-process fetch over `handle`. */
export function createEmulatorFetch(
  handle: (request: Request) => Promise<Response>,
  baseUrl: string,
): typeof fetch {
  return async function emulatorFetch(input, init) {
    let request = toRequest(input, init, baseUrl)
    const signal = request.signal
    const mode = request.redirect
    for (let hops = 0; ; hops += 1) {
      signal.throwIfAborted()
      let response: Response
      try {
        response = await abortable(handle(request), signal)
      } catch (error) {
        if (error instanceof ConnectionDropped)
          throw new TypeError('fetch failed', { cause: error })
        throw error
      }
      const location = response.headers.get('location')
      const redirect = [301, 302, 303, 307, 308].includes(response.status) && location !== null
      if (!redirect || mode === 'manual') {
        Object.defineProperty(response, 'url', { value: request.url })
        Object.defineProperty(response, 'redirected', { value: hops > 0 })
        return response
      }
      if (mode === 'error' || hops >= MAX_REDIRECTS) throw new TypeError('fetch failed')
      const next = new URL(location, request.url)
      // Custom-scheme redirect URIs (apps) cannot be fetched, as with undici.
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new TypeError('fetch failed')
      const headers = new Headers(request.headers)
      for (const name of ['content-type', 'content-length']) headers.delete(name)
      if (next.origin !== new URL(request.url).origin) headers.delete('authorization')
      await response.body?.cancel().catch(() => undefined)
      const keepMethod = response.status === 307 || response.status === 308
      if (keepMethod && request.method !== 'GET' && request.method !== 'HEAD') {
        throw new TypeError('fetch failed') // the body is gone; the emulator never answers 307/308
      }
      request = new Request(next, {
        method: keepMethod ? request.method : 'GET',
        headers,
        signal,
        redirect: mode,
      })
    }
  }
}
