/**
 * A product's picture, drawn inline: the demo loads no image from the network.
 *
 * @module
 */
import type { Product } from '../../../shared/catalog.ts'

const SHAPES: Readonly<Record<Product['picture']['shape'], string>> = {
  shirt: 'M30 18l12-8h16l12 8 14 12-10 12-8-6v48H34V36l-8 6-10-12z',
  scarf: 'M28 20h44v16H58v52H44V50l-14 34-12-6 14-32h-4z',
  bag: 'M24 38h52l-4 50H28zM38 38v-8a12 12 0 0124 0v8',
  hat: 'M22 66a28 28 0 0156 0zM18 66h64v12H18zM50 22a5 5 0 110 10 5 5 0 010-10',
  mug: 'M26 30h40v50H26zM66 42h8a8 8 0 010 16h-8',
  shoe: 'M16 56l8-22h16l6 12 30 10a8 8 0 016 8v8H16z',
}

/** The picture of `product` (decorative: the card names the product). */
export function ProductPicture({ product }: { product: Product }) {
  const { shape, color } = product.picture
  return (
    <svg className="product-picture" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <rect width="100" height="100" rx="10" fill={`${color}22`} />
      <path d={SHAPES[shape]} fill={color} stroke="#0003" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  )
}
