/**
 * The package as users get it: builds it, packs the tarball (`npm pack`) and installs it into a
 * fresh consumer folder with its dependencies, once for the whole `package` test project. Tests
 * read the folder with `inject('consumerDir')` and measure, type-check and run what is there,
 * never the sources.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder with `node_modules/shopper-session` installed from the packed tarball. */
    consumerDir: string
    /** The packed tarball itself. */
    tarball: string
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Builds, packs and installs; removes the folders after the project ran. */
export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(join(tmpdir(), 'shopper-session-package-'))
  run('npm', ['run', 'build', '--silent'], ROOT)
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT)) as [
    { filename: string },
  ]
  const tarball = join(work, packed[0].filename)
  const consumerDir = join(work, 'consumer')
  run('mkdir', ['-p', consumerDir], work)
  writeFileSync(
    join(consumerDir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  )
  // The peer dependency at the version this repository tests with; everything else as the
  // tarball declares it. The npm cache (filled by `npm ci`) answers without the network.
  const { devDependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
  }
  run(
    'npm',
    [
      'install',
      tarball,
      `xstate@${devDependencies.xstate}`,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
    ],
    consumerDir,
  )
  project.provide('consumerDir', consumerDir)
  project.provide('tarball', tarball)
  return () => rmSync(work, { recursive: true, force: true })
}
