/**
 * The session's browser entry checks an `inspect` option with one registry lookup: the
 * redacting inspector, its actor views and `toMermaid` stay in `shopper-session/inspect`.
 */
import { describe, expect, it } from 'vitest'
import { BROWSER_ENTRIES, measureImport } from '../support/bundleSize.ts'

describe('the session entry', () => {
  it('carries the inspector registry only, none of the inspect entry', async () => {
    const [entry] = BROWSER_ENTRIES
    const size = await measureImport(entry.label, entry.file, entry.names)
    const inspect = size.inputs.filter((input) => input.startsWith('src/inspect'))
    expect(inspect).toEqual(['src/inspect/registry.ts'])
  }, 30_000)
})
