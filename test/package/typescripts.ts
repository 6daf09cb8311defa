/**
 * The older TypeScript releases the published declarations are checked with (types.test.ts),
 * each installed into its own temporary folder once per run. Not devDependencies of the
 * repository: an aliased `typescript` package would replace `node_modules/.bin/tsc`. The current
 * release is the repository's own `typescript`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The releases consumers still use: the oldest checked and the last 5.x. */
export const OLDER_TYPESCRIPTS = ['5.6.3', '5.9.3'] as const

/** Installed compilers and how to remove them. */
export interface InstalledTypeScripts {
  /** The `lib/tsc.js` of each release, by version. */
  tsc: Record<string, string>
  /** Removes the folders. */
  remove(): void
}

/** Installs {@link OLDER_TYPESCRIPTS}, from the npm cache when it has them. */
export function installTypeScripts(): InstalledTypeScripts {
  const work = mkdtempSync(join(tmpdir(), 'shopper-session-typescripts-'))
  const remove = () => rmSync(work, { recursive: true, force: true })
  try {
    const tsc: Record<string, string> = {}
    for (const version of OLDER_TYPESCRIPTS) {
      const folder = join(work, version)
      mkdirSync(folder)
      // A package.json of its own, so npm installs here and not into an enclosing project.
      writeFileSync(join(folder, 'package.json'), '{ "private": true }\n')
      const install = ['install', `typescript@${version}`, '--prefer-offline', '--no-audit']
      execFileSync('npm', [...install, '--no-fund', '--no-package-lock'], {
        cwd: folder,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      tsc[version] = join(folder, 'node_modules', 'typescript', 'lib', 'tsc.js')
    }
    return { tsc, remove }
  } catch (error) {
    remove()
    throw error
  }
}
