/**
 * Browser bundle sizes, measured as design.md section 2 says: an esbuild bundle of one import
 * from the package entry, `--minify --format=esm --platform=browser`, gzip level 9, KiB = 1024
 * bytes. Entries resolve to the sources (`src/…`), as the built package would.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** One measured import. */
export interface BundleSize {
  /** What is imported, e.g. `{ createShopperSession } from 'shopper-session'`. */
  label: string
  minifiedBytes: number
  gzipBytes: number
  /** Input files with bytes in the bundle (relative to the repository). */
  inputs: string[]
}

/** Bundles `import { names } from file` for the browser and measures it. */
export async function measureImport(label: string, file: string, names: readonly string[]): Promise<BundleSize> {
  const entry = `import { ${names.join(', ')} } from ${JSON.stringify(`${ROOT}${file}`)}\nconsole.log(${names.join(', ')})\n`
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error(`bundleSize: esbuild produced nothing for ${label}`)
  return {
    label,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    // Files that put bytes into the output (parsed but tree-shaken files are left out).
    inputs: Object.values(result.metafile.outputs).flatMap((out) =>
      Object.entries(out.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    ),
  }
}

/** The browser entries of the package and what each is measured with. */
export const BROWSER_ENTRIES = [
  // The `browser` export condition resolves `shopper-session` to src/browser.ts in bundlers.
  { label: "{ createShopperSession } from 'shopper-session'", file: 'src/browser.ts', names: ['createShopperSession'] },
  { label: "{ createShopperCustomers } from 'shopper-session/customers'", file: 'src/customers.ts', names: ['createShopperCustomers'] },
  { label: "{ withAccountFlows, createPasswordResetClient } from 'shopper-session/account'", file: 'src/account.ts', names: ['withAccountFlows', 'createPasswordResetClient'] },
  { label: "{ createEmulator } from 'shopper-session/emulator'", file: 'src/emulator/index.ts', names: ['createEmulator'] },
] as const

/** KiB with one decimal. */
export function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1)
}
