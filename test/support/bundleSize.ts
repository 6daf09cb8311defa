/**
 * Browser bundle sizes: an esbuild bundle of one import from the package entry,
 * `--minify --format=esm --platform=browser`, gzip level 9, KiB = 1024 bytes.
 * {@link measureImport} resolves entries to the sources (`src/…`); {@link measureInstalled}
 * imports the package installed from its tarball, what users get.
 */
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** One measured import. */
export interface BundleSize {
  /** What is imported, e.g. `{ createShopperSession } from 'shopper-session'`. */
  label: string
  minifiedBytes: number
  gzipBytes: number
  /**
   * Input files with bytes in the bundle: relative to the repository for the sources, to the
   * consumer folder (`node_modules/…`) for the installed package.
   */
  inputs: string[]
}

/** A browser entry of the package and what each measurement imports from it. */
export interface BrowserEntry {
  label: string
  /** The specifier an app imports, resolved from the installed package. */
  specifier: string
  /** The source module the specifier resolves to under the `browser` condition. */
  file: string
  names: readonly string[]
  /**
   * Packages left out of the bundle (kept as imports), so the figure is the entry's own: optional
   * peers such as elkjs that the entry loads when asked, and peers every page already has.
   */
  external?: readonly string[]
}

/** The browser entries of the package and what each is measured with. */
export const BROWSER_ENTRIES = [
  // The `browser` export condition resolves `shopper-session` to src/browser.ts (dist/browser.js).
  {
    label: "{ createShopperSession } from 'shopper-session'",
    specifier: 'shopper-session',
    file: 'src/browser.ts',
    names: ['createShopperSession'],
  },
  {
    label: "{ createShopperCustomers } from 'shopper-session/customers'",
    specifier: 'shopper-session/customers',
    file: 'src/customers.ts',
    names: ['createShopperCustomers'],
  },
  {
    label: "{ createAccountFlows, createPasswordResetClient } from 'shopper-session/account'",
    specifier: 'shopper-session/account',
    file: 'src/account.ts',
    names: ['createAccountFlows', 'createPasswordResetClient'],
  },
  {
    // Measured without React, @xstate/react and xstate: a React page has them already.
    label:
      "{ ShopperSessionProvider, useShopper, useSessionTags, useLogin, useLogout } from 'shopper-session/react'",
    specifier: 'shopper-session/react',
    file: 'src/react.ts',
    names: ['ShopperSessionProvider', 'useShopper', 'useSessionTags', 'useLogin', 'useLogout'],
    external: ['react', '@xstate/react', 'xstate'],
  },
  {
    // Measured without TanStack Query, React, @xstate/react and xstate.
    label:
      "{ ShopperQueryProvider, useProfile, useAddresses, useCreateAddress, createShopperQueries, bindShopperCache } from 'shopper-session/react-query'",
    specifier: 'shopper-session/react-query',
    file: 'src/reactQuery.ts',
    names: [
      'ShopperQueryProvider',
      'useProfile',
      'useAddresses',
      'useCreateAddress',
      'createShopperQueries',
      'bindShopperCache',
    ],
    external: ['@tanstack/react-query', 'react', '@xstate/react', 'xstate'],
  },
  {
    label: "{ createRemoteSession, readState } from 'shopper-session/remote'",
    specifier: 'shopper-session/remote',
    file: 'src/remote.ts',
    names: ['createRemoteSession', 'readState'],
  },
  {
    label: "{ redactedInspector, toMermaid } from 'shopper-session/inspect' (no xstate)",
    specifier: 'shopper-session/inspect',
    file: 'src/inspect.ts',
    names: ['redactedInspector', 'toMermaid'],
    external: ['xstate'],
  },
  {
    // Measured without elkjs (its own chunk, loaded on the first layout) and xstate.
    label: "{ createStatechartView } from 'shopper-session/inspect/view' (no elkjs, xstate)",
    specifier: 'shopper-session/inspect/view',
    file: 'src/inspect/view.ts',
    names: ['createStatechartView'],
    external: ['elkjs', 'xstate'],
  },
  {
    label: "{ createEmulator } from 'shopper-session/emulator'",
    specifier: 'shopper-session/emulator',
    file: 'src/emulator/index.ts',
    names: ['createEmulator'],
  },
] as const satisfies readonly BrowserEntry[]

/** A module that imports `names` from `from` and uses them, so none is tree-shaken away. */
export function importSource(from: string, names: readonly string[]): string {
  const list = names.join(', ')
  return `import { ${list} } from ${JSON.stringify(from)}\nconsole.log(${list})\n`
}

/** Gzip level 9, the measure of every figure here. */
export function gzipBytes(code: Uint8Array | string): number {
  return gzipSync(code, { level: 9 }).byteLength
}

async function bundle(
  label: string,
  contents: string,
  resolveDir: string,
  external: readonly string[] = [],
): Promise<BundleSize> {
  const result = await build({
    // A package's subpaths too (`elkjs/lib/elk.bundled.js`).
    external: external.flatMap((name) => [name, `${name}/*`]),
    stdin: { contents, resolveDir, loader: 'ts' },
    absWorkingDir: resolveDir,
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
    gzipBytes: gzipBytes(output.contents),
    // Files that put bytes into the output (parsed but tree-shaken files are left out).
    inputs: Object.values(result.metafile.outputs).flatMap((out) =>
      Object.entries(out.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    ),
  }
}

/**
 * Bundles `import { names } from file` (a source file of this repository) and measures it,
 * without the `external` packages.
 */
export async function measureImport(
  label: string,
  file: string,
  names: readonly string[],
  external: readonly string[] = [],
): Promise<BundleSize> {
  return bundle(label, importSource(`${ROOT}${file}`, names), ROOT, external)
}

/** {@link measureImport} of a browser entry's source file, without its `external` packages. */
export function measureEntrySources(entry: BrowserEntry): Promise<BundleSize> {
  return measureImport(entry.label, entry.file, entry.names, entry.external)
}

/**
 * Bundles `import { names } from specifier` from `consumerDir`, where the packed tarball is
 * installed: esbuild's default conditions for `platform: 'browser'`, as an app's bundler would.
 */
export async function measureInstalled(
  consumerDir: string,
  entry: BrowserEntry,
): Promise<BundleSize> {
  return bundle(
    entry.label,
    importSource(entry.specifier, entry.names),
    consumerDir,
    entry.external,
  )
}

const PACKAGE_DIR = join('node_modules', 'shopper-session')

/**
 * The repository sources behind the installed package files among `inputs` (paths relative to
 * `consumerDir`), read from the source maps the package ships: `machines/sessionMachine.ts`,
 * `src/browser.ts`, … So a test can name the modules a bundle must carry, whatever the build
 * made of them.
 */
export function packageSources(consumerDir: string, inputs: readonly string[]): string[] {
  const packageRoot = resolve(consumerDir, PACKAGE_DIR)
  const sources = inputs
    .filter((input) => input.startsWith(`${PACKAGE_DIR}/`))
    .flatMap((input) => {
      const file = resolve(consumerDir, input)
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }
      return map.sources.map((source) => relative(packageRoot, resolve(dirname(file), source)))
    })
  return [...new Set(sources)].sort()
}

/** KiB with one decimal. */
export function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1)
}
