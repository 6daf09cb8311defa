/**
 * The shopper's basket.
 *
 * @module
 */
import { useBasket, useDeleteBasket } from 'shopper-session/react-query'
import { Link } from '../../router.tsx'
import { Button, ErrorNotice, Page } from '../../ui/index.ts'
import { BasketLines } from './BasketLines.tsx'

/** `#/basket`. */
export function BasketPage() {
  const basket = useBasket()
  const empty = useDeleteBasket()
  const basketId = basket.data?.basketId
  return (
    <Page title="Basket">
      {basket.isPending && basket.fetchStatus !== 'idle' ? (
        <p role="status">Loading your basket…</p>
      ) : (
        <BasketLines basket={basket.data} caption="What's in your basket" />
      )}
      <ErrorNotice error={basket.error ?? empty.error} />
      <div className="actions">
        <Link className="button button-secondary" to="/">
          Continue shopping
        </Link>
        {basketId !== undefined && (basket.data?.productItems?.length ?? 0) > 0 && (
          <Button
            variant="danger"
            busy={empty.isPending}
            onClick={() => empty.mutate({ basketId })}
          >
            Empty basket
          </Button>
        )}
      </div>
    </Page>
  )
}
