import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

/** A package of the React 18 folder (test/react18, its own package.json and lock). */
const react18 = (name: string) =>
  fileURLToPath(new URL(`react18/node_modules/${name}`, import.meta.url))

// Five projects: `unit` is the fast edit loop (in-process emulator, no sockets, no child
// processes; the React tests on React 19); `integration` adds real HTTP, child processes, the CLI
// and third-party clients; `package` tests the packed tarball installed into a fresh folder;
// `heap` runs the memory tests in a forked worker started with --expose-gc; `react18` runs the
// React tests again on React 18.
export default defineConfig({
  test: {
    root,
    // Vitest's default leaves a core to the main process: one worker on the 2-core reference
    // machine, where two finish the suite in 60 % of the time (most tests wait on I/O and timers).
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ['test/support/secretGuard.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/react/**/*.test.tsx'],
          exclude: [
            'test/package/**',
            'test/conformance/**',
            'test/**/*.http.test.ts',
            'test/**/*.process.test.ts',
            'test/**/*.heap.test.ts',
            'test/e2e/**',
            'node_modules/**',
          ],
        },
      },
      {
        extends: true,
        // The demo server (test/demo) imports the package by name: tsconfig's "paths" map the
        // names to the sources, as tsc and tsx do, so it never needs a build.
        resolve: { tsconfigPaths: true },
        test: {
          name: 'integration',
          include: [
            'test/conformance/**/*.test.ts',
            'test/**/*.http.test.ts',
            'test/**/*.process.test.ts',
          ],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // The packed tarball installed into a fresh folder: what users get (sizes, types).
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/package/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'heap',
          include: ['test/**/*.heap.test.ts'],
          // A forked child process (not a worker thread) so node flags apply; gc() is then global.
          pool: 'forks',
          execArgv: ['--expose-gc'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        // The same test files with every React-bound import taken from test/react18: the hooks
        // under test, Testing Library and @xstate/react then all share React 18. Packages
        // imported from there (react-dom's own `react`) resolve in that folder by themselves.
        resolve: {
          alias: {
            react: react18('react'),
            'react-dom': react18('react-dom'),
            '@testing-library/react': react18('@testing-library/react'),
            '@testing-library/dom': react18('@testing-library/dom'),
            '@xstate/react': react18('@xstate/react'),
            '@tanstack/react-query': react18('@tanstack/react-query'),
          },
        },
        test: {
          name: 'react18',
          include: ['test/react/**/*.test.tsx'],
          // Installs test/react18 when it is missing (`npm ci --prefix test/react18`).
          globalSetup: ['test/react18/globalSetup.ts'],
        },
      },
    ],
  },
})
