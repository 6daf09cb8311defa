/**
 * The shape every shopper query and mutation factory returns, and the two builders that make
 * them: the key, the guarded call, `enabled`, the retry rule, and what a write refreshes.
 *
 * @module
 */
import type {
  QueryClient,
  QueryKeyWithDataTag,
  UnusedSkipTokenOptions,
  UseMutationOptions,
  WithRequired,
} from '@tanstack/react-query'
import type { ShopperSessionError } from '../errors.ts'
import type { CallOptions } from '../scapi/params.ts'
import {
  type Access,
  canRun,
  type QueryBase,
  readFor,
  type ShopperTarget,
  targetOf,
  writeFor,
} from './forShopper.ts'
import { retryTransient } from './retry.ts'
import { keyFor, type ShopperKeyPart, type ShopperQueryKey } from './shopperKey.ts'

/**
 * Options of one shopper query, as TanStack's `queryOptions` types them: for `useQuery`,
 * `useSuspenseQuery`, `fetchQuery`, `prefetchQuery`, `ensureQueryData`, and `getQueryData` (its
 * `queryKey` carries the data type). Spread it to add your own (`staleTime`, `select`).
 *
 * @example
 * ```ts
 * const options: ShopperQueryOptions<Customer> = queries.profile()
 * const profile = await queryClient.fetchQuery(options)
 * ```
 */
export type ShopperQueryOptions<TQueryFnData, TData = TQueryFnData> = UnusedSkipTokenOptions<
  TQueryFnData,
  ShopperSessionError,
  TData,
  ShopperQueryKey
> &
  QueryKeyWithDataTag<ShopperQueryKey, TQueryFnData, ShopperSessionError>

/**
 * Options of one shopper mutation, as TanStack's `mutationOptions` types them: for `useMutation`
 * or a `MutationObserver`. Its `mutationFn` refreshes what the write changed before it resolves.
 *
 * @example
 * ```ts
 * const options: ShopperMutationOptions<Customer, { body: ProfileUpdate }> = queries.updateProfile()
 * ```
 */
export type ShopperMutationOptions<TData, TVariables> = WithRequired<
  UseMutationOptions<TData, ShopperSessionError, TVariables>,
  'mutationKey'
>

/** A Shopper Customers call for one customer, with the query's abort signal. */
type Read<T> = (customerId: string, options: CallOptions) => Promise<T>

/** Options of the query of `resource`, for the base's shopper as of now. */
export function readOptions<TQueryFnData>(
  base: QueryBase,
  access: Access,
  resource: readonly ShopperKeyPart[],
  call: Read<TQueryFnData>,
): ShopperQueryOptions<TQueryFnData> {
  const what = String(resource[0])
  const target = targetOf(base)
  const options = {
    queryKey: keyFor(target.site, target.shopper, resource),
    // TanStack aborts `signal` when the query is cancelled or removed: the request ends with it.
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      readFor(target, access, what, (customerId) => call(customerId, { signal })),
    // A guest's profile or a session without a shopper yet: nothing to ask, no request.
    enabled: canRun(target, access),
    retry: retryTransient,
  }
  // The DataTag on `queryKey` exists only in types (what `queryOptions` would add).
  return options as unknown as ShopperQueryOptions<TQueryFnData>
}

/** What a write changed: queries to refetch (exact keys) and queries to drop (key prefixes). */
export interface Changes {
  refresh: readonly (readonly ShopperKeyPart[])[]
  drop?: readonly (readonly ShopperKeyPart[])[]
}

/** Options of the mutation `name`, for the base's shopper as of now. */
export function writeOptions<TData, TVariables>(
  base: QueryBase,
  access: Access,
  name: string,
  call: (customerId: string, variables: TVariables) => Promise<TData>,
  changes: (variables: TVariables) => Changes,
): ShopperMutationOptions<TData, TVariables> {
  const target = targetOf(base)
  return {
    mutationKey: keyFor(target.site, target.shopper, [name]),
    // Refreshing inside mutationFn, not in onSuccess: an app that passes its own onSuccess
    // (`useMutation({ ...options, onSuccess })`) replaces ours but cannot skip this.
    mutationFn: async (variables, { client }) => {
      const { result, stillCurrent } = await writeFor(target, access, name, (customerId) =>
        call(customerId, variables),
      )
      // Once the shopper left, the cache binding removed their queries: nothing to refresh.
      if (stillCurrent) await apply(client, target, changes(variables))
      return result
    },
    // A write is not repeated on a failure: a POST sent twice saves two addresses.
    retry: false,
  }
}

async function apply(client: QueryClient, target: ShopperTarget, changes: Changes): Promise<void> {
  const key = (resource: readonly ShopperKeyPart[]) => keyFor(target.site, target.shopper, resource)
  // Dropped, not refetched: the resource is gone, and a refetch would only answer not_found.
  for (const resource of changes.drop ?? []) client.removeQueries({ queryKey: key(resource) })
  // Exact keys: `['productLists']` must not refetch every list and item below it.
  await Promise.all(
    changes.refresh.map((resource) =>
      client.invalidateQueries({ queryKey: key(resource), exact: true }),
    ),
  )
}
