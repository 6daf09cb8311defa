/**
 * `npm run size`: gzip sizes of the browser entries (the budget test is test/size.test.ts).
 */
import { BROWSER_ENTRIES, kib, measureImport } from '../support/bundleSize.ts'

console.log('| import | minified KiB | gzip KiB |')
console.log('|:--|--:|--:|')
for (const entry of BROWSER_ENTRIES) {
  const size = await measureImport(entry.label, entry.file, entry.names)
  console.log(`| \`${entry.label}\` | ${kib(size.minifiedBytes)} | ${kib(size.gzipBytes)} |`)
}
