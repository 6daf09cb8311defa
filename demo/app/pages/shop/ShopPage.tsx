/**
 * The product grid: anyone, guest or signed in, adds to the basket.
 *
 * @module
 */
import { useState } from 'react'
import { useShopper } from 'shopper-session/react'
import { CURRENCY, PRODUCTS, type Product } from '../../../shared/catalog.ts'
import { Button, ErrorNotice, Page, StatusMessage, formatPrice } from '../../ui/index.ts'
import { ProductPicture } from './ProductPicture.tsx'
import { useAddToBasket } from './useAddToBasket.ts'

function ProductCard({
  product,
  onAdd,
  adding,
}: {
  product: Product
  onAdd: (product: Product) => void
  adding: boolean
}) {
  const nameId = `product-${product.id}`
  return (
    <li className="product-card">
      <article aria-labelledby={nameId}>
        <ProductPicture product={product} />
        <h2 id={nameId} className="product-name">
          {product.name}
        </h2>
        <p className="product-price">{formatPrice(product.price, CURRENCY)}</p>
        <Button aria-describedby={nameId} busy={adding} onClick={() => onAdd(product)}>
          Add to basket
        </Button>
      </article>
    </li>
  )
}

/** `#/`: the catalog. */
export function ShopPage() {
  const basket = useAddToBasket()
  const [adding, setAdding] = useState<string | undefined>(undefined)
  const [added, setAdded] = useState('')
  const [error, setError] = useState<unknown>(undefined)
  const onAdd = (product: Product) => {
    setAdding(product.id)
    setError(undefined)
    setAdded('')
    basket.add(product.id).then(
      () => setAdded(`${product.name} is in your basket.`),
      (failure: unknown) => setError(failure),
    )
  }
  const registered = useShopper()?.kind === 'registered'
  const intro = registered
    ? 'Add what you like: your basket is saved with your account.'
    : 'Browse as a guest: your basket is kept when you sign in or create an account.'
  return (
    <Page title="Shop" intro={intro}>
      <StatusMessage>{added}</StatusMessage>
      <ErrorNotice error={error} />
      <ul className="product-grid">
        {PRODUCTS.map((product) => (
          <ProductCard
            key={product.id}
            product={product}
            adding={basket.pending && adding === product.id}
            onAdd={onAdd}
          />
        ))}
      </ul>
    </Page>
  )
}
