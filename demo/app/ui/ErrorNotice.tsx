/**
 * An error as a shopper reads it, with its code for developers.
 *
 * @module
 */
import { isShopperSessionError } from 'shopper-session'
import { type ErrorWordsOverride, errorWords } from './errorWords.ts'

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** A `ShopperSessionError` (anything else reads as a server error). */
  error: unknown
  /** Page-specific words for some codes. */
  words?: ErrorWordsOverride
}

/**
 * The error in the shopper's words, announced at once (`role="alert"`), and its code in a small
 * `<code>`. Nothing of the error's message is shown: the words say what to do, the code says what
 * happened.
 */
export function ErrorNotice({ error, words }: ErrorNoticeProps) {
  if (error === undefined || error === null) return null
  const code = isShopperSessionError(error) ? error.code : 'server_error'
  return (
    <div className="notice notice-error" role="alert">
      <p>{errorWords(code, words)}</p>
      <p className="code-note">
        Code: <code>{code}</code>
      </p>
    </div>
  )
}
