/**
 * A form that hands its fields to a callback, and the status line beside it.
 *
 * @module
 */
import type { FormEvent, FormHTMLAttributes, ReactNode } from 'react'

/** Props of {@link Form}. */
export interface FormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  /** Called with the form's fields on submit (the browser's own submit is prevented). */
  onSubmit: (fields: FormData, form: HTMLFormElement) => void
  children?: ReactNode
}

/**
 * `<form>` whose submit calls `onSubmit(new FormData(form))`. The browser's own validation
 * (`required`, `type="email"`) still runs first and points at the first invalid field.
 *
 * @example
 * ```tsx
 * <Form aria-label="Sign in" onSubmit={(fields) => login.run({ username: text(fields, 'login'), password: text(fields, 'password') })}>
 *   …
 * </Form>
 * ```
 */
export function Form({ onSubmit, className, children, ...props }: FormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSubmit(new FormData(event.currentTarget), event.currentTarget)
  }
  return (
    <form className={['form', className].filter(Boolean).join(' ')} onSubmit={submit} {...props}>
      {children}
    </form>
  )
}

/** The text of field `name` (`''` when missing or a file). */
export function text(fields: FormData, name: string): string {
  const value = fields.get(name)
  return typeof value === 'string' ? value : ''
}

/** Props of {@link StatusMessage}. */
export interface StatusMessageProps {
  children?: ReactNode
}

/**
 * A polite live region for news that is not an error ("Saved.", "Check your mail"). Keep it
 * mounted and change its children: a region that appears with its text is often not announced.
 */
export function StatusMessage({ children }: StatusMessageProps) {
  return (
    <div
      className="notice notice-status"
      role="status"
      aria-live="polite"
      data-empty={children ? undefined : ''}
    >
      {children}
    </div>
  )
}
