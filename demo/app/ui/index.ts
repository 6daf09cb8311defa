/**
 * The demo's shared UI pieces: every page builds its forms and messages from these.
 *
 * @module
 */
export { Button, type ButtonProps } from './Button.tsx'
export { ErrorNotice, type ErrorNoticeProps } from './ErrorNotice.tsx'
export { type ErrorWordsOverride, errorWords } from './errorWords.ts'
export { Field, type FieldProps } from './Field.tsx'
export { Form, type FormProps, StatusMessage, type StatusMessageProps, text } from './Form.tsx'
export { Page, type PageProps } from './Page.tsx'
export { formatPrice } from './price.ts'
