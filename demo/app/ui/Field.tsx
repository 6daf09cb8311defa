/**
 * A labelled text input with its hint and error, wired for assistive technology.
 *
 * @module
 */
import { type InputHTMLAttributes, useId } from 'react'

/** Props of {@link Field}: an `<input>`'s attributes plus its label, hint and error. */
export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  /** The visible `<label>` (the input's accessible name). */
  label: string
  /** The input's `name`: the key of the form's `FormData`. */
  name: string
  /** A short help line under the input (`aria-describedby`). */
  hint?: string
  /** What is wrong with the value; marks the input `aria-invalid` and is read with it. */
  error?: string | undefined
}

/**
 * `<label>` + `<input>` (+ hint, + error). The error is tied to the input with
 * `aria-describedby`, so a screen reader reads it when the input gets focus.
 *
 * @example
 * ```tsx
 * <Field label="Email" name="login" type="email" autoComplete="username" required />
 * ```
 */
export function Field({ label, hint, error, className, ...input }: FieldProps) {
  const id = useId()
  const hintId = hint === undefined ? undefined : `${id}-hint`
  const errorId = error === undefined ? undefined : `${id}-error`
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy}
        {...input}
      />
      {hint !== undefined && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}
