/**
 * Shared helpers for the path tests (xstate/graph traversal): a traversable view of a machine that
 * also accepts the synthetic events of its invoked actors and timers, a finite serialization, and
 * invariant checks on the machine definition.
 */
import { Secret } from '../../src/secret.ts'
import {
  type ActorLogic,
  type ActorScope,
  type AnyActorRef,
  type AnyStateMachine,
  type AnyStateNode,
  createEmptyActor,
  type EventFromLogic,
  type EventObject,
  type InputFrom,
  type Snapshot,
  type SnapshotFrom,
} from 'xstate'
import {
  type AdjacencyMap,
  getStateNodes,
  type SerializedEvent,
  type SerializedSnapshot,
  type StatePath,
} from 'xstate/graph'
import type { SessionError } from '../../machines/contracts.ts'

/** Events a running actor receives from its children and timers, sent by hand in traversal. */
export type SyntheticEvent =
  | { type: 'xstate.init' }
  | { type: `xstate.done.actor.${string}`; output: unknown }
  | { type: `xstate.error.actor.${string}`; error: SessionError }
  | { type: `xstate.after.${string}` }

/** What traversal may send to machine `M`. */
export type TraversalEvent<M extends AnyStateMachine> = EventFromLogic<M> | SyntheticEvent

/** A path of the traversal of machine `M`. */
export type MachinePath<M extends AnyStateMachine> = StatePath<SnapshotFrom<M>, TraversalEvent<M>>

export const done = (id: string, output?: unknown): SyntheticEvent => ({
  type: `xstate.done.actor.${id}`,
  output,
})
export const failed = (id: string, error: SessionError): SyntheticEvent => ({
  type: `xstate.error.actor.${id}`,
  error,
})
/** The event of the named delay `delay` in the state with id `stateId`. */
export const after = (delay: string, stateId: string): SyntheticEvent => ({
  type: `xstate.after.${delay}.${stateId}`,
})

/**
 * The machine as actor logic that accepts {@link SyntheticEvent}s, with a parent behind the mock
 * actor scope of xstate/graph so `sendParent` (the refresh machine's reports) resolves. Sent
 * events go nowhere: traversal starts no actor and runs no deferred action.
 */
export function traversable<M extends AnyStateMachine>(
  machine: M,
): ActorLogic<SnapshotFrom<M>, TraversalEvent<M>, InputFrom<M>> {
  const parent: AnyActorRef = createEmptyActor()
  const withParent = <S extends ActorScope<SnapshotFrom<M>, TraversalEvent<M>>>(scope: S): S => {
    if (scope.self._parent === undefined) scope.self._parent = parent
    return scope
  }
  return {
    config: machine.config,
    transition: (snapshot, event, scope) =>
      machine.transition(snapshot, event, withParent(scope)) as SnapshotFrom<M>,
    getInitialSnapshot: (scope, input) =>
      machine.getInitialSnapshot(withParent(scope), input) as SnapshotFrom<M>,
    getPersistedSnapshot: (snapshot) => machine.getPersistedSnapshot(snapshot),
  }
}

/**
 * Whether `snapshot` has a transition for `event` (the traversal's event filter). `can` is typed
 * for the machine's own events only, but it answers for the synthetic ones as well.
 */
export function canTake<TEvent extends { type: string }>(
  snapshot: { can(event: TEvent): boolean },
  event: TEvent | SyntheticEvent,
): boolean {
  return snapshot.can(event as TEvent)
}

/**
 * An event as the traversal keys it: boxed secrets all show `[secret]` in JSON, so an empty box is
 * told apart (a form refuses it) or two events would count as one.
 */
export function serializeEvent(event: { type: string }): string {
  return JSON.stringify(event, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key]
    return raw instanceof Secret ? (raw.empty ? '[empty secret]' : '[secret]') : value
  })
}

/** Sorted tags of a snapshot. */
export function tagsOf(snapshot: { tags: Set<string> }): string[] {
  return [...snapshot.tags].sort()
}

/** Event types along a path (without the leading `xstate.init`). */
export function eventTypes(path: { steps: ReadonlyArray<{ event: { type: string } }> }): string[] {
  return path.steps.map((step) => step.event.type).filter((type) => type !== 'xstate.init')
}

/** The path as one readable line, for test names and failure messages. */
export function describePath(path: { steps: ReadonlyArray<{ event: { type: string } }> }): string {
  return eventTypes(path)
    .map((type) => type.replace(/^xstate\.(done|error)\.actor\./, '$1:'))
    .join(' → ')
}

/** The invoked actor ids of a state node. */
export function invokeIds(node: AnyStateNode): string[] {
  return node.invoke.map((definition) => definition.id)
}

/** Every state node of `machine` carrying `tag`. */
export function nodesTagged(machine: AnyStateMachine, tag: string): AnyStateNode[] {
  return getStateNodes(machine.root).filter((node) => node.tags.includes(tag))
}

/**
 * Whether `node` (or an ancestor, whose transitions apply while `node` is active) has a
 * transition for `eventType`.
 */
export function handles(node: AnyStateNode, eventType: string): boolean {
  for (let current: AnyStateNode | undefined = node; current; current = current.parent) {
    if (current.transitions.has(eventType)) return true
  }
  return false
}

/**
 * Busy states that cannot be left when their work ends: for each busy node, the invoked actors
 * whose completion or failure has no transition, and busy nodes that neither invoke nor wait
 * on a timer. An empty list is the invariant.
 */
export function busyStatesWithoutExits(machine: AnyStateMachine): string[] {
  const problems: string[] = []
  for (const node of nodesTagged(machine, 'busy')) {
    const ids = invokeIds(node)
    if (ids.length === 0 && node.after.length === 0) {
      problems.push(`${node.id}: busy without an actor or a timer to end it`)
    }
    for (const id of ids) {
      if (!handles(node, `xstate.done.actor.${id}`))
        problems.push(`${node.id}: no onDone for ${id}`)
      if (!handles(node, `xstate.error.actor.${id}`))
        problems.push(`${node.id}: no onError for ${id}`)
    }
  }
  return problems
}

/**
 * Active busy state nodes of a snapshot (the atomic ones and their ancestors), with their
 * invoked actor ids.
 */
export function activeBusyNodes(snapshot: { _nodes: ReadonlyArray<AnyStateNode> }): AnyStateNode[] {
  return snapshot._nodes.filter((node) => node.tags.includes('busy'))
}

/** One transition of a traversal: `event` taken in `from` leads to `to`. */
export interface Edge<TSnapshot, TEvent> {
  from: TSnapshot
  event: TEvent
  to: TSnapshot
}

/** Every transition of an adjacency map. */
export function edgesOf<TSnapshot, TEvent>(
  adjacency: AdjacencyMap<TSnapshot, TEvent>,
): Array<Edge<TSnapshot, TEvent>> {
  return (Object.keys(adjacency) as SerializedSnapshot[]).flatMap((key) => {
    const vertex = adjacency[key]
    if (!vertex) return []
    return (Object.keys(vertex.transitions) as SerializedEvent[]).flatMap((eventKey) => {
      const next = vertex.transitions[eventKey]
      return next ? [{ from: vertex.state, event: next.event, to: next.state }] : []
    })
  })
}

/** Every snapshot of an adjacency map: the vertices and the target of every transition. */
export function snapshotsOf<TSnapshot, TEvent>(
  adjacency: AdjacencyMap<TSnapshot, TEvent>,
): TSnapshot[] {
  const vertices = (Object.keys(adjacency) as SerializedSnapshot[]).flatMap((key) => {
    const vertex = adjacency[key]
    return vertex ? [vertex.state] : []
  })
  return [...vertices, ...edgesOf(adjacency).map((edge) => edge.to)]
}

/** Ids of the state nodes of `machine` that none of the `reached` snapshots is in. */
export function unvisitedStateIds(
  machine: AnyStateMachine,
  reached: ReadonlyArray<{ _nodes: ReadonlyArray<AnyStateNode> }>,
): string[] {
  const visited = new Set(reached.flatMap((snapshot) => snapshot._nodes.map((node) => node.id)))
  return getStateNodes(machine.root)
    .map((node) => node.id)
    .filter((id) => !visited.has(id))
}

/** The number of vertices of an adjacency map. */
export function vertexCount(adjacency: AdjacencyMap<unknown, unknown>): number {
  return Object.keys(adjacency).length
}

/** The first event of every path (xstate/graph's paths start with it). */
export interface InitEvent {
  type: 'xstate.init'
}

/**
 * Every simple path (no vertex twice) through `adjacency`, from its initial vertex to the first
 * vertex whose snapshot satisfies `isTarget`: a path ends there and never runs through an earlier
 * target. Parallel transitions (different events between the same two vertices) make different
 * paths. Steps are shaped as xstate/graph's: the first is the initial snapshot with
 * `xstate.init`, each next one the snapshot an event led to.
 *
 * The same paths as `getSimplePaths(logic, { toState: isTarget })`, in one depth-first walk:
 * xstate 5.33's `getSimplePaths` walks every simple path once per vertex of the graph (taking
 * each vertex in turn as the end) and only then keeps the paths to `toState`, so a graph of
 * n vertices costs it n walks. `serializeState` must be the one `adjacency` was built with.
 */
export function simplePathsTo<TSnapshot extends Snapshot<unknown>, TEvent extends EventObject>(
  adjacency: AdjacencyMap<TSnapshot, TEvent>,
  serializeState: (snapshot: TSnapshot) => string,
  isTarget: (snapshot: TSnapshot) => boolean,
): Array<StatePath<TSnapshot, TEvent | InitEvent>> {
  // getAdjacencyMap visits breadth first from the initial snapshot, so it is the first key.
  const [start] = Object.values(adjacency)
  if (!start) return []
  const paths: Array<StatePath<TSnapshot, TEvent | InitEvent>> = []
  const steps: Array<{ state: TSnapshot; event: TEvent | InitEvent }> = [
    { state: start.state, event: { type: 'xstate.init' } },
  ]
  const onPath = new Set<string>()
  const walk = (key: string, state: TSnapshot): void => {
    if (isTarget(state)) {
      paths.push({ state, weight: steps.length - 1, steps: [...steps] })
      return
    }
    const vertex = adjacency[key as SerializedSnapshot]
    if (!vertex) return
    onPath.add(key)
    for (const { event, state: next } of Object.values(vertex.transitions)) {
      const nextKey = serializeState(next)
      if (onPath.has(nextKey)) continue
      steps.push({ state: next, event })
      walk(nextKey, next)
      steps.pop()
    }
    onPath.delete(key)
  }
  walk(serializeState(start.state), start.state)
  return paths
}
