/**
 * The logger port and its redacting wrapper: whatever the session logs goes through
 * `redact`/`redactValue` first, so a token or password never reaches the app's logs.
 *
 * @module
 */
import { redact, redactValue } from './redact.ts'

/** Log levels the session uses. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Where the session's log lines go. Every method is optional; `console` fits. */
export type Logger = Partial<Record<LogLevel, (message: string, data?: unknown) => void>>

/** A logger whose methods always exist and always redact. */
export type SafeLogger = Record<LogLevel, (message: string, data?: unknown) => void>

/** Wraps `logger` so every message and data value is redacted; a throwing logger is ignored. */
export function createSafeLogger(logger: Logger | undefined): SafeLogger {
  const levels: LogLevel[] = ['debug', 'info', 'warn', 'error']
  return Object.fromEntries(
    levels.map((level) => [
      level,
      (message: string, data?: unknown): void => {
        const sink = logger?.[level]
        try {
          // Without data, the sink gets one argument (`console` would print `undefined`).
          if (data === undefined) sink?.(redact(message))
          else sink?.(redact(message), redactValue(data))
        } catch {
          // A broken logger must never break the session.
        }
      },
    ]),
  ) as SafeLogger
}
