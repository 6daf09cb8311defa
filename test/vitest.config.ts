import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

// Four projects: `unit` is the fast edit loop (in-process emulator, no sockets, no child
// processes); `integration` adds real HTTP, child processes, the CLI and third-party clients;
// `package` tests the packed tarball installed into a fresh folder; `heap` runs the memory
// tests in a forked worker started with --expose-gc.
export default defineConfig({
  test: {
    root,
    setupFiles: ['test/support/secretGuard.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
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
    ],
  },
})
