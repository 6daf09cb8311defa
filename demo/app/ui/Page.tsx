/**
 * A page's heading and frame: the `<h1>` takes focus when the page opens, so keyboard and
 * screen-reader users start at the new page, as after a full page load.
 *
 * @module
 */
import { type ReactNode, useEffect, useRef } from 'react'

/** Props of {@link Page}. */
export interface PageProps {
  /** The page's `<h1>` and the document title. */
  title: string
  /** A line under the heading. */
  intro?: ReactNode
  children?: ReactNode
}

const SITE_NAME = 'Demo store'

/**
 * The page's `<h1>` (focused when the page mounts, without scrolling the focus ring away) and
 * its content. Mount one per route; the shell keys it by path, so every route change focuses
 * the new heading.
 *
 * @example
 * ```tsx
 * <Page title="Your addresses" intro="Where we deliver.">…</Page>
 * ```
 */
export function Page({ title, intro, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} · ${SITE_NAME}`
  }, [title])
  useEffect(() => {
    // Not on the first load: the page starts at the top with the skip link first, as any site.
    if (!firstPageShown) {
      firstPageShown = true
      return
    }
    heading.current?.focus({ preventScroll: false })
  }, [])
  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro !== undefined && <p className="page-intro">{intro}</p>}
      {children}
    </div>
  )
}

let firstPageShown = false
