/**
 * The package as users get it, once for the whole `package` test project: builds it, packs the
 * tarball and installs it into a fresh consumer folder (consumer.ts). Tests read the folder with
 * `inject('consumerDir')` and measure, type-check and run what is there, never the sources.
 */
import type { TestProject } from 'vitest/node'
import { installPackedTarball } from './consumer.ts'
import { type InstalledTypeScripts, installTypeScripts } from './typescripts.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder with `node_modules/shopper-session` installed from the packed tarball. */
    consumerDir: string
    /** The packed tarball itself. */
    tarball: string
    /** `lib/tsc.js` of each older TypeScript the declarations are checked with, by version. */
    typescripts: Record<string, string>
  }
}

/** Builds, packs and installs; removes the folders after the project ran. */
export default function setup(project: TestProject): () => void {
  const { consumerDir, tarball, remove } = installPackedTarball()
  project.provide('consumerDir', consumerDir)
  project.provide('tarball', tarball)
  // The older compilers of the declaration check (types.test.ts), from the npm cache.
  let typescripts: InstalledTypeScripts
  try {
    typescripts = installTypeScripts()
  } catch (error) {
    remove()
    throw error
  }
  project.provide('typescripts', typescripts.tsc)
  return () => {
    remove()
    typescripts.remove()
  }
}
