/**
 * The password reset client is browser-safe: bundled for the browser it pulls in no server
 * module, no zod, no emulator and no `node:` import, so it can be exposed from a browser entry.
 */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

it('bundles for the browser without server code, zod or node:', async () => {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/account/resetClient.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    minify: false,
    external: ['node:*'],
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  const output = Object.values(result.metafile.outputs)[0]
  expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([])
  const allowed = [
    'src/errors.ts',
    'src/redact.ts',
    'src/scapi/fetchFailure.ts',
    'src/scapi/operationError.ts',
    'src/scapi/retryAfter.ts',
    'src/scapi/serverText.ts',
    'src/account/resetClient.ts',
    'src/account/resetWire.ts',
  ]
  expect(inputs.filter((path) => !allowed.includes(path))).toEqual([])
  expect((output?.imports ?? []).map((item) => item.path)).toEqual([])
  const text = result.outputFiles.map((file) => file.text).join('\n')
  expect(text).not.toMatch(/["'`]node:/)
  expect(text).not.toContain('accountManager')
})
