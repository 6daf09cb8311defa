/**
 * Stagers for the Shopper Baskets rows of the "assumed wire shapes" table, used by
 * `test/emulator/wireShapes.test.ts` (same contract as the customers' stagers).
 */
import type { Emulator } from '../../../src/emulator/index.ts'
import { createTestEmulator } from '../../support/emulator.ts'
import { loginGuest, loginRegistered } from '../helpers.ts'
import { call, createBasket, guestThenRegistered } from './helpers.ts'

/** What a stager produces. */
export interface Staged {
  emulator: Emulator
  response: Response
  placeholder?: string
}

const transfer = (emulator: Emulator, token: string) =>
  call(emulator, 'POST', '/baskets/actions/transfer', { token, query: { merge: 'false' } })

/** One stager per Shopper Baskets row. */
export const BASKET_STAGERS: Record<string, () => Promise<Staged>> = {
  // A registered login without the guest's usid has no previous customer to take a basket from.
  'scapi.forbidden': async () => {
    const emulator = createTestEmulator()
    await loginGuest(emulator)
    const registered = await loginRegistered(emulator)
    return { emulator, response: await transfer(emulator, registered.access_token) }
  },
  'scapi.basketConflict': async () => {
    const emulator = createTestEmulator()
    const { guest, registered } = await guestThenRegistered(emulator)
    await createBasket(emulator, guest.access_token)
    await createBasket(emulator, registered.access_token)
    const response = await transfer(emulator, registered.access_token)
    return { emulator, response, placeholder: registered.customer_id }
  },
}
