/**
 * A labelled `<select>`, styled as the shared text fields (`.field`).
 *
 * @module
 */
import { type SelectHTMLAttributes, useId } from 'react'

/** One choice of a {@link SelectField}. */
export interface Choice {
  value: string
  label: string
}

/** Props of {@link SelectField}: a `<select>`'s attributes plus its label and choices. */
export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  /** The visible `<label>` (the select's accessible name). */
  label: string
  name: string
  choices: readonly Choice[]
}

/** `<label>` + `<select>`. */
export function SelectField({ label, choices, className, ...select }: SelectFieldProps) {
  const id = useId()
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  )
}
