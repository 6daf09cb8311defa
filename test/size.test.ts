/**
 * What browser entries may carry (design.md section 2): no emulator, no server code, no `node:`
 * import, no zod full build or locales. (The 30 KiB budget of the session entry is measured by
 * `npm run size`; its test lands once the entry is within it — see README "Size".)
 */
import { describe, expect, it } from 'vitest'
import { BROWSER_ENTRIES, measureImport } from './support/bundleSize.ts'

describe('browser entries', () => {
  it.each(BROWSER_ENTRIES.filter((entry) => entry.file !== 'src/emulator/index.ts'))(
    '$label carries no emulator, server code, node: import or full zod',
    async (entry) => {
      const size = await measureImport(entry.label, entry.file, entry.names)
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
