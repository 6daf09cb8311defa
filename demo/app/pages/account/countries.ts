/**
 * The countries the demo store delivers to (ISO 3166-1 alpha-2 codes, as addresses carry them).
 *
 * @module
 */
import type { Choice } from './SelectField.tsx'

/** Delivery countries, as select choices. */
export const COUNTRIES: readonly Choice[] = [
  { value: 'US', label: 'United States' },
  { value: 'CA', label: 'Canada' },
  { value: 'GB', label: 'United Kingdom' },
  { value: 'DE', label: 'Germany' },
  { value: 'FR', label: 'France' },
  { value: 'AU', label: 'Australia' },
]

/** The country's name (`US` → `United States`); the code itself when the store does not know it. */
export function countryName(code: string): string {
  return COUNTRIES.find((country) => country.value === code)?.label ?? code
}
