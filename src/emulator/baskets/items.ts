/**
 * Product lines: adding items (same product + shipment + options + inventory → quantity
 * increment), and merging one basket's lines into another with the four `productItemMergeMode`s.
 * Both work on copies and return the new lines, so a refused request changes nothing.
 *
 * @module
 */
import { basketErrors } from './errors.ts'
import type { ItemInput } from './body.ts'
import {
  basketObjectId,
  type BasketRecord,
  type BasketSettings,
  DEFAULT_SHIPMENT_ID,
  MAX_QUANTITY,
  money,
  type ProductItemRecord,
} from './model.ts'

/** `productItemMergeMode` of mergeBasket. */
export type MergeMode = 'higher_quantity' | 'sum_quantities' | 'saved_quantity' | 'separate_item'

/** Every merge mode, default first. */
export const MERGE_MODES: readonly MergeMode[] = [
  'higher_quantity',
  'sum_quantities',
  'saved_quantity',
  'separate_item',
]

type LineKey = Pick<
  ProductItemRecord,
  'productId' | 'shipmentId' | 'inventoryId' | 'bonusDiscountLineItemId' | 'optionItems'
>

function optionsKey(line: LineKey): string {
  return line.optionItems
    .map((o) => `${o.optionId}=${o.optionValueId}`)
    .sort()
    .join('&')
}

/** Whether two lines are "the same product" (shipment, product, options, inventory, bonus). */
export function sameLine(a: LineKey, b: LineKey): boolean {
  return (
    a.productId === b.productId &&
    a.shipmentId === b.shipmentId &&
    a.inventoryId === b.inventoryId &&
    a.bonusDiscountLineItemId === b.bonusDiscountLineItemId &&
    optionsKey(a) === optionsKey(b)
  )
}

/** Quantities are decimals: keep sums free of binary noise. */
function quantity(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

function unitPrice(settings: BasketSettings, productId: string): number {
  const price = settings.priceOf(productId)
  if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) {
    throw new TypeError(`baskets.priceOf returned an invalid price`)
  }
  return money(price)
}

function copyLine(line: ProductItemRecord): ProductItemRecord {
  return {
    ...line,
    optionItems: line.optionItems.map((o) => ({ ...o })),
    custom: { ...line.custom },
  }
}

/** Outcome of computing new lines. */
export type LinesResult =
  { ok: true; lines: ProductItemRecord[] } | { ok: false; response: Response }

function tooMany(productId: string): LinesResult {
  return {
    ok: false,
    response: basketErrors.badRequest(
      `The quantity of product '${productId}' would exceed ${MAX_QUANTITY}.`,
    ),
  }
}

/** The basket's lines with `items` added (not applied: the caller commits). */
export function linesWithItems(
  basket: BasketRecord,
  items: readonly ItemInput[],
  settings: BasketSettings,
): LinesResult {
  const lines = basket.productItems.map(copyLine)
  for (const input of items) {
    const shipmentId = input.shipmentId ?? DEFAULT_SHIPMENT_ID
    if (!basket.shipments.some((s) => s.shipmentId === shipmentId)) {
      return { ok: false, response: basketErrors.shipmentNotFound(shipmentId) }
    }
    const candidate: LineKey = { ...input, shipmentId }
    const existing = lines.find((line) => sameLine(line, candidate))
    if (existing) {
      const total = quantity(existing.quantity + input.quantity)
      if (total > MAX_QUANTITY) return tooMany(input.productId)
      existing.quantity = total
      existing.custom = { ...existing.custom, ...input.custom }
    } else {
      lines.push({
        itemId: basketObjectId(),
        productId: input.productId,
        quantity: input.quantity,
        basePrice: unitPrice(settings, input.productId),
        shipmentId,
        inventoryId: input.inventoryId,
        bonusDiscountLineItemId: input.bonusDiscountLineItemId,
        optionItems: input.optionItems.map((o) => ({ ...o })),
        custom: { ...input.custom },
      })
    }
  }
  return { ok: true, lines }
}

/**
 * `target`'s lines with `source`'s lines merged in: matching lines take the mode's quantity and
 * keep the target's custom attributes (the source's fill in missing ones); the rest are copied as
 * new lines (new item ids). `separate_item` copies every source line.
 */
export function mergedLines(
  target: BasketRecord,
  source: BasketRecord,
  mode: MergeMode,
): LinesResult {
  const lines = target.productItems.map(copyLine)
  for (const from of source.productItems) {
    const existing = mode === 'separate_item' ? undefined : lines.find((l) => sameLine(l, from))
    if (!existing) {
      lines.push({ ...copyLine(from), itemId: basketObjectId() })
      continue
    }
    const next =
      mode === 'sum_quantities'
        ? quantity(existing.quantity + from.quantity)
        : mode === 'higher_quantity'
          ? Math.max(existing.quantity, from.quantity)
          : existing.quantity
    if (next > MAX_QUANTITY) return tooMany(from.productId)
    existing.quantity = next
    existing.custom = { ...from.custom, ...existing.custom }
  }
  return { ok: true, lines }
}

/**
 * Merges `source` into `target` (lines, shipments, custom attributes with the target's values
 * winning; no customer information). Returns the error answer, or undefined once applied.
 */
export function mergeInto(
  target: BasketRecord,
  source: BasketRecord,
  mode: MergeMode,
  now: number,
): Response | undefined {
  const merged = mergedLines(target, source, mode)
  if (!merged.ok) return merged.response
  for (const shipment of source.shipments) {
    if (!target.shipments.some((s) => s.shipmentId === shipment.shipmentId)) {
      target.shipments.push({ shipmentId: shipment.shipmentId })
    }
  }
  target.productItems = merged.lines
  target.custom = { ...source.custom, ...target.custom }
  target.lastModified = now
  return undefined
}
