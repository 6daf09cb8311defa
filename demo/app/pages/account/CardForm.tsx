/**
 * The form that saves a new card.
 *
 * @module
 */
import { useRef, useState } from 'react'
import type { CustomerPaymentInstrumentRequest } from 'shopper-session'
import { useCreatePaymentInstrument } from 'shopper-session/react-query'
import { Button, ErrorNotice, Field, Form, text } from '../../ui/index.ts'
import { cardBrand, cardDigits, cardNumberProblem, expired, TEST_CARDS } from './card.ts'
import { type Choice, SelectField } from './SelectField.tsx'

const MONTHS: readonly Choice[] = Array.from({ length: 12 }, (_, index) => {
  const month = String(index + 1).padStart(2, '0')
  return { value: String(index + 1), label: month }
})

function yearChoices(now: Date): Choice[] {
  return Array.from({ length: 12 }, (_, index) => {
    const year = String(now.getFullYear() + index)
    return { value: year, label: year }
  })
}

/** What the form says is wrong, per field. */
interface Problems {
  number?: string
  expiry?: string
}

/** Props of {@link CardForm}. */
export interface CardFormProps {
  /** The name the "use a test card" button fills in. */
  holder: string
  /** Called with the last four digits once the card is saved. */
  onAdded: (lastDigits: string) => void
}

/**
 * "Add a card": name, number and expiry, checked here first (checksum, brand, expiry) so a typo
 * is caught before anything is sent. A button fills in a public test card.
 */
export function CardForm({ holder, onAdded }: CardFormProps) {
  const create = useCreatePaymentInstrument()
  const [problems, setProblems] = useState<Problems>({})
  const section = useRef<HTMLElement>(null)
  const now = new Date()

  const add = (fields: FormData, element: HTMLFormElement) => {
    if (create.isPending) return
    const digits = cardDigits(text(fields, 'number'))
    const month = Number(text(fields, 'expirationMonth'))
    const year = Number(text(fields, 'expirationYear'))
    const found: Problems = {
      number: cardNumberProblem(digits),
      expiry: expired(month, year, now) ? 'That card has expired.' : undefined,
    }
    setProblems(found)
    if (found.number !== undefined || found.expiry !== undefined) return
    const body: CustomerPaymentInstrumentRequest = {
      paymentMethodId: 'CREDIT_CARD',
      paymentCard: {
        cardType: cardBrand(digits) ?? '',
        holder: text(fields, 'holder').trim(),
        number: digits,
        expirationMonth: month,
        expirationYear: year,
        // Required by the API though a shopper never sees them: sent as PWA Kit sends them.
        issueNumber: '',
        validFromMonth: 1,
        validFromYear: 2020,
      },
    }
    create.mutate(
      { body },
      {
        onSuccess: () => {
          element.reset()
          onAdded(digits.slice(-4))
        },
      },
    )
  }

  const fillTestCard = () => {
    // The shared Form takes no ref: its element is the one form of this section.
    const elements = section.current?.querySelector('form')?.elements
    const set = (name: string, value: string) => {
      const field = elements?.namedItem(name)
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
        field.value = value
    }
    set('holder', holder)
    set('number', TEST_CARDS[0]?.number ?? '')
    set('expirationMonth', '12')
    set('expirationYear', String(now.getFullYear() + 3))
    setProblems({})
  }

  return (
    <section ref={section} className="account-panel" aria-labelledby="card-form-title">
      <h2 id="card-form-title">Add a card</h2>
      <p className="account-note">
        This demo shop takes test cards only, such as{' '}
        {TEST_CARDS.map((card, index) => (
          <span key={card.number}>
            {index > 0 && (index === TEST_CARDS.length - 1 ? ' or ' : ', ')}
            <span className="nowrap">{card.number}</span> ({card.brand})
          </span>
        ))}
        . It keeps only the last four digits.
      </p>
      <Form aria-labelledby="card-form-title" className="account-form" onSubmit={add}>
        <Field label="Name on card" name="holder" autoComplete="cc-name" maxLength={256} required />
        <Field
          label="Card number"
          name="number"
          inputMode="numeric"
          autoComplete="cc-number"
          maxLength={23}
          required
          error={problems.number}
        />
        <fieldset className="form-row fieldset-plain">
          <legend>Expires</legend>
          <SelectField
            label="Month"
            name="expirationMonth"
            autoComplete="cc-exp-month"
            choices={MONTHS}
            defaultValue={String(now.getMonth() + 1)}
          />
          <SelectField
            label="Year"
            name="expirationYear"
            autoComplete="cc-exp-year"
            choices={yearChoices(now)}
            defaultValue={String(now.getFullYear() + 1)}
          />
        </fieldset>
        {problems.expiry !== undefined && (
          <p className="field-error" role="alert">
            {problems.expiry}
          </p>
        )}
        <ErrorNotice error={create.error} />
        <div className="form-actions">
          <Button type="submit" aria-busy={create.isPending || undefined}>
            Add card
          </Button>
          <Button variant="secondary" onClick={fillTestCard}>
            Use a test card
          </Button>
        </div>
      </Form>
    </section>
  )
}
