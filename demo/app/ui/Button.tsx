/**
 * The demo's button.
 *
 * @module
 */
import type { ButtonHTMLAttributes } from 'react'

/** Props of {@link Button}: a `<button>`'s attributes plus its look and a busy state. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** `primary` (default): the page's main action; `secondary`; `danger`: deletes something. */
  variant?: 'primary' | 'secondary' | 'danger' | 'link'
  /**
   * A call it started is running: the button is disabled and says so (`aria-busy`). Its text
   * stays, so its accessible name does not change under a screen reader.
   */
  busy?: boolean
}

/**
 * A `<button>`, `type="button"` unless told otherwise (a form's submit says `type="submit"`).
 *
 * @example
 * ```tsx
 * <Button type="submit" busy={login.pending}>Sign in</Button>
 * ```
 */
export function Button({
  variant = 'primary',
  busy = false,
  type = 'button',
  className,
  disabled,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled === true || busy}
      aria-busy={busy || undefined}
      {...props}
    />
  )
}
