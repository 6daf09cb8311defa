/**
 * The browser entry never reaches server code: esbuild bundles `src/index.ts` for the browser
 * and the bundle must contain no server module, no server cookie adapter, no jose (cookie
 * sealing and token checks are server-only) and no `node:` import;
 * what an app ships for `createShopperSession` has no trusted-system call either. The server
 * entry is bundled too, as a control that the markers looked for do exist there.
 */
import { fileURLToPath } from 'node:url'
import { build, type Metafile } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

interface Bundle {
  text: string
  inputs: string[]
  imports: string[]
}

async function bundle(entry: string | { contents: string }): Promise<Bundle> {
  const result = await build({
    absWorkingDir: root,
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } }),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    // Unminified: function names and module paths stay readable, so a leak is easy to spot.
    minify: false,
    external: ['node:*'],
    logLevel: 'silent',
  })
  const metafile: Metafile = result.metafile
  const output = Object.values(metafile.outputs)[0]
  return {
    text: result.outputFiles.map((file) => file.text).join('\n'),
    inputs: Object.keys(metafile.inputs),
    imports: (output?.imports ?? []).map((item) => item.path),
  }
}

// Code only the server entry has (declarations, not names: a message may mention them).
const SERVER_MARKERS = [
  'serverCookie',
  'function createServerSession(',
  'function withShopperSession(',
  'function getClientCredentialsToken(',
  'function createRefreshSingleFlight(',
  'function createServerCookieStorage(',
]

let browser: Bundle
let app: Bundle
let server: Bundle

beforeAll(async () => {
  ;[browser, app, server] = await Promise.all([
    bundle('src/index.ts'),
    bundle({ contents: "export { createShopperSession } from './src/index.ts'" }),
    bundle('src/server/index.ts'),
  ])
}, 60_000)

describe('the browser bundle of src/index.ts', () => {
  it('has no module from src/server, the server cookie adapter or jose', () => {
    expect(browser.inputs.filter((path) => path.startsWith('src/server/'))).toEqual([])
    expect(browser.inputs.filter((path) => path.includes('serverCookie'))).toEqual([])
    expect(browser.inputs.filter((path) => path.includes('node_modules/jose/'))).toEqual([])
    expect(app.inputs.filter((path) => path.includes('node_modules/jose/'))).toEqual([])
    expect(browser.inputs).toContain('src/session.ts') // the session core is there
  })

  it('contains none of the server markers', () => {
    for (const marker of SERVER_MARKERS) expect(browser.text, marker).not.toContain(marker)
  })

  it('imports nothing from node:', () => {
    expect(browser.imports.filter((path) => path.startsWith('node:'))).toEqual([])
    expect(browser.text).not.toMatch(/["'`]node:/)
  })

  it('an app importing createShopperSession ships no trusted-system call', () => {
    expect(app.inputs).toContain('src/session.ts')
    expect(app.text).not.toContain('trusted-system/token')
    for (const marker of SERVER_MARKERS) expect(app.text, marker).not.toContain(marker)
  })

  it('control: the server bundle does contain every marker', () => {
    for (const marker of SERVER_MARKERS) expect(server.text, marker).toContain(marker)
    expect(server.text).toContain('trusted-system/token')
    expect(server.inputs).toContain('adapters/storage/serverCookie.ts')
    expect(server.inputs.some((path) => path.includes('node_modules/jose/'))).toBe(true)
  })
})
