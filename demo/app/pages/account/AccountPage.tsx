/**
 * The account pages (`/account`, `/account/profile`, …): one `<h1>` each, the shopper's data for
 * a registered shopper and a sign-in prompt for a guest.
 *
 * @module
 */
import type { ComponentType } from 'react'
import { useShopper } from 'shopper-session/react'
import { Link } from '../../router.tsx'
import { Page, StatusMessage } from '../../ui/index.ts'
import './account.css'
import { BackToAccount } from './AccountNav.tsx'
import { AddressesPage } from './AddressesPage.tsx'
import { ChangeLogin } from './ChangeLoginPage.tsx'
import { ChangePassword } from './ChangePasswordPage.tsx'
import { ListsPage } from './ListsPage.tsx'
import { Overview } from './Overview.tsx'
import { PaymentsPage } from './PaymentsPage.tsx'
import { ProfilePage } from './ProfilePage.tsx'
import { SignInPrompt } from './SignInPrompt.tsx'
import { useFlowOwner } from './useFlowOwner.ts'

/**
 * One account page. `data` pages show the shopper's data while a registered shopper is signed
 * in; `flow` pages run a change that signs the shopper out and in again, and stay mounted
 * through it.
 */
interface AccountRoute {
  title: string
  kind: 'data' | 'flow'
  Content: ComponentType
}

const ROUTES: Readonly<Record<string, AccountRoute>> = {
  '/account': { title: 'Account', kind: 'data', Content: Overview },
  '/account/profile': { title: 'Profile', kind: 'data', Content: ProfilePage },
  '/account/addresses': { title: 'Addresses', kind: 'data', Content: AddressesPage },
  '/account/payments': { title: 'Payment methods', kind: 'data', Content: PaymentsPage },
  '/account/lists': { title: 'Wishlist and favorites', kind: 'data', Content: ListsPage },
  '/account/login': { title: 'Change login', kind: 'flow', Content: ChangeLogin },
  '/account/password': { title: 'Change password', kind: 'flow', Content: ChangePassword },
}

/** Props of {@link AccountPage}. */
export interface AccountPageProps {
  /** The route's path, `/account` or `/account/…`. */
  path: string
}

/**
 * The account page at `path`. Keyed by path, so each page mounts afresh: its heading takes
 * focus and its forms start empty.
 */
export function AccountPage({ path }: AccountPageProps) {
  const normalized = path.replace(/\/+$/, '') || '/account'
  const route = ROUTES[normalized]
  if (route === undefined) {
    return (
      <Page key={path} title="Page not found">
        <p>
          There is no such account page. <Link to="/account">Go to your account</Link>.
        </p>
      </Page>
    )
  }
  return (
    <Page key={path} title={route.title}>
      <div className="account">
        {normalized !== '/account' && <BackToAccount />}
        {route.kind === 'flow' ? (
          <FlowGate Content={route.Content} />
        ) : (
          <DataGate Content={route.Content} />
        )}
      </div>
    </Page>
  )
}

/** Waits for the session, then shows the content to a registered shopper, the prompt to a guest. */
function DataGate({ Content }: { Content: ComponentType }) {
  const shopper = useShopper()
  if (shopper === undefined) return <StatusMessage>Loading your account…</StatusMessage>
  if (shopper.kind !== 'registered') return <SignInPrompt />
  return <Content />
}

/**
 * The content of a change flow, mounted once a registered shopper is seen and kept while the
 * change signs them out and in again; a new flow for another shopper.
 */
function FlowGate({ Content }: { Content: ComponentType }) {
  const shopper = useShopper()
  const owner = useFlowOwner()
  if (owner !== undefined) return <Content key={owner} />
  if (shopper === undefined) return <StatusMessage>Loading your account…</StatusMessage>
  return <SignInPrompt />
}
