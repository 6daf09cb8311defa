/**
 * Serves the built page (Vite's output folder): `index.html` at `/`, hashed assets under
 * `/assets/`. Nothing outside the folder is ever read.
 *
 * @module
 */
import { readFile } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

/** Options of {@link createStaticFiles}. */
export interface StaticFilesOptions {
  /** Rewrites `index.html` before it is served (the server's config in its meta tags). */
  page?: (html: string) => string
  /** Origins the page may call besides its own (the API's, when it is on another origin). */
  connectSrc?: readonly string[]
}

/**
 * The page's policy: scripts, styles and requests from its own origin only (the API is proxied
 * there), pictures inline. `'unsafe-inline'` styles: React's `style` attributes and the
 * statechart view's injected `<style>`.
 */
function pageHeaders(connectSrc: readonly string[]): Record<string, string> {
  return {
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
      `img-src 'self' data:; connect-src ${["'self'", ...connectSrc].join(' ')}; ` +
      "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    // A reset link carries its token in the fragment, which never leaves the page; no Referer
    // carries the page's address anywhere either.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  }
}

function notBuilt(): Response {
  return new Response('The demo page is not built: run `npm start`.\n', {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
}

/** A handler for GET and HEAD of the files under `root`; `undefined` for a path it does not know. */
export function createStaticFiles(root: string, options: StaticFilesOptions = {}) {
  const base = resolve(root)
  const headersOfPage = pageHeaders(options.connectSrc ?? [])
  return async (request: Request): Promise<Response | undefined> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
    const { pathname } = new URL(request.url)
    const isPage = pathname === '/' || pathname === '/index.html'
    let path: string
    try {
      path = resolve(join(base, isPage ? 'index.html' : decodeURIComponent(pathname)))
    } catch {
      return undefined // a malformed escape
    }
    if (!path.startsWith(base + sep)) return undefined
    let body: Buffer
    try {
      body = await readFile(path)
    } catch {
      return isPage ? notBuilt() : undefined
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream'
    const headers: Record<string, string> = {
      'content-type': type,
      'x-content-type-options': 'nosniff',
    }
    let content: Uint8Array = new Uint8Array(body)
    if (isPage) {
      Object.assign(headers, headersOfPage)
      if (options.page) content = new TextEncoder().encode(options.page(body.toString('utf8')))
    } else if (pathname.startsWith('/assets/')) {
      // Vite names assets by their content hash: a new build gets new names.
      headers['cache-control'] = 'public, max-age=31536000, immutable'
    }
    return new Response(request.method === 'HEAD' ? null : (content as Uint8Array<ArrayBuffer>), {
      headers,
    })
  }
}
