/**
 * The second measure of the installed package: a Vite production build of a page that imports one
 * browser entry (Vite's client conditions, so `browser` applies; default minifier), gzip level 9
 * over every emitted JS chunk. Vite's module-preload polyfill is left out: every Vite page carries
 * it whatever it imports, so it is not the package's cost.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { build } from 'vite'
import { type BrowserEntry, type BundleSize, gzipBytes, importSource } from './bundleSize.ts'

type Built = Awaited<ReturnType<typeof build>>
type Output = Extract<Built, { output: unknown }>
/** One emitted JS file, with the modules that put bytes into it (absolute ids). */
type Chunk = Extract<Output['output'][number], { type: 'chunk' }>

function chunksOf(result: Built): Chunk[] {
  if (!('output' in result) && !Array.isArray(result)) {
    throw new Error('viteSize: Vite watched instead of building')
  }
  const outputs: Output[] = Array.isArray(result) ? result : [result]
  return outputs
    .flatMap((output) => output.output)
    .filter((file): file is Chunk => file.type === 'chunk')
}

const PAGE = '<!doctype html><script type="module" src="./main.js"></script>\n'

/**
 * Builds a page importing `entry` inside `consumerDir` (where the tarball is installed) and
 * measures its JS; `inputs` are relative to `consumerDir`, as `measureInstalled` gives them.
 */
export async function measureViteBuild(
  consumerDir: string,
  entry: BrowserEntry,
): Promise<BundleSize> {
  // Inside the consumer folder, so `shopper-session` resolves from its node_modules.
  const page = mkdtempSync(join(consumerDir, 'vite-page-'))
  // Vite builds for production only when NODE_ENV says so (vitest sets `test`): it picks the
  // export conditions (xstate's development build otherwise) and the NODE_ENV define.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    writeFileSync(join(page, 'index.html'), PAGE)
    writeFileSync(join(page, 'main.js'), importSource(entry.specifier, entry.names))
    const result = await build({
      root: page,
      configFile: false,
      envDir: false,
      logLevel: 'silent',
      cacheDir: join(page, '.vite'),
      build: {
        write: false,
        modulePreload: { polyfill: false },
        // A package's subpaths too (`elkjs/lib/elk.bundled.js`).
        rolldownOptions: {
          external: (id: string) =>
            (entry.external ?? []).some((name) => id === name || id.startsWith(`${name}/`)),
        },
      },
    })
    const chunks = chunksOf(result)
    if (chunks.length === 0) throw new Error(`viteSize: Vite emitted no JS for ${entry.label}`)
    return {
      label: entry.label,
      minifiedBytes: chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0),
      gzipBytes: chunks.reduce((sum, chunk) => sum + gzipBytes(chunk.code), 0),
      inputs: chunks.flatMap((chunk) =>
        Object.entries(chunk.modules)
          .filter(([, module]) => module.renderedLength > 0)
          .map(([id]) => relative(consumerDir, id)),
      ),
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
    rmSync(page, { recursive: true, force: true })
  }
}
