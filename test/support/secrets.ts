/**
 * The registry behind the global secret check: every test that creates secrets (an emulator
 * issuing tokens, a test password) registers where they come from, and the guard in
 * `secretGuard.ts` fails the test when any of them shows up in a log line or an error.
 */

type SecretSource = () => Iterable<string>

const sources = new Set<SecretSource>()
const fixed = new Set<string>()

/** Values shorter than this are too common to be told apart from ordinary text. */
const MIN_SECRET_LENGTH = 6

/** Registers one secret value (a password, a client secret). Returns an unregister. */
export function registerSecret(value: string): () => void {
  fixed.add(value)
  return () => fixed.delete(value)
}

/** Registers a live source of secrets, e.g. an emulator's `control.secrets`. Returns an unregister. */
export function registerSecretSource(source: SecretSource): () => void {
  sources.add(source)
  return () => sources.delete(source)
}

/** Every secret currently known to the registry. */
export function knownSecrets(): Set<string> {
  const all = new Set(fixed)
  for (const source of sources) for (const value of source()) all.add(value)
  return all
}

/** The secrets that occur in `text` (each reported once), ignoring values too short to matter. */
export function findLeaks(text: string, secrets: Iterable<string>): string[] {
  const leaks: string[] = []
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && text.includes(secret)) leaks.push(secret)
  }
  return leaks
}

/** Shows a secret in a failure message without printing it: its length and first 3 characters. */
export function describeSecret(secret: string): string {
  return `${secret.slice(0, 3)}… (${secret.length} chars)`
}
