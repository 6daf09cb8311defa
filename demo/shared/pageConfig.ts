/**
 * What the demo server tells the page about its deployment, in `<meta>` tags of `index.html`
 * (read synchronously before the session is made; an inline script would break the page's
 * Content Security Policy).
 *
 * @module
 */

/** `<meta name>` of the API's base URL; empty: the same-origin proxy. */
export const API_BASE_META = 'demo-api-base'

/** `<meta name>` saying whether the development endpoints are mounted (`on` / `off`). */
export const DEV_META = 'demo-dev'

/** The page's deployment, as the server announces it. */
export interface PageConfig {
  /**
   * The API's base URL when the page reaches it across origins (the emulator's own origin, CORS
   * allowed for the page); `undefined`: through the proxy on the page's origin.
   */
  apiBase: string | undefined
  /** The development endpoints (controls, outbox) answer. */
  dev: boolean
}

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
}

function setMeta(html: string, name: string, value: string): string {
  const escaped = value.replace(/[&"<>]/g, (c) => escapes[c] ?? c)
  const tag = new RegExp(`<meta name="${name}" content="[^"]*"\\s*/?>`)
  if (!tag.test(html)) throw new Error(`index.html has no <meta name="${name}">`)
  return html.replace(tag, `<meta name="${name}" content="${escaped}" />`)
}

/** `index.html` with `config` written into its meta tags (the server's side). */
export function writePageConfig(html: string, config: PageConfig): string {
  return setMeta(
    setMeta(html, API_BASE_META, config.apiBase ?? ''),
    DEV_META,
    config.dev ? 'on' : 'off',
  )
}

/** The config the server wrote into `document` (the page's side). */
export function readPageConfig(document: Document): PageConfig {
  const meta = (name: string) =>
    document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? ''
  const apiBase = meta(API_BASE_META)
  return { apiBase: apiBase === '' ? undefined : apiBase, dev: meta(DEV_META) === 'on' }
}
