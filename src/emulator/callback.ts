/**
 * The landing page for redirect URIs on the emulator's own origin (`/callback` and the paths of
 * registered redirect URIs), so a browser following the 303 lands somewhere real. It never
 * echoes the code.
 *
 * @module
 */
import type { EmulatorSettings } from './options.ts'
import { redirectPath } from './wildcard.ts'

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>shopper-session emulator</title></head>
<body><p>Signed in with the shopper-session emulator.</p>
<p>The app reads the code from this URL.</p></body>
</html>
`

/** The paths that get the callback page. */
export function callbackPaths(settings: EmulatorSettings): ReadonlySet<string> {
  const paths = new Set(['/callback'])
  for (const client of settings.clients.all) {
    for (const uri of client.redirectURIs) {
      const path = redirectPath(uri)
      if (path) paths.add(path)
    }
  }
  return paths
}

/** The callback page response. */
export function callbackPage(): Response {
  return new Response(PAGE, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  })
}
