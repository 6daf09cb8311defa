// @vitest-environment happy-dom
/**
 * The mutation hooks refresh what their write changed: a new address shows in `useAddresses()`,
 * a new list item in `useProductListItems()`, an added product in `useBasket()`; a deleted
 * resource leaves the cache. Hooks run on the project's React (19 in `unit`, 18 in `react18`).
 */
import { waitFor } from '@testing-library/react'
import * as React from 'react'
import { describe, expect, it } from 'vitest'
import {
  createShopperQueries,
  type ShopperMutationResult,
  useAddItemToBasket,
  useAddresses,
  useBasket,
  useCreateAddress,
  useCreateProductList,
  useCreateProductListItem,
  useDeleteProductListItem,
  useProductListItems,
  useProductLists,
  useProfile,
} from '../../../src/reactQuery.ts'
import { count, MODES, Probe, seen, settle } from '../support.tsx'
import { querySetup, renderQueries } from './support.tsx'

describe('the React under test', () => {
  it('is the one of the project, TanStack Query included', ({ task }) => {
    expect(React.version.startsWith(task.file.projectName === 'react18' ? '18.' : '19.')).toBe(true)
  })
})

describe.each(MODES)('mutation hooks ($mode)', ({ strict }) => {
  it('useCreateAddress: the addresses are fetched again and show the new one', async () => {
    const setup = querySetup()
    const { emulator, session, ada } = setup
    await session.login({ username: ada.login, password: ada.password })
    const addresses = seen<string[] | undefined>()
    const create = seen<ShopperMutationResult<'createAddress'>>()
    renderQueries(
      <>
        <Probe use={() => useAddresses().data?.map((a) => a.addressId)} into={addresses} />
        <Probe use={useCreateAddress} into={create} />
      </>,
      { ...setup, strict },
    )
    await waitFor(() => expect(addresses.last()).toEqual([]))
    await create
      .last()
      .mutateAsync({ body: { addressId: 'home', countryCode: 'GB', lastName: 'Lovelace' } })
    // mutateAsync resolves once the profile was fetched again.
    expect(count(emulator, 'getCustomer')).toBe(2)
    await waitFor(() => expect(addresses.last()).toEqual(['home']))
    expect(addresses.values.filter((seenValue) => seenValue === undefined).length).toBe(1)
  })

  it('list items and the basket: created, added, deleted, each refreshed', async () => {
    const setup = querySetup()
    const { session, customers, client } = setup
    await session.ready() // a guest has lists and a basket too
    const list = await customers.createCustomerProductList({ body: { type: 'wish_list' } })
    const listId = list.id ?? ''
    const basket = await customers.createBasket({ body: {} })
    const basketId = basket.basketId ?? ''
    const items = seen<string[] | undefined>()
    const inBasket = seen<number | undefined>()
    const addItem = seen<ShopperMutationResult<'createProductListItem'>>()
    const deleteItem = seen<ShopperMutationResult<'deleteProductListItem'>>()
    const addToBasket = seen<ShopperMutationResult<'addItemToBasket'>>()
    renderQueries(
      <>
        <Probe
          use={() => useProductListItems(listId).data?.map((i) => i.productId ?? '')}
          into={items}
        />
        <Probe use={() => useBasket().data?.productItems?.length ?? 0} into={inBasket} />
        <Probe use={useCreateProductListItem} into={addItem} />
        <Probe use={useDeleteProductListItem} into={deleteItem} />
        <Probe use={useAddItemToBasket} into={addToBasket} />
      </>,
      { ...setup, strict },
    )
    await waitFor(() => expect(items.last()).toEqual([]))
    await waitFor(() => expect(inBasket.last()).toBe(0))

    const item = await addItem.last().mutateAsync({
      listId,
      body: { type: 'product', productId: 'tea', quantity: 1, priority: 1, public: false },
    })
    await waitFor(() => expect(items.last()).toEqual(['tea']))
    await addToBasket.last().mutateAsync({ basketId, body: [{ productId: 'tea', quantity: 2 }] })
    await waitFor(() => expect(inBasket.last()).toBe(1))

    // The item's own query is dropped with it (a refetch would only answer not_found).
    const queries = createShopperQueries(customers, session)
    await client.prefetchQuery(queries.productListItem(listId, item.id ?? ''))
    await deleteItem.last().mutateAsync({ listId, itemId: item.id ?? '' })
    await waitFor(() => expect(items.last()).toEqual([]))
    expect(client.getQueryState(queries.productListItem(listId, item.id ?? '').queryKey)).toBe(
      undefined,
    )
  })

  it('a token refresh re-renders no query hook; a mutation only its own', async () => {
    const setup = querySetup()
    const { session, ada } = setup
    await session.login({ username: ada.login, password: ada.password })
    const profile = seen<string | undefined>()
    const lists = seen<number | undefined>()
    const create = seen<ShopperMutationResult<'createProductList'>>()
    renderQueries(
      <>
        <Probe use={() => useProfile().data?.login} into={profile} />
        <Probe use={() => useProductLists().data?.total} into={lists} />
        <Probe use={useCreateProductList} into={create} />
      </>,
      { ...setup, strict },
    )
    await waitFor(() => expect(profile.last()).toBe(ada.login))
    await waitFor(() => expect(lists.last()).toBe(0))
    const profileCommits = profile.values.length
    await session.getAccessToken({ force: true })
    await settle(50)
    expect(profile.values.length).toBe(profileCommits)

    await create.last().mutateAsync({ body: { type: 'wish_list' } })
    await waitFor(() => expect(lists.last()).toBe(1))
    await settle(50)
    // The lists changed, the profile did not: its hook stayed still.
    expect(profile.values.length).toBe(profileCommits)
  })
})
