/**
 * The shell: skip link, header, the current page in `<main>`, the developer area in the footer.
 *
 * @module
 */
import { useState, useSyncExternalStore } from 'react'
import { useSessionEvent, useSessionTag } from 'shopper-session/react'
import { AccountRoute } from './AccountRoute.tsx'
import { DevArea } from './dev/DevArea.tsx'
import { Header } from './Header.tsx'
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage.tsx'
import { RegisterPage } from './pages/auth/RegisterPage.tsx'
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage.tsx'
import { SignInPage } from './pages/auth/SignInPage.tsx'
import { SignOutPage } from './pages/auth/SignOutPage.tsx'
import { BasketPage } from './pages/shop/BasketPage.tsx'
import { ShopPage } from './pages/shop/ShopPage.tsx'
import { Link, type Route, useRoute } from './router.tsx'
import { Page } from './ui/index.ts'

function CurrentPage({ route }: { route: Route }) {
  const { path, params } = route
  if (path === '/account' || path.startsWith('/account/')) return <AccountRoute path={path} />
  switch (path) {
    case '/':
      return <ShopPage />
    case '/basket':
      return <BasketPage />
    case '/login':
      return <SignInPage next={params.get('next')} />
    case '/register':
      return <RegisterPage />
    case '/logout':
      return <SignOutPage />
    case '/forgot-password':
      return <ForgotPasswordPage />
    case '/reset':
      return <ResetPasswordPage params={params} />
    default:
      return (
        <Page title="Page not found">
          <p>
            There is no page here. <Link to="/">Go to the shop</Link>.
          </p>
        </Page>
      )
  }
}

/** The session cannot start (the shop is misconfigured or unreachable for good). */
function UnavailableNotice() {
  const unavailable = useSessionTag('unavailable')
  if (!unavailable) return null
  return (
    <div className="notice notice-error" role="alert">
      <p>We can't reach the shop right now. Please try again in a moment.</p>
    </div>
  )
}

/**
 * The session ended on its own (a lost rotated token, a credential change elsewhere): say so on
 * every page, never sign the shopper out in silence. The sign-in page explains it itself.
 */
function SignedOutNotice({ path }: { path: string }) {
  const reauthRequired = useSessionTag('reauthRequired')
  // The event says why; the session's own error is gone once its guest session has started.
  const [code, setCode] = useState<string | undefined>(undefined)
  useSessionEvent('session.reauthRequired', (event) => setCode(event.error.code))
  if (!reauthRequired || path === '/login') return null
  return (
    <div className="notice notice-warning" role="status">
      <p>
        You were signed out: your session ended. Sign in again to get your basket and account back.{' '}
        <Link to={`/login?next=${encodeURIComponent(path)}`}>Sign in again</Link>
      </p>
      {code && (
        <p className="code-note">
          Code: <code>{code}</code>
        </p>
      )}
    </div>
  )
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/** The browser is offline: what the shopper started waits, and finishes once back online. */
function OfflineNotice() {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine)
  if (online) return null
  return (
    <div className="notice notice-warning" role="status">
      <p>You're offline. What you started will finish when you're back online.</p>
    </div>
  )
}

/** The page. */
export function App() {
  const route = useRoute()
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header path={route.path} />
      <main id="main" tabIndex={-1}>
        <UnavailableNotice />
        <OfflineNotice />
        <SignedOutNotice path={route.path} />
        <CurrentPage key={route.path} route={route} />
      </main>
      <footer className="site-footer">
        <DevArea />
      </footer>
    </>
  )
}
