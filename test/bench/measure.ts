/**
 * Load measurement for `npm run bench`: runs one request function from several workers until a
 * deadline and reports throughput and latency percentiles. A failed request counts as an error and
 * is never timed, so a broken scenario shows up as errors instead of as a fast one.
 */

/** What one scenario measured. */
export interface LoadResult {
  requests: number
  errors: number
  /** Successful requests per second of wall time. */
  perSecond: number
  p50Ms: number
  p99Ms: number
}

/** How to drive the load. */
export interface LoadOptions {
  /** Measured wall time in ms. */
  durationMs: number
  /** Unmeasured warm-up in ms (JIT, key generation, sockets). */
  warmupMs: number
  /** Requests in flight at once. */
  concurrency: number
}

/**
 * The value below which `fraction` of the sorted samples fall (nearest rank). Empty input: NaN.
 */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil(fraction * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

async function drive(
  request: () => Promise<boolean>,
  until: number,
  concurrency: number,
  samples: number[] | undefined,
): Promise<number> {
  let errors = 0
  const worker = async () => {
    while (performance.now() < until) {
      const start = performance.now()
      const ok = await request().catch(() => false)
      if (!ok) errors += 1
      else samples?.push(performance.now() - start)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return errors
}

/** Warms up, then measures `request` (which resolves true on the expected answer). */
export async function measureLoad(
  request: () => Promise<boolean>,
  options: LoadOptions,
): Promise<LoadResult> {
  await drive(request, performance.now() + options.warmupMs, options.concurrency, undefined)
  const samples: number[] = []
  const start = performance.now()
  const errors = await drive(request, start + options.durationMs, options.concurrency, samples)
  const elapsedSeconds = (performance.now() - start) / 1000
  samples.sort((a, b) => a - b)
  return {
    requests: samples.length,
    errors,
    perSecond: samples.length / elapsedSeconds,
    p50Ms: percentile(samples, 0.5),
    p99Ms: percentile(samples, 0.99),
  }
}
