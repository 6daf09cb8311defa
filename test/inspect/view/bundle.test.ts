/**
 * elkjs and the statechart view stay in `shopper-session/inspect/view`: the session's browser
 * entry and `shopper-session/inspect` (redactedInspector, toMermaid) carry neither. The view
 * itself bundles for the browser with esbuild, elkjs in a chunk of its own that loads on the
 * first layout (the dynamic import), not with the page.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BROWSER_ENTRIES, importSource, measureImport } from '../../support/bundleSize.ts'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

const isView = (input: string) => input.startsWith('src/inspect/view')
const isElk = (input: string) => input.includes('node_modules/elkjs/')

describe('elkjs and the statechart view', { timeout: 60_000 }, () => {
  it('are not in the session entry', async () => {
    const [entry] = BROWSER_ENTRIES
    const size = await measureImport(entry.label, entry.file, entry.names)
    expect(size.inputs.filter((input) => isView(input) || isElk(input))).toEqual([])
  })

  it('are not in shopper-session/inspect', async () => {
    const names = ['redactedInspector', 'unsafeRawInspector', 'toMermaid']
    const size = await measureImport('shopper-session/inspect', 'src/inspect.ts', names)
    expect(size.inputs).toContain('src/inspect/mermaid.ts')
    expect(size.inputs.filter((input) => isView(input) || isElk(input))).toEqual([])
  })

  it('split apart in a browser bundle of the view: elkjs loads on the first layout', async () => {
    const result = await build({
      stdin: {
        contents: importSource(`${ROOT}src/inspect/view.ts`, ['createStatechartView']),
        resolveDir: ROOT,
        loader: 'ts',
      },
      absWorkingDir: ROOT,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const outputs = Object.entries(result.metafile.outputs).map(([file, output]) => ({
      file,
      entry: output.entryPoint !== undefined,
      inputs: Object.keys(output.inputs),
      dynamic: output.imports.filter((imported) => imported.kind === 'dynamic-import'),
    }))
    const [entry] = outputs.filter((output) => output.entry)
    const elk = outputs.filter((output) => output.inputs.some(isElk))
    expect(entry?.inputs).toContain('src/inspect/view/panel.ts')
    expect(entry?.inputs.filter(isElk)).toEqual([])
    expect(elk).toHaveLength(1)
    expect(entry?.dynamic.map((imported) => imported.path)).toEqual([elk[0]?.file])
  })
})
