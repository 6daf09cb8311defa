/**
 * The form that adds or edits a saved address.
 *
 * @module
 */
import { useEffect, useRef } from 'react'
import type { CustomerAddress, ShopperSessionError } from 'shopper-session'
import { Button, ErrorNotice, Field, Form, text } from '../../ui/index.ts'
import { COUNTRIES } from './countries.ts'
import { SelectField } from './SelectField.tsx'

/** Props of {@link AddressForm}. */
export interface AddressFormProps {
  /** The address being edited; none for a new one. */
  address?: CustomerAddress
  busy: boolean
  error: ShopperSessionError | null
  onSave: (address: CustomerAddress) => void
  onCancel: () => void
}

// The emulator answers a taken address name, as any refused field, with `bad_request`.
const WORDS = {
  bad_request:
    'Check the details: each address needs a name of its own, a last name and a country.',
}

/**
 * The address as the form's fields give it. A cleared field is sent empty, not left out: an
 * update changes only the fields it carries, so a missing one would keep its old value.
 */
function addressFrom(fields: FormData): CustomerAddress {
  const optional = (name: string) => text(fields, name).trim()
  return {
    addressId: text(fields, 'addressId').trim(),
    firstName: optional('firstName'),
    lastName: text(fields, 'lastName').trim(),
    address1: optional('address1'),
    address2: optional('address2'),
    city: optional('city'),
    stateCode: optional('stateCode'),
    postalCode: optional('postalCode'),
    countryCode: text(fields, 'countryCode'),
    phone: optional('phone'),
    preferred: fields.get('preferred') === 'on',
  }
}

/**
 * A new or edited address, with "Save address" and "Cancel". Its heading takes focus when it
 * opens, so a screen reader says which form this is.
 */
export function AddressForm({ address, busy, error, onSave, onCancel }: AddressFormProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const title = address === undefined ? 'New address' : `Edit “${address.addressId}”`
  return (
    <section className="account-panel" aria-labelledby="address-form-title">
      <h2 id="address-form-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <Form
        aria-labelledby="address-form-title"
        className="account-form"
        onSubmit={(fields) => {
          if (!busy) onSave(addressFrom(fields))
        }}
      >
        <Field
          label="Address name"
          name="addressId"
          hint="For you to tell them apart, like Home or Work."
          defaultValue={address?.addressId ?? ''}
          maxLength={256}
          required
        />
        <div className="form-row">
          <Field
            label="First name"
            name="firstName"
            autoComplete="given-name"
            defaultValue={address?.firstName ?? ''}
            maxLength={256}
          />
          <Field
            label="Last name"
            name="lastName"
            autoComplete="family-name"
            defaultValue={address?.lastName ?? ''}
            maxLength={256}
            required
          />
        </div>
        <Field
          label="Street address"
          name="address1"
          autoComplete="address-line1"
          defaultValue={address?.address1 ?? ''}
          maxLength={256}
          required
        />
        <Field
          label="Apartment, suite (optional)"
          name="address2"
          autoComplete="address-line2"
          defaultValue={address?.address2 ?? ''}
          maxLength={256}
        />
        <div className="form-row">
          <Field
            label="City"
            name="city"
            autoComplete="address-level2"
            defaultValue={address?.city ?? ''}
            maxLength={256}
            required
          />
          <Field
            label="State or region"
            name="stateCode"
            autoComplete="address-level1"
            defaultValue={address?.stateCode ?? ''}
            maxLength={256}
          />
        </div>
        <div className="form-row">
          <Field
            label="Postal code"
            name="postalCode"
            autoComplete="postal-code"
            defaultValue={address?.postalCode ?? ''}
            maxLength={256}
          />
          <SelectField
            label="Country"
            name="countryCode"
            autoComplete="country"
            choices={COUNTRIES}
            defaultValue={address?.countryCode ?? 'US'}
            required
          />
        </div>
        <Field
          label="Phone (optional)"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={address?.phone ?? ''}
          maxLength={32}
        />
        <div className="field field-checkbox">
          <input
            id="address-preferred"
            name="preferred"
            type="checkbox"
            defaultChecked={address?.preferred === true}
          />
          <label htmlFor="address-preferred">Use as my preferred address</label>
        </div>
        <ErrorNotice error={error} words={WORDS} />
        <div className="form-actions">
          <Button type="submit" aria-busy={busy || undefined}>
            Save address
          </Button>
          <Button variant="secondary" disabled={busy} onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </Form>
    </section>
  )
}
