/**
 * `/account/addresses`: the saved addresses, with add, edit and delete.
 *
 * @module
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { CustomerAddress } from 'shopper-session'
import {
  useAddresses,
  useCreateAddress,
  useRemoveAddress,
  useUpdateAddress,
} from 'shopper-session/react-query'
import { Button, ErrorNotice, StatusMessage } from '../../ui/index.ts'
import { AddressForm } from './AddressForm.tsx'
import { ConfirmDelete } from './ConfirmDelete.tsx'
import { countryName } from './countries.ts'
import { LoadState } from './LoadState.tsx'

/** What the page shows besides the list: nothing, the new-address form, or an address's form. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; address: CustomerAddress }

/** The addresses page's content. */
export function AddressesPage() {
  const addresses = useAddresses()
  const create = useCreateAddress()
  const update = useUpdateAddress()
  const remove = useRemoveAddress()
  const [editing, setEditing] = useState<Editing>({ kind: 'none' })
  const [news, setNews] = useState('')
  const listHeading = useRef<HTMLHeadingElement>(null)
  const formWasOpen = useRef(false)

  // Back from a form, focus goes to the list the shopper returns to.
  useEffect(() => {
    if (editing.kind === 'none' && formWasOpen.current) listHeading.current?.focus()
    formWasOpen.current = editing.kind !== 'none'
  }, [editing])

  const open = (next: Editing) => {
    create.reset()
    update.reset()
    setNews('')
    setEditing(next)
  }
  const saved = (address: CustomerAddress) => {
    setNews(`Address “${address.addressId}” saved.`)
    setEditing({ kind: 'none' })
  }
  const save = (address: CustomerAddress) => {
    if (editing.kind === 'edit') {
      const addressName = editing.address.addressId
      update.mutate({ addressName, body: address }, { onSuccess: saved })
    } else {
      create.mutate({ body: address }, { onSuccess: saved })
    }
  }
  const deleteAddress = (addressName: string) => {
    setNews('')
    remove.mutate(
      { addressName },
      {
        onSuccess: () => {
          setNews(`Address “${addressName}” deleted.`)
          // The focused button went with the address: focus its list instead.
          listHeading.current?.focus()
        },
      },
    )
  }

  if (addresses.data === undefined) return <LoadState query={addresses} what="your addresses" />
  const list = addresses.data
  return (
    <>
      <StatusMessage>{news || null}</StatusMessage>
      {editing.kind === 'none' ? (
        <>
          <div className="account-toolbar">
            <Button onClick={() => open({ kind: 'new' })}>Add address</Button>
          </div>
          <section aria-labelledby="addresses-list-title">
            <h2 id="addresses-list-title" ref={listHeading} tabIndex={-1}>
              Saved addresses
            </h2>
            <ErrorNotice error={remove.error} />
            {list.length === 0 ? (
              <p className="account-empty">You have no saved addresses yet.</p>
            ) : (
              <ul className="account-cards">
                {list.map((address) => (
                  <AddressCard
                    key={address.addressId}
                    address={address}
                    deleting={
                      remove.isPending && remove.variables?.addressName === address.addressId
                    }
                    onEdit={() => open({ kind: 'edit', address })}
                    onDelete={() => deleteAddress(address.addressId)}
                  />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : (
        <AddressForm
          address={editing.kind === 'edit' ? editing.address : undefined}
          busy={create.isPending || update.isPending}
          error={editing.kind === 'edit' ? update.error : create.error}
          onSave={save}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      )}
    </>
  )
}

/** Props of {@link AddressCard}. */
interface AddressCardProps {
  address: CustomerAddress
  deleting: boolean
  onEdit: () => void
  onDelete: () => void
}

/** One saved address, as it would go on a parcel, with its Edit and Delete buttons. */
function AddressCard({ address, deleting, onEdit, onDelete }: AddressCardProps) {
  const nameId = useId()
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ')
  const place = [address.city, [address.stateCode, address.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ')
  const lines = [name, address.address1, address.address2, place, countryName(address.countryCode)]
  return (
    <li className="account-card">
      <h3 id={nameId}>
        {address.addressId}
        {address.preferred === true && <span className="badge"> Preferred</span>}
      </h3>
      <address>
        {lines.filter(Boolean).map((line, index) => (
          // Lines can repeat (a city named as its state): the position is the key.
          <span key={index} className="address-line">
            {line}
          </span>
        ))}
        {address.phone ? <span className="address-line">Phone: {address.phone}</span> : null}
      </address>
      <div className="card-actions">
        <Button variant="secondary" aria-describedby={nameId} onClick={onEdit}>
          Edit
        </Button>
        <ConfirmDelete
          what={`the address “${address.addressId}”`}
          describedBy={nameId}
          busy={deleting}
          onConfirm={onDelete}
        />
      </div>
    </li>
  )
}
