/**
 * Server text (and thrown errors' text) made safe for error messages: redacted, then cut.
 *
 * @module
 */
import { redact } from '../redact.ts'

/** Whitespace collapsed, secrets redacted, cut to `max` characters (200 by default). */
export function cleanServerText(value: string | undefined, max = 200): string | undefined {
  if (value === undefined) return undefined
  // Redact before cutting: a cut token would no longer be recognized.
  const text = redact(value.replace(/\s+/g, ' '))
  return text.length > max ? `${text.slice(0, max)}…` : text
}
