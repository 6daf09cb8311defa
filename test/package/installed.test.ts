/**
 * The installed package answers its own entry points: ESM and CJS, the browser condition.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, inject, it } from 'vitest'

const consumerDir = inject('consumerDir')

describe('the installed package', () => {
  it('loads from ESM and CJS in a fresh folder', async () => {
    const entry = join(consumerDir, 'node_modules', 'shopper-session', 'dist', 'index.js')
    const esm = (await import(pathToFileURL(entry).href)) as { createShopperSession: unknown }
    expect(typeof esm.createShopperSession).toBe('function')
    const cjs = createRequire(join(consumerDir, 'index.cjs'))('shopper-session') as {
      createShopperSession: unknown
    }
    expect(typeof cjs.createShopperSession).toBe('function')
  })
})
