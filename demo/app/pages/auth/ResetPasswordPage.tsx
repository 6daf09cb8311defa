/**
 * The new-password page the mailed reset link opens (`#/reset?login=…&token=…`).
 *
 * @module
 */
import { useEffect, useState } from 'react'
import { usePasswordReset } from 'shopper-session/react'
import { Link, replaceRoute } from '../../router.tsx'
import { Button, ErrorNotice, Field, Form, Page, text } from '../../ui/index.ts'

const PASSWORD_HINT =
  'At least 8 characters, with an upper-case and a lower-case letter, a digit and a symbol.'

function ResetForm({ login, token }: { login: string; token: string }) {
  const reset = usePasswordReset({ login, token, loginAfterReset: true })
  const { tags } = reset
  if (tags.done) {
    return (
      <div role="status">
        <p>Your password is changed{reset.loggedIn ? ' and you are signed in' : ''}.</p>
        <p>
          {reset.loggedIn ? (
            <Link to="/account">Go to your account</Link>
          ) : (
            <Link to="/login">Sign in</Link>
          )}
        </p>
      </div>
    )
  }
  if (tags.linkInvalid || tags.requestForm) {
    return (
      <>
        <ErrorNotice error={reset.error} />
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </>
    )
  }
  return (
    <Form onSubmit={(fields) => reset.submit(text(fields, 'password'))}>
      <p>
        For <strong>{login}</strong>
      </p>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        required
      />
      <ErrorNotice error={reset.error} />
      <div className="actions">
        <Button type="submit" busy={tags.busy}>
          Set new password
        </Button>
        {tags.retryable && (
          <Button variant="secondary" onClick={reset.retry}>
            Try again
          </Button>
        )}
      </div>
    </Form>
  )
}

/** `#/reset`: reads the link's login and token once, then takes them out of the address. */
export function ResetPasswordPage({ params }: { params: URLSearchParams }) {
  const [link] = useState(() => ({
    login: params.get('login') ?? '',
    token: params.get('token') ?? '',
  }))
  useEffect(() => replaceRoute('/reset'), [])
  const complete = link.login !== '' && link.token !== ''
  return (
    <Page title="Choose a new password">
      {complete ? (
        <ResetForm login={link.login} token={link.token} />
      ) : (
        <p>
          This link is incomplete. <Link to="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
    </Page>
  )
}
