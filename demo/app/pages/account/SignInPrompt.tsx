/**
 * What a guest sees on an account page: a reason and a way to sign in.
 *
 * @module
 */
import { useSessionTag } from 'shopper-session/react'
import { Link, useRoute } from '../../router.tsx'

/**
 * The sign-in prompt of the account pages; signing in comes back to the page. After a change of login or password that could not
 * sign the shopper back in (the session is tagged `reauthRequired`), it says so.
 */
export function SignInPrompt() {
  const reauthRequired = useSessionTag('reauthRequired')
  // Back to this page once signed in.
  const { path } = useRoute()
  return (
    <div className="account-signin">
      <p>
        {reauthRequired
          ? 'Your session ended. Sign in again to see your account.'
          : 'Sign in to see your profile, addresses, payment methods and lists.'}
      </p>
      <p>
        <Link to={`/login?next=${path}`} className="button button-primary">
          Sign in
        </Link>
      </p>
    </div>
  )
}
