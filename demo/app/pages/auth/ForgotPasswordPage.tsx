/**
 * Forgot password: the server mails a reset link (here: the dev outbox shows it).
 *
 * @module
 */
import { usePasswordReset } from 'shopper-session/react'
import { Link } from '../../router.tsx'
import { Button, ErrorNotice, Field, Form, Page, StatusMessage, text } from '../../ui/index.ts'

const WORDS = { not_found: "We don't know that email. Check it, or create an account." }

/** `#/forgot-password`. */
export function ForgotPasswordPage() {
  const reset = usePasswordReset()
  const { tags } = reset
  return (
    <Page title="Forgot password" intro="We'll email you a link to choose a new password.">
      <Form onSubmit={(fields) => reset.request(text(fields, 'login'))}>
        <Field label="Email" name="login" type="email" autoComplete="username" required />
        <ErrorNotice error={reset.error} words={WORDS} />
        <div className="actions">
          <Button type="submit" busy={tags.busy}>
            {tags.tokenSent ? 'Send the link again' : 'Send reset link'}
          </Button>
          {tags.retryable && (
            <Button variant="secondary" onClick={reset.retry}>
              Try again
            </Button>
          )}
        </div>
      </Form>
      <StatusMessage>
        {tags.tokenSent && (
          <p>
            Check your mail: the link is on its way. (In this demo, mail lands in the Dev outbox at
            the bottom of the page.)
          </p>
        )}
      </StatusMessage>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </Page>
  )
}
