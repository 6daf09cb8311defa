import { createActor, toPromise } from 'xstate'
import { describe, expect, it } from 'vitest'
import { slot } from '../../machines/slot.ts'

describe('slot', () => {
  it('an unprovided slot fails with its name, so a wiring bug is found at once', async () => {
    const actor = createActor(slot<string>(), { id: 'getAccessToken' }).start()
    await expect(toPromise(actor)).rejects.toThrow("provide the 'getAccessToken' actor")
  })
})
