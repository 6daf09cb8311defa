import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

// Two projects: `unit` is the fast edit loop (in-process emulator, no sockets, no child
// processes); `integration` adds real HTTP, the CLI and third-party clients (conformance).
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
          exclude: ['test/conformance/**', 'test/**/*.http.test.ts', 'test/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/conformance/**/*.test.ts', 'test/**/*.http.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
})
