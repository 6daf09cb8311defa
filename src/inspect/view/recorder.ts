/**
 * The statechart view's memory: a bounded log of what the actors did, built from the inspection
 * events a `redactedInspector` hands over, so nothing in it was ever raw. Each entry is one
 * snapshot change of one actor (the event it took, when, which actor) and points at the state of
 * its machine afterwards (the actor itself when it runs a machine, such as the session's token
 * refresh child; else the machine that invoked it): selecting an entry shows that state, which is
 * all time travel needs. The oldest entries go first once the log is full, so a long-running page holds at most
 * `maxEntries` of them.
 *
 * @module
 */
import type { InspectionEvent } from 'xstate'
import type { RedactedActorRef } from '../actorView.ts'

/** A transition the root machine took: state ids without XState's `#`. */
export interface TakenTransition {
  readonly source: string
  readonly targets: readonly string[]
  readonly eventType: string
}

/** A machine actor's snapshot (redacted plain data) and the transitions that led to it. */
export interface MachineState {
  /** `{ value, status, tags, context, … }` as the redacting inspector gave it. */
  readonly snapshot: RedactedSnapshot
  /** The latest transitions taken up to this snapshot (an event that changed nothing keeps them). */
  readonly transitions: readonly TakenTransition[]
}

/** The fields of a redacted machine snapshot the view reads. */
export interface RedactedSnapshot {
  readonly value?: unknown
  readonly status?: unknown
  readonly tags?: unknown
  readonly context?: unknown
}

/** One log entry. */
export interface LogEntry {
  /** Increases by one per entry, over the view's life. */
  readonly seq: number
  /** Milliseconds since the view was created. */
  readonly offsetMs: number
  /** The event the actor took (`login`, `xstate.done.actor.authenticateCustomer`, …). */
  readonly eventType: string
  /** The actor: its id, or its machine's id for a root actor without one. */
  readonly actor: string
  /** The machine actor the entry is charted on: the actor itself, or its nearest machine parent. */
  readonly machineActor: RedactedActorRef
  /** That machine's state after this entry; `undefined` before its first snapshot. */
  readonly state: MachineState | undefined
}

/** The recorder behind one view. */
export interface Recorder {
  /** Takes the (already redacted) inspection events. Never throws. */
  readonly observe: (event: InspectionEvent) => void
  /** The log, oldest first. */
  entries(): readonly LogEntry[]
  /** Machine actors seen (roots and machine children), oldest first (at most {@link MAX_MACHINES}). */
  machineActors(): readonly RedactedActorRef[]
  /** A machine actor's latest state. */
  latest(machineActor: RedactedActorRef): MachineState | undefined
  /** Calls `listener` after each change (inside the actor's step: keep it cheap). */
  subscribe(listener: () => void): () => void
  /** Stops recording and forgets everything. */
  stop(): void
}

/**
 * Machine actors remembered: each account flow run is a root of its own and each token refresh
 * timer a child of its own, so they are bounded too.
 */
export const MAX_MACHINES = 32

/** The machine id of an actor's definition, if it has one. */
export function machineIdOf(actor: RedactedActorRef): string | undefined {
  const id = (actor.logic?.config as { id?: unknown } | undefined)?.id
  return typeof id === 'string' ? id : undefined
}

/** Whether the actor runs a state machine (a promise's or a callback's `config` is a function). */
function runsMachine(actor: RedactedActorRef): boolean {
  const config = actor.logic?.config
  return typeof config === 'object' && config !== null
}

/** The machine actor an actor's entries are charted on: itself, or its nearest machine parent. */
function machineActorOf(actor: RedactedActorRef): RedactedActorRef {
  let current = actor
  while (!runsMachine(current) && current._parent) current = current._parent
  return current
}

/** `actor`'s name in the log: a root actor's id is a generated `x:0`, its machine's id is not. */
function actorName(actor: RedactedActorRef): string {
  return actor.id === actor.sessionId ? (machineIdOf(actor) ?? actor.id) : actor.id
}

function isActorView(value: unknown): value is RedactedActorRef {
  return typeof (value as Partial<RedactedActorRef> | null)?.sessionId === 'string'
}

const stripHash = (id: unknown) => (typeof id === 'string' ? id.replace(/^#/, '') : '')

/** The transitions with a target in a microstep's (redacted) `_transitions`. */
function takenTransitions(list: unknown): TakenTransition[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) => {
    const { source, target, eventType } = (item ?? {}) as Record<string, unknown>
    const targets = Array.isArray(target) ? target.map(stripHash).filter(Boolean) : []
    if (typeof source !== 'string' || targets.length === 0) return []
    return [{ source: stripHash(source), targets, eventType: String(eventType ?? '') }]
  })
}

interface MachineRecord {
  latest: MachineState | undefined
  /** Transitions of microsteps since the machine's last snapshot. */
  pending: TakenTransition[]
}

/** A new recorder keeping at most `maxEntries` entries; `now` reads the clock for offsets. */
export function createRecorder(maxEntries: number, now: () => number): Recorder {
  const start = now()
  const log: LogEntry[] = []
  let seq = 0
  let stopped = false
  const machines = new Map<RedactedActorRef, MachineRecord>()
  const listeners = new Set<() => void>()

  const recordOf = (machineActor: RedactedActorRef): MachineRecord => {
    let record = machines.get(machineActor)
    if (!record) {
      record = { latest: undefined, pending: [] }
      machines.set(machineActor, record)
      // Maps iterate in insertion order: the first key is the oldest machine actor.
      if (machines.size > MAX_MACHINES) {
        machines.delete(machines.keys().next().value as RedactedActorRef)
      }
    }
    return record
  }

  const take = (event: InspectionEvent) => {
    const actor: unknown = event.actorRef
    if (!isActorView(actor)) return
    const machineActor = machineActorOf(actor)
    const record = recordOf(machineActor)
    if (event.type === '@xstate.microstep' && actor === machineActor) {
      record.pending.push(...takenTransitions((event as { _transitions?: unknown })._transitions))
      return
    }
    if (event.type !== '@xstate.snapshot') return
    if (actor === machineActor) {
      const taken = record.pending
      record.pending = []
      record.latest = {
        snapshot: (event.snapshot ?? {}) as RedactedSnapshot,
        transitions: taken.length > 0 ? taken : (record.latest?.transitions ?? []),
      }
    }
    const type = (event.event as { type?: unknown } | undefined)?.type
    log.push({
      seq: seq++,
      offsetMs: now() - start,
      eventType: typeof type === 'string' ? type : '',
      actor: actorName(actor),
      machineActor,
      state: record.latest,
    })
    while (log.length > maxEntries) log.shift()
    for (const listener of listeners) listener()
  }

  return {
    observe: (event) => {
      if (stopped) return
      // Inspection runs inside the actor's step: a failure here must never break the session.
      try {
        take(event)
      } catch {
        // The entry is lost; the session is not.
      }
    },
    entries: () => log,
    machineActors: () => [...machines.keys()],
    latest: (machineActor) => machines.get(machineActor)?.latest,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      stopped = true
      log.length = 0
      machines.clear()
      listeners.clear()
    },
  }
}
