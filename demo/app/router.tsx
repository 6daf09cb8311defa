/**
 * A hash router of a dozen lines: the demo's pages are `#/path?query`. Hash routes need no
 * server rewrites, and a reset link's token stays in the fragment, which never reaches a server
 * log or a Referer.
 *
 * @module
 */
import { type AnchorHTMLAttributes, useSyncExternalStore } from 'react'

/** The current page: its path and query (`#/reset?login=…` → `/reset`, `login=…`). */
export interface Route {
  path: string
  params: URLSearchParams
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

// Only `#/…` is a route: other fragments (the skip link's `#main`) keep the page.
let lastRoute = '#/'
function routeHash(): string {
  if (window.location.hash.startsWith('#/')) lastRoute = window.location.hash
  return lastRoute
}

function parse(hash: string): Route {
  const [path = '/', query = ''] = hash.slice(1).split('?', 2)
  return { path, params: new URLSearchParams(query) }
}

/** The current route; the component re-renders when it changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, routeHash)
  return parse(hash)
}

/** Goes to `path` (`/account`), adding a history entry. */
export function navigate(path: string): void {
  window.location.hash = `#${path}`
}

/**
 * Replaces the current entry's address with `path`, without a navigation: a page that read a
 * secret from its address (a reset token) takes it out of history this way.
 */
export function replaceRoute(path: string): void {
  window.history.replaceState(window.history.state, '', `#${path}`)
}

/** A link to a route. */
export function Link({ to, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return <a href={`#${to}`} {...props} />
}
