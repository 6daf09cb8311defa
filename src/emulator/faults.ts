/**
 * Injected faults (`control.failNext`): answer an error, delay, or drop the connection, either
 * before the operation acts or after it (the "token lost in transit" case).
 *
 * @module
 */
import { createCountedQueues } from './countedQueues.ts'

/** A fault for the next call(s) of one operation. */
export interface Fault {
  /** How many calls it applies to. Default 1. */
  count?: number
  /** Answer this status (default body: the matching SLAS/gateway wire shape). */
  status?: number
  /** Answer this JSON body (status defaults to 500 when only a body is given). */
  body?: object
  /** Extra response headers (e.g. `retry-after`, `sfdc_maintenance`). */
  headers?: Record<string, string>
  /** Wait this long (real milliseconds) before answering. Alone, it just delays the real answer. */
  delayMs?: number
  /** Drop the connection: `fetch` rejects with `TypeError('fetch failed')`; HTTP: socket closed. */
  drop?: boolean
  /**
   * `'before'` (default): answer the fault without acting. `'after'`: perform the operation (e.g.
   * rotate the refresh token), then replace its answer with the fault or drop it.
   */
  phase?: 'before' | 'after'
}

/** A fault being applied (count resolved). */
export interface ActiveFault {
  status: number | undefined
  body: object | undefined
  headers: Record<string, string>
  delayMs: number
  drop: boolean
  phase: 'before' | 'after'
}

/**
 * Thrown (rejected) by `emulator.handle` when a `drop` fault fires: there is no response.
 * `emulator.fetch` turns it into `TypeError('fetch failed')`; `serveEmulator` destroys the socket.
 */
export class ConnectionDropped extends Error {
  override name = 'ConnectionDropped'
  constructor(operation: string) {
    super(`emulator dropped the connection (injected fault on ${operation})`)
  }
}

/** Per-operation fault queues. */
export interface FaultQueue {
  add(operation: string, fault: Fault): void
  /** The fault for this call, if any (consumes one count). */
  take(operation: string): ActiveFault | undefined
  clear(): void
}

/** Creates the queues; `operations` are the valid names (typos throw instead of never firing). */
export function createFaultQueue(operations: () => ReadonlySet<string>): FaultQueue {
  const queues = createCountedQueues<ActiveFault>()
  return {
    add(operation, fault) {
      if (!operations().has(operation)) {
        throw new TypeError(`failNext: unknown operation '${operation}'`)
      }
      const count = fault.count ?? 1
      const delayMs = fault.delayMs ?? 0
      if (!Number.isInteger(count) || count < 1) throw new TypeError('failNext: bad count')
      if (!Number.isFinite(delayMs) || delayMs < 0) throw new TypeError('failNext: bad delayMs')
      const status = fault.status ?? (fault.body ? 500 : undefined)
      if (status !== undefined && (!Number.isInteger(status) || status < 200 || status > 599)) {
        throw new TypeError(`failNext: bad status ${status}`)
      }
      const active: ActiveFault = {
        status,
        body: fault.body,
        headers: { ...fault.headers },
        delayMs,
        drop: fault.drop ?? false,
        phase: fault.phase ?? 'before',
      }
      queues.push(operation, active, count)
    },
    take: (operation) => queues.take(operation),
    clear: () => queues.clear(),
  }
}

/** Whether a fault asks for the maintenance answer: a 503 with an `sfdc_maintenance` header. */
export function isMaintenanceFault(status: number, headers: Record<string, string>): boolean {
  return (
    status === 503 && Object.keys(headers).some((name) => name.toLowerCase() === 'sfdc_maintenance')
  )
}

/** Whether the fault replaces the answer (as opposed to only delaying it). */
export function replacesAnswer(fault: ActiveFault): boolean {
  return fault.drop || fault.status !== undefined
}

/** Waits `ms` real milliseconds (the global timer read at call time, so fake timers apply). */
export function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => globalThis.setTimeout(resolve, ms))
}
