/**
 * Signing out: the nav's "Sign out" opens this page, which ends the session once.
 *
 * @module
 */
import { useEffect, useRef } from 'react'
import { useLogout, useShopper } from 'shopper-session/react'
import { Link } from '../../router.tsx'
import { Button, ErrorNotice, Page } from '../../ui/index.ts'

/** `#/logout`: signs a registered shopper out (at SLAS too), then says so. */
export function SignOutPage() {
  const shopper = useShopper()
  const logout = useLogout()
  // One logout per visit: StrictMode's second effect run and re-renders must not send another.
  const started = useRef(false)
  const registered = shopper?.kind === 'registered'
  useEffect(() => {
    if (started.current || !registered) return
    started.current = true
    void logout.run()
  }, [registered, logout])
  return (
    <Page title="Sign out">
      <div role="status" aria-live="polite">
        {registered || logout.pending ? <p>Signing you out…</p> : <p>You're signed out.</p>}
      </div>
      <ErrorNotice error={logout.error} />
      {logout.error !== undefined && <Button onClick={() => void logout.run()}>Try again</Button>}
      <p>
        <Link to="/">Continue shopping</Link> or <Link to="/login">sign in again</Link>.
      </p>
    </Page>
  )
}
