/**
 * The `expand` query parameter: comma-separated (`style: form, explode: false`) or repeated,
 * each value from the operation's enum; an unknown value is a 400 naming it.
 *
 * @module
 */
import type { Outcome } from './auth.ts'
import { invalidExpand } from './problems.ts'

/** The expand values of `query`, checked against `allowed`; `undefined` when absent. */
export function readExpand<T extends string>(
  query: URLSearchParams,
  allowed: readonly T[],
): Outcome<ReadonlySet<T> | undefined> {
  const raw = query.getAll('expand')
  if (raw.length === 0) return { ok: true, value: undefined }
  const values = raw.flatMap((entry) => entry.split(',')).map((value) => value.trim())
  const found = new Set<T>()
  for (const value of values) {
    const known = allowed.find((candidate) => candidate === value)
    if (known === undefined) return { ok: false, response: invalidExpand(value.slice(0, 64)) }
    found.add(known)
  }
  return { ok: true, value: found }
}
