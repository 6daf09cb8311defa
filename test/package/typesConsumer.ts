/**
 * The consumer project of types.test.ts: source files that import every public entry of the
 * installed package and use its main types, and one tsconfig per module resolution. Kept as text
 * (the test writes it into the consumer folder) because it must compile against the packed
 * tarball, which the repository's own type check cannot see.
 *
 * Each `@ts-expect-error` line is a typo that must not compile; the line before it is the same
 * call spelled right, which must compile, so the expected error can only be the typo. A typo
 * that compiles again leaves its `@ts-expect-error` unused, and tsc fails (TS2578).
 */

/** Entry imports, written the same way in the ESM and the CJS file. */
const ENTRY_IMPORTS = `
import * as main from 'shopper-session'
import * as account from 'shopper-session/account'
import * as customersEntry from 'shopper-session/customers'
import * as inspectEntry from 'shopper-session/inspect'
import * as inspectViewEntry from 'shopper-session/inspect/view'
import * as reactQueryEntry from 'shopper-session/react-query'
import * as remoteEntry from 'shopper-session/remote'
import * as emulator from 'shopper-session/emulator'
import * as emulatorNode from 'shopper-session/emulator/node'
import * as migratePwaKit from 'shopper-session/migrate/pwa-kit'
import * as server from 'shopper-session/server'
import * as fetchNative from 'shopper-session/adapters/fetch/native'
import * as fetchOfetch from 'shopper-session/adapters/fetch/ofetch'
import * as fetchTimeout from 'shopper-session/adapters/fetch/timeout'
import * as storageMemory from 'shopper-session/adapters/storage/memory'
import * as storageServerCookie from 'shopper-session/adapters/storage/serverCookie'
import * as storageLocal from 'shopper-session/adapters/storage/localStorage'
import * as storageSession from 'shopper-session/adapters/storage/sessionStorage'
import * as storageCookie from 'shopper-session/adapters/storage/cookie'
import * as coordinationInProcess from 'shopper-session/adapters/coordination/inProcess'
import * as coordinationWeb from 'shopper-session/adapters/coordination/web'
import * as coordinationLeaseLock from 'shopper-session/adapters/coordination/leaseLock'
import * as reactEntry from 'shopper-session/react'

// Every entry is part of the program, so \`skipLibCheck: false\` checks all its declarations.
export const entries = [
  main,
  account,
  customersEntry,
  inspectEntry,
  inspectViewEntry,
  reactQueryEntry,
  remoteEntry,
  emulator,
  emulatorNode,
  migratePwaKit,
  server,
  fetchNative,
  fetchOfetch,
  fetchTimeout,
  storageMemory,
  storageServerCookie,
  storageLocal,
  storageSession,
  storageCookie,
  coordinationInProcess,
  coordinationWeb,
  coordinationLeaseLock,
  reactEntry,
]
`

/** The ESM consumer: every entry, the main types, the typos that must not compile. */
const ESM = `${ENTRY_IMPORTS}
import {
  createShopperSession,
  type Basket,
  type Customer,
  type CustomerAddress,
  type CustomerPaymentInstrument,
  type CustomerProductList,
  type CustomerProductListItem,
  type CustomerUpdateBody,
  type RegistrationCustomer,
  type ShopperSession,
  type TokenResponse,
} from 'shopper-session'
import { createShopperCustomers, type ShopperCustomers } from 'shopper-session/customers'

export { createShopperSession }

declare const session: ShopperSession
const customers: ShopperCustomers = createShopperCustomers(session)

// Answers: declared keys and \`c_*\` custom attributes read; a typo does not compile.
export async function readProfile(): Promise<unknown[]> {
  const customer: Customer = await customers.getCustomer({ expand: ['addresses'] })
  const address: CustomerAddress | undefined = customer.addresses?.[0]
  const instrument: CustomerPaymentInstrument | undefined = customer.paymentInstruments?.[0]
  const tier: unknown = customer.c_loyaltyTier
  const email: string | undefined = customer.email
  // @ts-expect-error \`emial\` is not a key of Customer
  const typo: unknown = customer.emial
  return [address?.countryCode, instrument?.paymentCard?.maskedNumber, tier, email, typo]
}

// Bodies: declared keys and \`c_*\` custom attributes are sent; a typo does not compile.
export async function updateProfile(): Promise<Customer> {
  const body: CustomerUpdateBody = { firstName: 'Ada', c_loyaltyTier: 'gold' }
  await customers.updateCustomer({ body: { firstName: 'Ada', c_loyaltyTier: 'gold' } })
  // @ts-expect-error \`fistName\` is not a key of the updateCustomer body
  await customers.updateCustomer({ body: { fistName: 'Ada' } })
  return customers.updateCustomer({ body })
}

export async function shop(): Promise<unknown[]> {
  const basket: Basket = await customers.createBasket({ body: {} })
  const next = await customers.addItemToBasket({
    basketId: basket.basketId ?? '',
    body: [{ productId: '701643108633M', quantity: 1, c_giftWrap: true }],
  })
  await customers.addItemToBasket({ basketId: '', body: [{ productId: 'p', quantity: 1 }] })
  // @ts-expect-error \`quantiy\` is not a key of an added item
  await customers.addItemToBasket({ basketId: '', body: [{ productId: 'p', quantiy: 1 }] })
  const total: number | undefined = next.orderTotal
  const tax: number | undefined = next.taxTotal
  // @ts-expect-error \`ordertotal\` is not a key of Basket
  const typo: unknown = next.ordertotal
  return [total, tax, typo, next.productItems?.[0]?.productId]
}

export async function wishLists(): Promise<unknown[]> {
  const { data } = await customers.getCustomerProductLists()
  const list: CustomerProductList | undefined = data[0]
  const item: CustomerProductListItem = await customers.createCustomerProductListItem({
    listId: list?.id ?? '',
    body: { type: 'product', productId: 'p', quantity: 1, priority: 1, public: false, c_note: 'x' },
  })
  // @ts-expect-error \`quantities\` is not a key of CustomerProductListItem
  const typo: unknown = item.quantities
  return [item.quantity, item.product?.name, item.c_note, typo]
}

// Registration data: the same rule.
export const registration: RegistrationCustomer = {
  login: 'ada@example.com',
  email: 'ada@example.com',
  lastName: 'Lovelace',
  c_source: 'web',
}
export const registrationTypo: RegistrationCustomer = {
  login: 'ada@example.com',
  email: 'ada@example.com',
  lastName: 'Lovelace',
  // @ts-expect-error \`fistName\` is not a key of RegistrationCustomer
  fistName: 'Ada',
}

// SLAS answers have no custom attributes: only their declared keys.
export function token(tokens: TokenResponse): unknown[] {
  // @ts-expect-error \`acess_token\` is not a key of TokenResponse
  const typo: unknown = tokens.acess_token
  return [tokens.access_token, tokens.refresh_token_expires_in, typo]
}

// Inspection: only an inspector made by shopper-session/inspect; a bare observer does not compile.
declare const slasConfig: Parameters<typeof createShopperSession>[0]
const redacted = inspectEntry.redactedInspector((event) => event.type)
export const inspected = createShopperSession({ ...slasConfig, inspect: redacted })
// @ts-expect-error a bare function is no inspector: wrap it in redactedInspector
export const unwrapped = createShopperSession({ ...slasConfig, inspect: () => undefined })
export const diagram: string = inspectEntry.toMermaid(inspected.actor.logic)

// The statechart view: its inspector is an \`inspect\` option. (elkjs's own declarations fail
// skipLibCheck: false, so this file names the view's LayoutEngine; test/inspect/view passes ELK.)
declare const elk: inspectViewEntry.LayoutEngine
const view = inspectViewEntry.createStatechartView({ maxEntries: 100, layoutEngine: elk })
export const viewed = createShopperSession({ ...slasConfig, inspect: view.inspect })
export const unmountView: () => void = view.mount(document.body, {
  actor: (actor) => actor.id === 'session',
  machine: viewed.actor.logic,
})
export const logged: string[] = view.entries().map((entry) => entry.eventType)
// @ts-expect-error \`maxEntry\` is not an option of createStatechartView
inspectViewEntry.createStatechartView({ maxEntry: 100 })

// React: a ShopperSession is the hooks' SessionLike as it is; the hooks' results are typed.
export const forHooks: reactEntry.SessionLike = session
export function useHeader(): unknown[] {
  const shopper = reactEntry.useShopper()
  const { token, loading } = reactEntry.useAccessToken()
  const login = reactEntry.useLogin()
  void login.run({ username: 'ada@example.com', password: 'x' })
  // @ts-expect-error \`loginID\` is not a key of Shopper
  const typo: unknown = shopper?.loginID
  return [shopper?.loginId, token, loading, login.error?.code, typo]
}

// React Query: the factories take a ShopperSession; the hooks' data is typed.
export const queries = reactQueryEntry.createShopperQueries(createShopperCustomers(session), session)
export const profileKey: readonly unknown[] = queries.profile().queryKey
export function useGreeting(): unknown[] {
  const { data: profile } = reactQueryEntry.useProfile()
  // @ts-expect-error \`fistName\` is not a key of Customer
  const typo: unknown = profile?.fistName
  return [profile?.firstName, reactQueryEntry.useAddresses().data?.[0]?.addressId, typo]
}

// A server-held session in the browser: the hooks', clients' and factories' session as it is.
export const remote = remoteEntry.createRemoteSession({
  endpoint: '/api/session',
  scapi: slasConfig,
  initial: remoteEntry.readState(null),
})
export const remoteForHooks: reactEntry.SessionLike = remote
export const remoteQueries = reactQueryEntry.createShopperQueries(createShopperCustomers(remote), remote)
// @ts-expect-error \`endpont\` is not an option of createRemoteSession
remoteEntry.createRemoteSession({ endpont: '/api/session', scapi: slasConfig })
`

/** The CommonJS consumer (`.cts`, node16 only): every entry through its `require` types. */
const CJS = `${ENTRY_IMPORTS}
import type { Customer } from 'shopper-session'

export function read(customer: Customer): unknown[] {
  // @ts-expect-error \`emial\` is not a key of Customer
  const typo: unknown = customer.emial
  return [customer.email, customer.c_loyaltyTier, typo]
}
`

/** Options both projects share: strict, and every declaration file checked. */
const STRICT = {
  strict: true,
  skipLibCheck: false,
  // TypeScript's own lib files are not ours to check; skipping them saves a second per run.
  skipDefaultLibCheck: true,
  noEmit: true,
  target: 'es2022',
  lib: ['es2022', 'dom'],
  types: [],
}

/** The files of the consumer project, by path relative to its folder. */
export const TYPES_CONSUMER: Record<string, string> = {
  'esm.ts': ESM,
  'cjs.cts': CJS,
  'tsconfig.bundler.json': JSON.stringify(
    {
      compilerOptions: { ...STRICT, module: 'esnext', moduleResolution: 'bundler' },
      files: ['esm.ts'],
    },
    null,
    2,
  ),
  'tsconfig.node16.json': JSON.stringify(
    {
      compilerOptions: { ...STRICT, module: 'node16', moduleResolution: 'node16' },
      files: ['esm.ts', 'cjs.cts'],
    },
    null,
    2,
  ),
}

/** The module resolutions checked, by the tsconfig that sets each. */
export const RESOLUTIONS = {
  bundler: 'tsconfig.bundler.json',
  node16: 'tsconfig.node16.json',
} as const

/** The subpaths the consumer imports (every `exports` key but `./package.json`). */
export const IMPORTED_SUBPATHS = [...ENTRY_IMPORTS.matchAll(/from '(shopper-session[^']*)'/g)].map(
  (match) => match[1],
)
