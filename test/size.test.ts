/**
 * Browser entries: the session entry with its default browser adapters (xstate included) stays
 * within 30 KiB gzip, hard, and carries no zod at all (it validates with the plain rules of
 * src/validation/); no browser entry carries the emulator, server code, a `node:` import, or zod's
 * full build or locales. These measure the sources (the fast loop); what users get, the packed
 * tarball installed and bundled by esbuild and Vite, is measured against the same budget in
 * test/package/size.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { BROWSER_ENTRIES, measureEntrySources, measureImport } from './support/bundleSize.ts'

describe('browser entries', () => {
  it.each(BROWSER_ENTRIES.filter((entry) => entry.file !== 'src/emulator/index.ts'))(
    '$label carries no emulator, server code, node: import or full zod',
    async (entry) => {
      const size = await measureEntrySources(entry)
      const forbidden = size.inputs.filter(
        (input) =>
          input.startsWith('src/emulator/') ||
          input.startsWith('src/server/') ||
          input.includes('serverCookie') ||
          input.startsWith('node:') ||
          /node_modules\/zod\/v4\/(classic|locales)\//.test(input),
      )
      expect(size.inputs.length).toBeGreaterThan(10)
      expect(forbidden).toEqual([])
    },
    30_000,
  )
})

/** The hard budget of the session entry: 30 KiB gzip. */
const SESSION_ENTRY_BUDGET_BYTES = 30 * 1024

describe('the session entry', () => {
  it('is at most 30 KiB gzip with its default browser adapters, xstate included', async () => {
    const [entry] = BROWSER_ENTRIES
    const size = await measureImport(entry.label, entry.file, entry.names)
    // Measured with what it must carry: the lean bundle cannot come from a dropped default.
    for (const part of [
      'adapters/coordination/web.ts',
      'adapters/storage/localStorage.ts',
      'src/browser/lifecycle.ts',
      'machines/sessionMachine.ts',
      'machines/tokenRefreshMachine.ts',
    ]) {
      expect(size.inputs).toContain(part)
    }
    expect(size.inputs.some((input) => input.includes('node_modules/xstate/'))).toBe(true)
    expect(size.gzipBytes).toBeLessThanOrEqual(SESSION_ENTRY_BUDGET_BYTES)
  }, 30_000)

  it('carries no zod: config, stored record and token answers meet plain rules', async () => {
    const [entry] = BROWSER_ENTRIES
    const size = await measureImport(entry.label, entry.file, entry.names)
    // The plain rules are what validates, so they must be there ...
    expect(size.inputs).toContain('src/validation/rules.ts')
    // ... and not a byte of zod, core included (one zod import on the path brings back ~11 KB).
    expect(size.inputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([])
  }, 30_000)
})

