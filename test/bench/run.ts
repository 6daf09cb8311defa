/**
 * `npm run bench`: requests per second and p50/p99 latency of the emulator's token endpoint and
 * getCustomer, in-process (`emulator.fetch`) and over HTTP (`serveEmulator` + global fetch).
 * Options: `--duration <ms>` per row (default 1500), `--concurrency <n>` (default 8).
 */
import { parseArgs } from 'node:util'
import { createEmulator, type Emulator } from '../../src/emulator/index.ts'
import { serveEmulator } from '../../src/emulator/node.ts'
import { type LoadOptions, type LoadResult, measureLoad } from './measure.ts'
import { getCustomerScenario, type Scenario, tokenScenario } from './scenarios.ts'
import { bytesPerServerSession, microsecondsPerEvent, refreshesPerExpiry } from './session.ts'
import { BROWSER_ENTRIES, kib, measureImport } from '../support/bundleSize.ts'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '1500' },
    concurrency: { type: 'string', default: '8' },
  },
})
const options: LoadOptions = {
  durationMs: Number(values.duration),
  warmupMs: 300,
  concurrency: Number(values.concurrency),
}
if (!(options.durationMs > 0) || !(options.concurrency >= 1)) {
  throw new Error('bench: --duration and --concurrency must be positive numbers')
}

interface Row {
  scenario: string
  transport: string
  result: LoadResult
}

async function scenarios(emulator: Emulator, baseUrl: string, fetchFn: typeof fetch) {
  return [
    tokenScenario(emulator, baseUrl, fetchFn),
    await getCustomerScenario(emulator, baseUrl, fetchFn),
  ]
}

async function measureAll(transport: string, list: Scenario[], rows: Row[]): Promise<void> {
  for (const scenario of list) {
    rows.push({ scenario: scenario.name, transport, result: await measureLoad(scenario.request, options) })
  }
}

function format(rows: readonly Row[]): string {
  const header = ['scenario', 'transport', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors']
  const lines = rows.map(({ scenario, transport, result }) => [
    scenario,
    transport,
    String(result.requests),
    result.perSecond.toFixed(0),
    result.p50Ms.toFixed(2),
    result.p99Ms.toFixed(2),
    String(result.errors),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const row = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [row(header), rule, ...lines.map(row)].join('\n')
}

const rows: Row[] = []
const inProcess = createEmulator()
await measureAll(
  'in-process',
  await scenarios(inProcess, inProcess.settings.baseUrl, inProcess.fetch),
  rows,
)
const overHttp = createEmulator()
const server = await serveEmulator(overHttp, { port: 0 })
try {
  await measureAll('HTTP', await scenarios(overHttp, server.url, fetch), rows)
} finally {
  await server.close()
}
console.log(
  `emulator benchmark: ${options.durationMs} ms per row, ${options.concurrency} requests in flight, Node ${process.version}\n`,
)
console.log(format(rows))

const perEvent = await microsecondsPerEvent()
const perSession = await bytesPerServerSession()
const perExpiry = []
for (const callers of [1, 10, 100]) perExpiry.push([callers, await refreshesPerExpiry(callers)] as const)
console.log('\nsession\n')
console.log('| measure | value |')
console.log('|:--|--:|')
console.log(`| µs per event through the session machine | ${perEvent.toFixed(2)} |`)
console.log(`| KiB of heap per live server-side session | ${(perSession / 1024).toFixed(1)} |`)
for (const [callers, refreshes] of perExpiry) {
  console.log(`| refresh requests per expiry, ${callers} concurrent callers | ${refreshes} |`)
}
// Issue 5 item 5: the browser entry (the `browser` condition of `shopper-session`) against 25 KiB.
const [browserEntry] = BROWSER_ENTRIES
const browserSize = await measureImport(browserEntry.label, browserEntry.file, browserEntry.names)
console.log(`| browser entry gzip KiB vs 25 KiB stretch | ${kib(browserSize.gzipBytes)} |`)
if (perExpiry.some(([, refreshes]) => refreshes !== 1)) {
  console.error('\nbench: an expiry cost more or less than one refresh request')
  process.exitCode = 1
}
if (rows.some((r) => r.result.errors > 0 || r.result.requests === 0)) {
  console.error('\nbench: some requests failed (see the errors column)')
  process.exitCode = 1
}
