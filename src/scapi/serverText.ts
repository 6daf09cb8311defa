/**
 * Server text (and thrown errors' text) made safe for error messages: redacted, then cut.
 *
 * @module
 */
import { redact } from '../redact.ts'

const MAX_SERVER_TEXT = 200

/** Whitespace collapsed, secrets redacted, cut to `max` characters. */
export function cleanServerText(
  value: string | undefined,
  max = MAX_SERVER_TEXT,
): string | undefined {
  if (value === undefined) return undefined
  // Redact before cutting: a cut token would no longer be recognized.
  const text = redact(value.replace(/\s+/g, ' '))
  return text.length > max ? `${text.slice(0, max)}…` : text
}
