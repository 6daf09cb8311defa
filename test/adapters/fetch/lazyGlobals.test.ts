/** The adapters read `globalThis.fetch` when called, so spies installed later still apply. */
import { describe, expect, it, vi } from 'vitest'
import { createNativeFetch } from '../../../adapters/fetch/native.ts'
import { createOfetchFetch } from '../../../adapters/fetch/ofetch.ts'
import { withTimeout } from '../../../adapters/fetch/timeout.ts'

describe('adapters read the global fetch lazily', () => {
  it.each([
    ['native', createNativeFetch],
    ['ofetch', () => createOfetchFetch()],
  ])('%s', async (_name, create) => {
    const fetchFn = create()
    const spy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response('spied', { status: 418 }))
    const response = await fetchFn('http://example.test/x')
    expect(spy).toHaveBeenCalledOnce()
    expect(response.status).toBe(418)
    await expect(response.text()).resolves.toBe('spied')
  })

  it('ofetch uses an injected fetch and rejects with its original error', async () => {
    const failure = new TypeError('fetch failed')
    const fetchFn = createOfetchFetch({ fetch: () => Promise.reject(failure) })
    await expect(fetchFn('http://example.test/')).rejects.toBe(failure)
  })

  it('withTimeout works under fake timers', async () => {
    vi.useFakeTimers()
    try {
      const never: typeof fetch = (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        })
      const pending = withTimeout(never, 1000)('http://example.test/')
      const settled = expect(pending).rejects.toMatchObject({ name: 'TimeoutError' })
      await vi.advanceTimersByTimeAsync(1000)
      await settled
    } finally {
      vi.useRealTimers()
    }
  })
})
