/**
 * What an account page shows while its data loads, or when it could not load.
 *
 * @module
 */
import type { ShopperSessionError } from 'shopper-session'
import { Button, ErrorNotice, StatusMessage } from '../../ui/index.ts'

/** The part of a query result {@link LoadState} reads. */
export interface LoadingQuery {
  isError: boolean
  error: ShopperSessionError | null
  isFetching: boolean
  refetch: () => unknown
}

/** Props of {@link LoadState}. */
export interface LoadStateProps {
  query: LoadingQuery
  /** What is loading, in the shopper's words ("your addresses"). */
  what: string
}

/**
 * "Loading your addresses…" in a live region, or the load's error with a way to try again.
 */
export function LoadState({ query, what }: LoadStateProps) {
  return (
    <>
      <StatusMessage>{query.isError ? null : `Loading ${what}…`}</StatusMessage>
      {query.isError && (
        <>
          <ErrorNotice error={query.error} />
          <Button variant="secondary" busy={query.isFetching} onClick={() => void query.refetch()}>
            Try again
          </Button>
        </>
      )}
    </>
  )
}
