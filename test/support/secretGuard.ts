/**
 * Global secret check (vitest setup file): captures every console line and everything written to
 * stdout/stderr during each test, plus every error handed to `recordError`, and fails the test
 * when a registered secret (token, code, password, client secret) appears in any of it.
 */
import { format, inspect } from 'node:util'
import { afterEach, beforeEach } from 'vitest'
import { describeSecret, findLeaks, knownSecrets } from './secrets.ts'

const captured: string[] = []

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const
for (const method of CONSOLE_METHODS) {
  const original = console[method].bind(console)
  console[method] = (...args: unknown[]) => {
    captured.push(format(...args))
    original(...args)
  }
}

for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString())
    return original(chunk, ...rest)
  }) as typeof stream.write
}

/**
 * Hands an error to the guard: its message, JSON form and inspected form are checked for secrets
 * at the end of the test. `expectCode` in `expectError.ts` calls this for every expected error.
 */
export function recordError(error: unknown): void {
  captured.push(errorText(error))
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return inspect(error, { depth: 6 })
  const json = (() => {
    try {
      return JSON.stringify(error)
    } catch {
      return ''
    }
  })()
  return [error.message, String(error), json, inspect(error, { depth: 6 })].join('\n')
}

beforeEach(() => {
  captured.length = 0
})

afterEach(() => {
  checkForLeaks()
})

/**
 * Checks (and clears) everything captured since the last check; throws when a known secret is in
 * it. Runs after every test; exported so the guard itself can be tested.
 */
export function checkForLeaks(): void {
  const text = captured.join('\n')
  captured.length = 0
  const leaks = findLeaks(text, knownSecrets())
  if (leaks.length > 0) {
    throw new Error(
      `secret guard: ${leaks.length} secret(s) appeared in log output or an error: ${leaks
        .map(describeSecret)
        .join(', ')}`,
    )
  }
}
