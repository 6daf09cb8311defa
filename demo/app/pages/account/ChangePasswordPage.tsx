/**
 * `/account/password`: change the password. The change ends every session of the shopper; the
 * flow signs this tab in again with the new password.
 *
 * @module
 */
import { useSelector } from '@xstate/react'
import { useState } from 'react'
import { usePasswordChange, useShopper } from 'shopper-session/react'
import { Button, ErrorNotice, Field, Form, text } from '../../ui/index.ts'
import { ChangeFlowView, clearCurrentPassword } from './ChangeFlowView.tsx'
import type { StepWords } from './FlowSteps.tsx'

const STEPS: StepWords = {
  editing: 'Enter your passwords',
  updating: 'Saving your new password',
  signingIn: 'Signing you in with it',
  done: 'Done',
}

const NEWS = {
  editing: null,
  updating: 'Saving your new password…',
  signingIn: 'Signing you in with your new password…',
  done: 'Your password is changed.',
  reauthRequired: 'Your password is changed. Please sign in with it.',
}

const POLICY =
  'At least 8 characters, with an upper-case and a lower-case letter, a digit and a symbol.'

/**
 * The change-password page's content: the form and the flow's steps. Mounted once per registered
 * shopper (see `useFlowOwner`): the flow starts with it.
 */
export function ChangePassword() {
  const shopper = useShopper()
  const change = usePasswordChange()
  const value = useSelector(change.actor, (snapshot) => snapshot?.value)
  const [mismatch, setMismatch] = useState(false)

  // The button stays enabled while busy (a disabled button drops the keyboard focus); the flow
  // takes a submit only at its form.
  const submit = (fields: FormData, form: HTMLFormElement) => {
    if (!change.tags.form) return
    const currentPassword = text(fields, 'currentPassword')
    const newPassword = text(fields, 'newPassword')
    const differ = newPassword !== text(fields, 'repeatPassword')
    setMismatch(differ)
    if (differ) return
    clearCurrentPassword(form)
    change.submit({ currentPassword, newPassword })
  }

  return (
    <ChangeFlowView
      flow={change}
      value={value}
      words={STEPS}
      news={NEWS}
      explain={
        <p>
          For your security, a new password signs you out everywhere. This tab signs you straight
          back in with it, your other tabs here follow, and other devices ask you to sign in again.
        </p>
      }
      form={
        <Form className="account-form" onSubmit={submit}>
          {/* Lets password managers tie the new password to the account. */}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={shopper?.loginId ?? ''}
            readOnly
            hidden
          />
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint={POLICY}
            required
          />
          <Field
            label="Repeat new password"
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            required
            error={mismatch ? "The two new passwords don't match." : undefined}
          />
          <ErrorNotice error={change.error} />
          <div className="form-actions">
            <Button type="submit" aria-busy={change.tags.busy || undefined}>
              Change password
            </Button>
          </div>
        </Form>
      }
      done={<p>Your password is changed. You're signed in on this device.</p>}
      reauthRequired="Your password is changed, but we couldn't sign you back in. Sign in with it."
    />
  )
}
