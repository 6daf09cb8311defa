/**
 * The package as users get it: builds it, packs the tarball (`npm pack`) and installs it into a
 * fresh consumer folder with its dependencies and the peer `xstate`. Used once per run by the
 * `package` test project (globalSetup.ts) and by `npm run size`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** An installed tarball and how to clean it up. */
export interface InstalledPackage {
  /** A folder with `node_modules/shopper-session` installed from the packed tarball. */
  consumerDir: string
  /** The packed tarball itself. */
  tarball: string
  /** Removes the tarball and the consumer folder. */
  remove(): void
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Builds (`npm run build`), packs and installs into a new temporary folder. */
export function installPackedTarball(): InstalledPackage {
  const work = mkdtempSync(join(tmpdir(), 'shopper-session-package-'))
  try {
    run('npm', ['run', 'build', '--silent'], ROOT)
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT)) as [
      { filename: string },
    ]
    const tarball = join(work, packed[0].filename)
    const consumerDir = join(work, 'consumer')
    mkdirSync(consumerDir)
    writeFileSync(
      join(consumerDir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
    )
    // The peer dependencies at the versions this repository tests with; everything else as the
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
        // The optional peers of shopper-session/react, for its declarations (types.test.ts).
        `react@${devDependencies.react}`,
        `@types/react@${devDependencies['@types/react']}`,
        // react-dom for the README's server rendering and hydration examples.
        `react-dom@${devDependencies['react-dom']}`,
        `@types/react-dom@${devDependencies['@types/react-dom']}`,
        `@xstate/react@${devDependencies['@xstate/react']}`,
        // The optional peer of shopper-session/inspect/view (its layout engine).
        `elkjs@${devDependencies.elkjs}`,
        // The optional peer of shopper-session/react-query.
        `@tanstack/react-query@${devDependencies['@tanstack/react-query']}`,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--no-package-lock',
      ],
      consumerDir,
    )
    return { consumerDir, tarball, remove: () => rmSync(work, { recursive: true, force: true }) }
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}
