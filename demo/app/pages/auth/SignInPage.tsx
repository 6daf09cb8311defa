/**
 * Sign in with email and password.
 *
 * @module
 */
import { useLogin, useSessionTag } from 'shopper-session/react'
import { Link, navigate } from '../../router.tsx'
import { Button, ErrorNotice, Field, Form, Page, text } from '../../ui/index.ts'

/** `#/login?next=/account`: where to go after signing in (default the account page). */
export function SignInPage({ next }: { next: string | null }) {
  const login = useLogin()
  const reauthRequired = useSessionTag('reauthRequired')
  const submit = (fields: FormData) => {
    const credentials = { username: text(fields, 'login'), password: text(fields, 'password') }
    void login.run(credentials).then((ok) => {
      if (ok) navigate(next !== null && next.startsWith('/') ? next : '/account')
    })
  }
  return (
    <Page title="Sign in">
      {reauthRequired && (
        <div className="notice notice-warning" role="status">
          <p>Your session ended (your password or email may have changed). Please sign in again.</p>
        </div>
      )}
      <Form onSubmit={submit} onChange={login.reset}>
        <Field label="Email" name="login" type="email" autoComplete="username" required />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <ErrorNotice error={login.error} />
        <div className="actions">
          <Button type="submit" busy={login.pending}>
            Sign in
          </Button>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </Form>
      <p>
        New here? <Link to="/register">Create an account</Link> (your basket comes with you).
      </p>
    </Page>
  )
}
