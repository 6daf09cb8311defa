/**
 * The demo's catalog. The emulator serves no products (any product id goes into a basket), so
 * the demo ships a small one: the page shows it, and the demo server prices basket lines from it
 * (the emulator's `baskets.priceOf`), so the grid and the basket agree.
 *
 * @module
 */

/** A product of the grid. Pictures are drawn inline (no network image). */
export interface Product {
  /** The product id the basket and the product lists carry. */
  id: string
  name: string
  /** Unit price in {@link CURRENCY}. */
  price: number
  /** What the picture shows, and its colour. */
  picture: { shape: 'shirt' | 'scarf' | 'bag' | 'hat' | 'mug' | 'shoe'; color: string }
}

/** The currency of every price (the emulator's default basket currency). */
export const CURRENCY = 'USD'

/** Every product of the shop, in grid order. */
export const PRODUCTS: readonly Product[] = [
  {
    id: 'linen-shirt',
    name: 'Linen shirt',
    price: 49,
    picture: { shape: 'shirt', color: '#4f7cac' },
  },
  {
    id: 'wool-scarf',
    name: 'Wool scarf',
    price: 29.5,
    picture: { shape: 'scarf', color: '#b5523b' },
  },
  {
    id: 'canvas-tote',
    name: 'Canvas tote',
    price: 18,
    picture: { shape: 'bag', color: '#8a7d3b' },
  },
  {
    id: 'knit-beanie',
    name: 'Knit beanie',
    price: 22,
    picture: { shape: 'hat', color: '#3b7d5a' },
  },
  {
    id: 'stone-mug',
    name: 'Stoneware mug',
    price: 14.75,
    picture: { shape: 'mug', color: '#6b5b95' },
  },
  { id: 'trail-shoe', name: 'Trail shoe', price: 89, picture: { shape: 'shoe', color: '#c0802a' } },
]

const BY_ID = new Map(PRODUCTS.map((product) => [product.id, product]))

/** The product with `id`, if the shop has it. */
export function productById(id: string): Product | undefined {
  return BY_ID.get(id)
}
