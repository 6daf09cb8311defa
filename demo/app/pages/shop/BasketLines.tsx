/**
 * The basket's lines and total, as the basket page and the registration page show them.
 *
 * @module
 */
import type { Basket } from 'shopper-session'
import { productById } from '../../../shared/catalog.ts'
import { formatPrice } from '../../ui/index.ts'

/** The lines of `basket` as a table, with its total; a sentence when it is empty. */
export function BasketLines({ basket, caption }: { basket: Basket | undefined; caption: string }) {
  const lines = basket?.productItems ?? []
  const currency = basket?.currency ?? 'USD'
  if (lines.length === 0) return <p>Your basket is empty.</p>
  return (
    <div className="table-scroll">
      <table className="basket-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="number">
              Quantity
            </th>
            <th scope="col" className="number">
              Price
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const id = line.productId ?? ''
            return (
              <tr key={line.itemId ?? index}>
                <th scope="row">{productById(id)?.name ?? line.productName ?? id}</th>
                <td className="number">{line.quantity ?? 0}</td>
                <td className="number">{formatPrice(line.price ?? 0, currency)}</td>
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td className="number">
              {formatPrice(basket?.productTotal ?? basket?.productSubTotal ?? 0, currency)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

/** How many items `basket` holds (quantities added up). */
export function itemCount(basket: Basket | undefined): number {
  return (basket?.productItems ?? []).reduce((sum, line) => sum + (line.quantity ?? 0), 0)
}
