/**
 * `#/account…`: the account pages, loaded on demand. `import.meta.glob` finds
 * `pages/account/AccountPage.tsx` at build time; until it exists, a placeholder says so.
 *
 * @module
 */
import { type ComponentType, lazy, Suspense } from 'react'
import { Page } from './ui/index.ts'

type AccountModule = { AccountPage: ComponentType<{ path: string }> }

const found = import.meta.glob<AccountModule>('./pages/account/AccountPage.tsx')
const load = Object.values(found)[0]
const AccountPage =
  load === undefined ? undefined : lazy(() => load().then((m) => ({ default: m.AccountPage })))

/** The account pages for `path` (`/account`, `/account/profile`, …). */
export function AccountRoute({ path }: { path: string }) {
  if (AccountPage === undefined) {
    return (
      <Page title="Account">
        <p>The account pages are not part of this build yet.</p>
      </Page>
    )
  }
  return (
    <Suspense fallback={<p role="status">Loading your account…</p>}>
      <AccountPage path={path} />
    </Suspense>
  )
}
