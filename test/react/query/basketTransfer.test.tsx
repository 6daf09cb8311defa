// @vitest-environment happy-dom
/**
 * The guest's basket after a login, under the hooks: the login moves it to the registered
 * shopper (transferBasket) after the shopper changed, so a basket query of the new shopper may
 * be answered before the move. Once the move is done, the binding fetches the basket again: the
 * page shows the kept basket, not the empty one it saw during the move.
 */
import { waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useShopper } from '../../../src/react.ts'
import { useBasket } from '../../../src/reactQuery.ts'
import { count, MODES } from '../support.tsx'
import { querySetup, renderQueries } from './support.tsx'

function BasketLine() {
  const kind = useShopper()?.kind
  const items = useBasket().data?.productItems?.length ?? 0
  return (
    <p>
      {kind}:{items}
    </p>
  )
}

describe.each(MODES)('the basket across a login ($mode)', ({ strict }) => {
  it('shows the guest basket kept by the login, even when the basket was read during the move', async () => {
    const setup = querySetup()
    const { emulator, session, ada, customers } = setup
    await session.ready()
    const basket = await customers.createBasket({ body: {} })
    await customers.addItemToBasket({
      basketId: basket.basketId ?? '',
      body: [{ productId: 'tea', quantity: 1 }],
    })
    const view = renderQueries(<BasketLine />, { ...setup, strict })
    await waitFor(() => expect(view.container.textContent).toBe('guest:1'))

    // The move waits: the registered shopper's basket is read (and found empty) before it.
    emulator.control.failNext('transferBasket', { delayMs: 300 })
    await session.login({ username: ada.login, password: ada.password })
    await waitFor(() => expect(view.container.textContent).toBe('registered:1'), { timeout: 3_000 })
    expect(count(emulator, 'transferBasket')).toBe(1)
  })
})
