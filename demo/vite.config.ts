/**
 * Builds the demo page (`npm start` runs `vite build --config demo/vite.config.ts`). The app
 * imports the library by its package names, as a user's app does; the aliases below point those
 * names at the sources, so the demo needs no build of the library. `shopper-session` is the
 * browser entry, as a bundler picks it through the package's `browser` condition.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url))

/** Package name → source file, as the package's exports map them for a browser bundle. */
const ENTRIES: Readonly<Record<string, string>> = {
  'shopper-session': source('browser.ts'),
  'shopper-session/account': source('account.ts'),
  'shopper-session/customers': source('customers.ts'),
  'shopper-session/inspect': source('inspect.ts'),
  'shopper-session/inspect/view': source('inspect/view.ts'),
  'shopper-session/react': source('react.ts'),
  'shopper-session/react-query': source('reactQuery.ts'),
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    // Exact names only: `shopper-session/react` must not match `shopper-session` plus a path.
    alias: Object.entries(ENTRIES).map(([name, path]) => ({
      find: new RegExp(`^${name.replaceAll('/', '\\/')}$`),
      replacement: path,
    })),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The statechart view's layout engine (elkjs) is large and loaded on demand, in a chunk of
    // its own: no warning for it.
    chunkSizeWarningLimit: 2048,
  },
  logLevel: 'warn',
})
