/**
 * `/account/profile`: the shopper's name and phone number.
 *
 * @module
 */
import type { Customer } from 'shopper-session'
import { useProfile, useUpdateProfile } from 'shopper-session/react-query'
import { Link } from '../../router.tsx'
import { Button, ErrorNotice, Field, Form, StatusMessage, text } from '../../ui/index.ts'
import { LoadState } from './LoadState.tsx'

/** The profile page's content: the edit form once the profile has loaded. */
export function ProfilePage() {
  const profile = useProfile()
  if (profile.data === undefined) return <LoadState query={profile} what="your profile" />
  return <ProfileForm profile={profile.data} />
}

function ProfileForm({ profile }: { profile: Customer }) {
  const update = useUpdateProfile()
  const save = (fields: FormData) => {
    if (update.isPending) return
    update.mutate({
      body: {
        firstName: text(fields, 'firstName').trim(),
        lastName: text(fields, 'lastName').trim(),
        phoneMobile: text(fields, 'phoneMobile').trim(),
      },
    })
  }
  return (
    <>
      <p className="account-note">
        You sign in with <strong>{profile.login}</strong>.{' '}
        <Link to="/account/login">Change login</Link>
      </p>
      <Form
        className="account-form"
        onSubmit={save}
        // Editing again: the last save's news is old.
        onChange={() => {
          if (!update.isPending) update.reset()
        }}
      >
        <Field
          label="First name"
          name="firstName"
          autoComplete="given-name"
          defaultValue={profile.firstName ?? ''}
          maxLength={256}
        />
        <Field
          label="Last name"
          name="lastName"
          autoComplete="family-name"
          defaultValue={profile.lastName ?? ''}
          maxLength={256}
          required
        />
        <Field
          label="Phone"
          name="phoneMobile"
          type="tel"
          autoComplete="tel"
          hint="Only to reach you about an order."
          defaultValue={profile.phoneMobile ?? ''}
          maxLength={32}
        />
        <div className="form-actions">
          <Button type="submit" aria-busy={update.isPending || undefined}>
            Save profile
          </Button>
        </div>
      </Form>
      <StatusMessage>
        {update.isPending ? 'Saving your profile…' : update.isSuccess ? 'Profile saved.' : null}
      </StatusMessage>
      <ErrorNotice error={update.error ?? undefined} />
    </>
  )
}
