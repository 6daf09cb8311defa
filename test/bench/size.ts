/**
 * `npm run size`: gzip sizes of the browser entries as installed from the packed tarball (esbuild
 * and a Vite page build, the README figures), and of the sources for comparison. The budgets are
 * tested in test/package/size.test.ts (installed) and test/size.test.ts (sources).
 */
import { installPackedTarball } from '../package/consumer.ts'
import { BROWSER_ENTRIES, kib, measureEntrySources, measureInstalled } from '../support/bundleSize.ts'
import { measureViteBuild } from '../support/viteSize.ts'

const installed = installPackedTarball()
try {
  console.log('| import | installed, esbuild | installed, Vite | sources, esbuild |')
  console.log('|:--|--:|--:|--:|')
  for (const entry of BROWSER_ENTRIES) {
    const esbuild = await measureInstalled(installed.consumerDir, entry)
    const vite = await measureViteBuild(installed.consumerDir, entry)
    const sources = await measureEntrySources(entry)
    const figures = [esbuild, vite, sources].map((size) => kib(size.gzipBytes))
    console.log(`| \`${entry.label}\` | ${figures.join(' | ')} |`)
  }
  console.log('\nKiB gzip (level 9, 1024 bytes), minified, xstate included where the entry uses it.')
} finally {
  installed.remove()
}
