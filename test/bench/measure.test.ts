import { describe, expect, it } from 'vitest'
import { measureLoad, percentile } from './measure.ts'

describe('percentile (nearest rank)', () => {
  it('picks the sample at the rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(sorted, 0.5)).toBe(50)
    expect(percentile(sorted, 0.99)).toBe(99)
    expect(percentile([7], 0.99)).toBe(7)
    expect(percentile([], 0.5)).toBeNaN()
  })
})

describe('measureLoad', () => {
  it('counts failed requests as errors and never times them', async () => {
    let n = 0
    const result = await measureLoad(async () => (n += 1) % 2 === 0, {
      durationMs: 20,
      warmupMs: 0,
      concurrency: 2,
    })
    expect(result.errors).toBeGreaterThan(0)
    expect(Math.abs(result.errors - result.requests)).toBeLessThanOrEqual(2)
  })
})
