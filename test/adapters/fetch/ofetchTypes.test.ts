/**
 * The ofetch adapter's `defaults` type is our own (its declarations must not need ofetch's, which
 * import `undici` types apps may not have); it stays a subset of what ofetch accepts.
 */
import type { FetchOptions } from 'ofetch'
import { describe, expectTypeOf, it } from 'vitest'
import type { OfetchDefaults } from '../../../adapters/fetch/ofetch.ts'

describe('OfetchDefaults', () => {
  it('is assignable to ofetch FetchOptions', () => {
    expectTypeOf<OfetchDefaults>().toExtend<FetchOptions<'stream'>>()
  })
})
