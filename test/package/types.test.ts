/**
 * The published declarations as consumers compile them (issue #12 item 2): a strict project with
 * `skipLibCheck: false` imports every entry of the installed tarball, ESM and CJS, and is
 * type-checked by TypeScript 5.6, 5.9 and the repository's 6.x under `bundler` and `node16`
 * resolution. Every run must end without a single diagnostic: an error in any shipped `.d.ts`
 * (or in a dependency's that it pulls in) fails, and so does a typo such as `customer.emial`
 * that compiles again (its `@ts-expect-error` goes unused, see typesConsumer.ts).
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { IMPORTED_SUBPATHS, RESOLUTIONS, TYPES_CONSUMER } from './typesConsumer.ts'

const consumerDir = inject('consumerDir')
// Its own folder in the consumer: node_modules and the `"type": "module"` package.json above it.
const project = join(consumerDir, 'types-check')

// The repository's TypeScript (6.x) beside the older ones globalSetup installed.
const ownTsc = createRequire(import.meta.url).resolve('typescript/lib/tsc.js')
const compilers: Record<string, string> = {
  ...inject('typescripts'),
  [versionOf(ownTsc)]: ownTsc,
}

function versionOf(tsc: string): string {
  const manifest = join(dirname(dirname(tsc)), 'package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

/** Runs tsc on one tsconfig; resolves with its exit code and everything it printed. */
function typeCheck(tsc: string, tsconfig: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const args = [tsc, '-p', tsconfig, '--pretty', 'false']
    execFile(process.execPath, args, { cwd: project }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
      resolve({ code, output: `${stdout}${stderr}`.trim() })
    })
  })
}

beforeAll(() => {
  mkdirSync(project, { recursive: true })
  for (const [file, text] of Object.entries(TYPES_CONSUMER)) {
    writeFileSync(join(project, file), text)
  }
})

describe('the consumer project', () => {
  it('imports every public entry', () => {
    const manifest = join(consumerDir, 'node_modules', 'shopper-session', 'package.json')
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      exports: Record<string, unknown>
    }
    const entries = Object.keys(exports)
      .filter((key) => key !== './package.json')
      .map((key) => key.replace(/^\./, 'shopper-session'))
    expect([...IMPORTED_SUBPATHS].sort()).toEqual(entries.sort())
  })

  it('checks the releases it says it checks', () => {
    expect(Object.keys(compilers).sort()).toEqual(['5.6.3', '5.9.3', '6.0.3'])
    for (const [version, tsc] of Object.entries(compilers)) expect(versionOf(tsc)).toBe(version)
  })
})

// One tsc process at a time (3 to 5 s each): run side by side on a small machine, each took
// several times as long.
describe('skipLibCheck: false, strict', () => {
  for (const version of Object.keys(compilers).sort()) {
    for (const [resolution, tsconfig] of Object.entries(RESOLUTIONS)) {
      it(`TypeScript ${version}, ${resolution} resolution: no diagnostics`, async () => {
        const { code, output } = await typeCheck(compilers[version] ?? '', tsconfig)
        expect(output).toBe('')
        expect(code).toBe(0)
      })
    }
  }
})
