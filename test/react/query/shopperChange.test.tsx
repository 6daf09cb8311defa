// @vitest-environment happy-dom
/**
 * The clearing rule under the hooks: on every shopper change (login, logout, reauthRequired, a
 * loginId change) the previous shopper's queries leave the QueryClient and no commit shows them
 * beside the next shopper; a slow answer for the previous shopper never lands; StrictMode starts
 * nothing twice.
 */
import { MutationObserver } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import { Profiler } from 'react'
import { describe, expect, it } from 'vitest'
import { createAccountFlows } from '../../../src/account.ts'
import type { ShopperCustomers } from '../../../src/customers.ts'
import { useShopper } from '../../../src/react.ts'
import { createShopperQueries, useProductLists, useProfile } from '../../../src/reactQuery.ts'
import type { ShopperSession } from '../../../src/session.ts'
import { count, MODES, settle } from '../support.tsx'
import { queriesNow, querySetup, renderQueries } from './support.tsx'

const NEW_LOGIN = 'ada.lovelace@example.com'

/** One commit of {@link Shown}: what the page showed, and whose it was. */
interface Commit {
  kind: string | undefined
  loginId: string | undefined
  /** The profile's login, when a profile was shown. */
  profile: string | undefined
  /** The names of the product lists shown. */
  lists: string[]
}

/** The shopper, their profile and their lists, as a page renders them; records each commit. */
function Shown({ into }: { into: Commit[] }) {
  const shopper = useShopper()
  const profile = useProfile().data
  const lists = useProductLists().data?.data?.map((list) => list.name ?? '') ?? []
  const commit: Commit = {
    kind: shopper?.kind,
    loginId: shopper?.loginId,
    profile: profile?.login,
    lists,
  }
  return (
    <Profiler id="shown" onRender={() => into.push(commit)}>
      <p>
        {commit.kind}:{commit.loginId} profile={commit.profile} lists={lists.join(',')}
      </p>
    </Profiler>
  )
}

/** A wish list named `name` for the session's shopper. */
function addList(customers: ShopperCustomers, name: string) {
  return customers.createCustomerProductList({ body: { type: 'wish_list', name } })
}

/** Ada's session, a list of hers, and the page rendered with her data shown. */
async function adaShown(strict: boolean) {
  const setup = querySetup()
  const { session, ada, customers } = setup
  await session.login({ username: ada.login, password: ada.password })
  await addList(customers, 'ada-wishes')
  const commits: Commit[] = []
  const account = createAccountFlows(session)
  const view = renderQueries(<Shown into={commits} />, { ...setup, account, strict })
  await waitFor(() => expect(view.container.textContent).toContain('profile=ada@example.com'))
  await waitFor(() => expect(view.container.textContent).toContain('lists=ada-wishes'))
  return { ...setup, account, commits, view, adaQueries: queriesNow(setup.client) }
}

/** Every commit in which the page showed a guest nothing of Ada's. */
function expectNothingOfAdaForGuests(commits: Commit[]) {
  const guest = commits.filter((commit) => commit.kind === 'guest')
  expect(guest.length).toBeGreaterThan(0)
  for (const commit of guest) {
    expect(commit.profile).toBeUndefined()
    expect(commit.lists).not.toContain('ada-wishes')
  }
}

async function expectGuestShown(session: ShopperSession, text: () => string | null) {
  await waitFor(() => expect(session.getShopper()?.kind).toBe('guest'))
  await waitFor(() => expect(text()).toMatch(/^guest:.* profile= lists=$/))
}

describe.each(MODES)('the shopper changes ($mode)', ({ strict }) => {
  it('login: the guest data leaves, each hook starts once, nothing is sent twice', async () => {
    const setup = querySetup()
    const { emulator, session, ada, customers, client } = setup
    const commits: Commit[] = []
    const view = renderQueries(<Shown into={commits} />, { ...setup, strict })
    // No shopper yet: every query waits (nothing starts the session but the app).
    expect(view.container.textContent).toBe(': profile= lists=')
    await session.ready()
    await waitFor(() => expect(count(emulator, 'getCustomerProductLists')).toBe(1))
    await addList(customers, 'guest-wishes')
    await client.invalidateQueries()
    await waitFor(() => expect(view.container.textContent).toContain('lists=guest-wishes'))
    const guestQueries = queriesNow(client)

    await session.login({ username: ada.login, password: ada.password })
    await waitFor(() =>
      expect(view.container.textContent).toBe(
        `registered:${ada.login} profile=${ada.login} lists=`,
      ),
    )
    expect(guestQueries.remaining()).toEqual([])
    for (const commit of commits.filter((c) => c.kind === 'registered')) {
      expect(commit.lists).not.toContain('guest-wishes')
    }
    // StrictMode's double render and effects add no request.
    expect(count(emulator, 'authorizeCustomer')).toBe(1)
    expect(count(emulator, 'authenticateCustomer')).toBe(1)
    expect(count(emulator, 'getCustomer')).toBe(1)
    expect(count(emulator, 'getCustomerProductLists')).toBe(3) // empty, after the list, Ada's
  })

  it('logout: Ada’s data leaves the cache and never shows beside the guest', async () => {
    const { session, customers, client, commits, view, adaQueries } = await adaShown(strict)
    // A finished write keeps its variables (her data) in the MutationCache: it goes too.
    const update = createShopperQueries(customers, session).updateProfile()
    await new MutationObserver(client, update).mutate({ body: { firstName: 'Augusta Ada' } })
    expect(client.getMutationCache().getAll()).toHaveLength(1)

    await session.logout()
    await expectGuestShown(session, () => view.container.textContent)
    expect(adaQueries.remaining()).toEqual([])
    expect(client.getMutationCache().getAll()).toHaveLength(0)
    expectNothingOfAdaForGuests(commits)
  })

  it('reauthRequired: Ada’s data leaves the cache and never shows beside the guest', async () => {
    const { emulator, session, ada, commits, view, adaQueries } = await adaShown(strict)
    // The refresh token dies at SLAS; the next refresh is refused: a guest session starts.
    emulator.control.revokeSessions({ login: ada.login })
    emulator.control.advanceTime(2_000)
    await session.getAccessToken({ force: true }).catch(() => undefined)
    await waitFor(() => expect(session.getSnapshot().hasTag('reauthRequired')).toBe(true))
    await expectGuestShown(session, () => view.container.textContent)
    expect(adaQueries.remaining()).toEqual([])
    expectNothingOfAdaForGuests(commits)
  })

  it('loginId change: the old login’s queries leave, the profile is fetched again', async () => {
    const { emulator, session, ada, customers, client, account, commits, view } =
      await adaShown(strict)
    // A query no component watches: only the clearing rule removes it.
    const queries = createShopperQueries(customers, session)
    await client.prefetchQuery(queries.baskets())
    const unwatched = queries.baskets().queryKey
    expect(client.getQueryState(unwatched)?.status).toBe('success')
    const oldLoginQueries = queriesNow(client)

    await account.changeLoginId({ newLogin: NEW_LOGIN, currentPassword: ada.password })
    expect(session.getShopper()?.loginId).toBe(NEW_LOGIN)
    await waitFor(() =>
      expect(view.container.textContent).toBe(
        `registered:${NEW_LOGIN} profile=${NEW_LOGIN} lists=ada-wishes`,
      ),
    )
    expect(oldLoginQueries.remaining()).toEqual([])
    expect(client.getQueryState(unwatched)).toBeUndefined()
    // Never the old login's profile beside the new login.
    for (const commit of commits.filter((c) => c.profile !== undefined)) {
      expect(commit.profile).toBe(commit.loginId)
    }
    expect(count(emulator, 'getCustomer')).toBe(2)
  })

  it('a slow answer for the guest, arriving after the login, lands nowhere', async () => {
    const setup = querySetup()
    const { emulator, session, ada, customers, client } = setup
    await session.ready()
    await addList(customers, 'guest-wishes')
    // The guest's lists are read at once, then answered 300 ms later.
    emulator.control.failNext('getCustomerProductLists', { delayMs: 300, phase: 'after' })
    const commits: Commit[] = []
    const view = renderQueries(<Shown into={commits} />, { ...setup, strict })
    // In flight (the emulator logs a request once it has answered).
    await waitFor(() => expect(client.isFetching()).toBe(1))
    await settle()
    expect(count(emulator, 'getCustomerProductLists')).toBe(0)
    const guestQueries = queriesNow(client)
    expect(guestQueries.count).toBe(2) // the profile (idle for a guest) and the lists
    await session.login({ username: ada.login, password: ada.password })
    await waitFor(() =>
      expect(view.container.textContent).toBe(
        `registered:${ada.login} profile=${ada.login} lists=`,
      ),
    )
    // Past the slow answer: it went nowhere.
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(view.container.textContent).toBe(`registered:${ada.login} profile=${ada.login} lists=`)
    expect(commits.some((commit) => commit.lists.includes('guest-wishes'))).toBe(false)
    expect(guestQueries.remaining()).toEqual([])
    expect(
      client.getQueryData(createShopperQueries(customers, session).productLists().queryKey),
    ).toEqual(expect.objectContaining({ total: 0 }))
  })
})
