import { defineConfig } from 'tsdown'

// One entry per package subpath; dependencies and peers stay external.
const LIBRARY = {
  index: 'src/index.ts',
  browser: 'src/browser.ts',
  emulator: 'src/emulator/index.ts',
  'emulator/node': 'src/emulator/node.ts',
  'adapters/fetch/native': 'adapters/fetch/native.ts',
  'adapters/fetch/ofetch': 'adapters/fetch/ofetch.ts',
  'adapters/fetch/timeout': 'adapters/fetch/timeout.ts',
  'adapters/storage/memory': 'adapters/storage/memory.ts',
  'adapters/storage/serverCookie': 'adapters/storage/serverCookie.ts',
  'adapters/storage/localStorage': 'adapters/storage/localStorage.ts',
  'adapters/storage/sessionStorage': 'adapters/storage/sessionStorage.ts',
  'adapters/storage/cookie': 'adapters/storage/cookie.ts',
  'adapters/coordination/inProcess': 'adapters/coordination/inProcess.ts',
  'adapters/coordination/web': 'adapters/coordination/web.ts',
  'adapters/coordination/leaseLock': 'adapters/coordination/leaseLock.ts',
  server: 'src/server/index.ts',
  'migrate/pwa-kit': 'src/migrate/pwaKit.ts',
  customers: 'src/customers.ts',
  account: 'src/account.ts',
  inspect: 'src/inspect.ts',
  'inspect/view': 'src/inspect/view.ts',
  react: 'src/react.ts',
  'react-query': 'src/reactQuery.ts',
  remote: 'src/remote.ts',
}

export default defineConfig({
  cwd: new URL('..', import.meta.url).pathname,
  // The package `bin` (`shopper-session-emulator`): ESM only, its `#!/usr/bin/env node` kept.
  entry: { ...LIBRARY, 'emulator/cli': 'src/emulator/cli.ts' },
  format: { esm: {}, cjs: { entry: LIBRARY } },
  // One output file per source module (dist/ mirrors src/, machines/, adapters/) instead of
  // shared chunks: with `sideEffects: false` an app's bundler then drops every module it does
  // not use, as it does from the sources. Shared chunks mixed the zod schemas of the clients with
  // the session code, so the installed session entry carried them (39.7 → 28.1 KiB gzip).
  unbundle: true,
  dts: { sourcemap: true },
  platform: 'neutral',
  // node:http is only reached from the emulator/node entry; keep Node built-ins as imports.
  deps: { neverBundle: [/^node:/] },
  target: 'es2022',
  sourcemap: true,
  clean: true,
})
