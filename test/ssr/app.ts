/**
 * The server-rendered test app, shared by the Node SSR tests (test/ssr) and the Chromium page
 * (test/e2e/ssr): an account box on `shopper-session/react` and `shopper-session/react-query`.
 * The same tree renders on the server over the request's server session and hydrates in the
 * browser over a remote session; only the session object differs.
 */
import {
  dehydrate,
  type DehydratedState,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query'
import { createElement as h, type ReactElement } from 'react'
import type { ShopperCustomers } from '../../src/customers.ts'
import { type SessionLike, ShopperSessionProvider, useLogin, useShopper } from '../../src/react.ts'
import { ShopperQueryProvider, useProfile } from '../../src/reactQuery.ts'
import type { DehydratedSession } from '../../src/remote.ts'

/** The id of the `<script type="application/json">` holding the {@link PageState}. */
export const STATE_ID = 'page-state'

/** What a page embeds for the browser: the session's state and the query cache. */
export interface PageState {
  session: DehydratedSession
  queries: DehydratedState
}

/** A QueryClient as the app makes one (a server request or a page): prefetched data stays fresh. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false } } })
}

/** Who is signed in: the registered shopper's name and e-mail from the profile query. */
function Account(): ReactElement {
  const shopper = useShopper()
  const { data: profile } = useProfile()
  if (shopper?.kind === 'registered') {
    const text = profile
      ? `Hello ${profile.firstName ?? ''} ${profile.lastName ?? ''} <${profile.email ?? ''}>`
      : 'Loading your account'
    return h('p', { id: 'who', 'data-kind': 'registered' }, text)
  }
  return h('p', { id: 'who', 'data-kind': shopper?.kind ?? 'none' }, 'Welcome, guest')
}

/** A sign-in form (the browser test fills it); its state is local, so it renders the same twice. */
function SignIn(): ReactElement | null {
  const shopper = useShopper()
  const login = useLogin()
  if (shopper?.kind === 'registered') return null
  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form)
    const username = String(data.get('username'))
    const password = String(data.get('password'))
    void login.run({ username, password }).catch(() => undefined)
  }
  return h(
    'form',
    {
      id: 'sign-in',
      onSubmit: (event: { preventDefault(): void; currentTarget: HTMLFormElement }) => {
        event.preventDefault()
        submit(event.currentTarget)
      },
    },
    h('input', { name: 'username', 'aria-label': 'Login' }),
    h('input', { name: 'password', type: 'password', 'aria-label': 'Password' }),
    h('button', { type: 'submit', disabled: login.pending }, 'Sign in'),
  )
}

/** The whole app over `session` (a server session on the server, a remote one in the page). */
export function App(props: {
  session: SessionLike
  customers: ShopperCustomers
  queryClient: QueryClient
}): ReactElement {
  return h(
    QueryClientProvider,
    { client: props.queryClient },
    h(
      ShopperSessionProvider,
      { session: props.session },
      h(
        ShopperQueryProvider,
        { customers: props.customers },
        h('main', null, h(Account), h(SignIn)),
      ),
    ),
  )
}

/** `value` as JSON safe inside a `<script>` element (no `</script>`, no HTML comment). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export { dehydrate }
