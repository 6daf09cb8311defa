import { defineConfig } from 'tsdown'

// One entry per package subpath; dependencies and peers stay external.
export default defineConfig({
  cwd: new URL('..', import.meta.url).pathname,
  entry: {
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
  },
  format: ['esm', 'cjs'],
  dts: { sourcemap: true },
  platform: 'neutral',
  // node:http is only reached from the emulator/node entry; keep Node built-ins as imports.
  deps: { neverBundle: [/^node:/] },
  target: 'es2022',
  sourcemap: true,
  clean: true,
})
