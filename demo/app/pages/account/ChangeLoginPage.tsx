/**
 * `/account/login`: change the email the shopper signs in with. The change ends every session of
 * the shopper; the flow signs this tab in again with the new login.
 *
 * @module
 */
import { useSelector } from '@xstate/react'
import { useLoginIdChange, useShopper } from 'shopper-session/react'
import { Button, ErrorNotice, Field, Form, text } from '../../ui/index.ts'
import { ChangeFlowView, clearCurrentPassword } from './ChangeFlowView.tsx'
import type { StepWords } from './FlowSteps.tsx'

const STEPS: StepWords = {
  editing: 'Enter your new email',
  updating: 'Saving your new email',
  signingIn: 'Signing you in with it',
  done: 'Done',
}

const NEWS = {
  editing: null,
  updating: 'Saving your new email…',
  signingIn: 'Signing you in with your new email…',
  done: 'Your email is changed.',
  reauthRequired: 'Your email is changed. Please sign in with it.',
}

const WORDS = {
  bad_request: "That isn't a valid email, or it's already the one you sign in with.",
  login_taken: 'Another account already uses that email.',
}

/**
 * The change-login page's content: why the shopper signs in again, the form, the flow's steps.
 * Mounted once per registered shopper (see `useFlowOwner`): the flow starts with it.
 */
export function ChangeLogin() {
  const shopper = useShopper()
  const change = useLoginIdChange()
  const value = useSelector(change.actor, (snapshot) => snapshot?.value)

  // The button stays enabled while busy (a disabled button drops the keyboard focus); the flow
  // takes a submit only at its form.
  const submit = (fields: FormData, form: HTMLFormElement) => {
    if (!change.tags.form) return
    const newLogin = text(fields, 'newLogin').trim()
    const currentPassword = text(fields, 'currentPassword')
    clearCurrentPassword(form)
    change.submit({ newLogin, currentPassword })
  }

  return (
    <ChangeFlowView
      flow={change}
      value={value}
      words={STEPS}
      news={NEWS}
      explain={
        <>
          <p>
            You sign in with <strong>{shopper?.loginId ?? 'your email'}</strong>.
          </p>
          <p>
            For your security, changing it signs you out everywhere. This tab signs you straight
            back in with the new email, your other tabs here follow, and other devices ask you to
            sign in again.
          </p>
        </>
      }
      form={
        <Form className="account-form" onSubmit={submit}>
          <Field
            label="New email"
            name="newLogin"
            type="email"
            autoComplete="email"
            maxLength={256}
            required
          />
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            hint="To confirm it's you."
            required
          />
          <ErrorNotice error={change.error} words={WORDS} />
          <div className="form-actions">
            <Button type="submit" aria-busy={change.tags.busy || undefined}>
              Change login
            </Button>
          </div>
        </Form>
      }
      done={
        <p>
          You now sign in with <strong>{shopper?.loginId}</strong>. You're signed in on this device.
        </p>
      }
      reauthRequired="Your email is changed, but we couldn't sign you back in. Sign in with your new email."
    />
  )
}
