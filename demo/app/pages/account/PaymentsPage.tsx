/**
 * `/account/payments`: the saved cards, masked, with add and delete.
 *
 * @module
 */
import { useId, useRef, useState } from 'react'
import type { CustomerPaymentInstrument } from 'shopper-session'
import {
  useDeletePaymentInstrument,
  usePaymentInstruments,
  useProfile,
} from 'shopper-session/react-query'
import { ErrorNotice, StatusMessage } from '../../ui/index.ts'
import { CardForm } from './CardForm.tsx'
import { ConfirmDelete } from './ConfirmDelete.tsx'
import { LoadState } from './LoadState.tsx'

/** The payment methods page's content. */
export function PaymentsPage() {
  const instruments = usePaymentInstruments()
  const { data: profile } = useProfile()
  const remove = useDeletePaymentInstrument()
  const [news, setNews] = useState('')
  const listHeading = useRef<HTMLHeadingElement>(null)

  const deleteInstrument = (instrument: CustomerPaymentInstrument) => {
    const paymentInstrumentId = instrument.paymentInstrumentId
    if (paymentInstrumentId === undefined) return
    setNews('')
    remove.mutate(
      { paymentInstrumentId },
      {
        onSuccess: () => {
          setNews(`${describe(instrument)} deleted.`)
          // The focused button went with the card: focus its list instead.
          listHeading.current?.focus()
        },
      },
    )
  }

  if (instruments.data === undefined) {
    return <LoadState query={instruments} what="your payment methods" />
  }
  const holder = [profile?.firstName, profile?.lastName].filter(Boolean).join(' ')
  return (
    <>
      <StatusMessage>{news || null}</StatusMessage>
      <section aria-labelledby="payments-list-title">
        <h2 id="payments-list-title" ref={listHeading} tabIndex={-1}>
          Saved cards
        </h2>
        <ErrorNotice error={remove.error} />
        {instruments.data.length === 0 ? (
          <p className="account-empty">You have no saved cards yet.</p>
        ) : (
          <ul className="account-cards">
            {instruments.data.map((instrument) => (
              <InstrumentCard
                key={instrument.paymentInstrumentId}
                instrument={instrument}
                deleting={
                  remove.isPending &&
                  remove.variables?.paymentInstrumentId === instrument.paymentInstrumentId
                }
                onDelete={() => deleteInstrument(instrument)}
              />
            ))}
          </ul>
        )}
      </section>
      <CardForm
        holder={holder}
        onAdded={(lastDigits) => setNews(`Card ending in ${lastDigits} added.`)}
      />
    </>
  )
}

/** "Visa ending in 1111" (or what the instrument is, when it is no card). */
function describe(instrument: CustomerPaymentInstrument): string {
  const card = instrument.paymentCard
  if (card === undefined) return instrument.paymentMethodId ?? 'Payment method'
  return `${card.cardType ?? 'Card'} ending in ${card.numberLastDigits ?? '????'}`
}

/** Props of {@link InstrumentCard}. */
interface InstrumentCardProps {
  instrument: CustomerPaymentInstrument
  deleting: boolean
  onDelete: () => void
}

/** One saved card: brand, masked number, holder, expiry, with its Delete button. */
function InstrumentCard({ instrument, deleting, onDelete }: InstrumentCardProps) {
  const nameId = useId()
  const card = instrument.paymentCard
  const month = card?.expirationMonth
  return (
    <li className="account-card">
      <h3 id={nameId}>
        {describe(instrument)}
        {instrument.default === true && <span className="badge"> Default</span>}
        {card?.creditCardExpired === true && <span className="badge badge-warning"> Expired</span>}
      </h3>
      {card !== undefined && (
        <p className="card-details">
          {/* The full number never leaves the shop: it keeps the masked one only. */}
          <span className="card-number">{card.maskedNumber}</span>
          {card.holder && <span>{card.holder}</span>}
          {month !== undefined && card.expirationYear !== undefined && (
            <span>
              Expires {String(month).padStart(2, '0')}/{card.expirationYear}
            </span>
          )}
        </p>
      )}
      <div className="card-actions">
        <ConfirmDelete
          what={describe(instrument)}
          describedBy={nameId}
          busy={deleting}
          onConfirm={onDelete}
        />
      </div>
    </li>
  )
}
