/**
 * Prices as the shop shows them.
 *
 * @module
 */
const formats = new Map<string, Intl.NumberFormat>()

/** `12.5, 'USD'` → `$12.50`. */
export function formatPrice(amount: number, currency: string): string {
  let format = formats.get(currency)
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency })
    formats.set(currency, format)
  }
  return format.format(amount)
}
