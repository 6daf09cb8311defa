/**
 * The part of ELK's JSON graph format the view writes and reads, declared here rather than
 * imported from elkjs: elkjs is an optional peer, so the package's declarations must compile for
 * an app that never installed it.
 *
 * @module
 */

/** ELK layout options: option id → value, all as strings. */
export type ElkLayoutOptions = Record<string, string>

/** A point of an edge route. */
export interface ElkPoint {
  x: number
  y: number
}

/** A label of a node or an edge: its size going in, its position coming out. */
export interface ElkLabel {
  text?: string
  x?: number
  y?: number
  width?: number
  height?: number
}

/** One routed piece of an edge. */
export interface ElkEdgeSection {
  // Declared as elkjs's own types declare it, so an `ELK` instance is a LayoutEngine as it is.
  id: string
  startPoint: ElkPoint
  endPoint: ElkPoint
  bendPoints?: ElkPoint[]
}

/** An edge (ELK's "extended" edge: lists of sources and targets). */
export interface ElkEdge {
  id: string
  sources: string[]
  targets: string[]
  labels?: ElkLabel[]
  sections?: ElkEdgeSection[]
  layoutOptions?: ElkLayoutOptions
}

/** A node; the graph itself is the root node. */
export interface ElkNode {
  id: string
  x?: number
  y?: number
  width?: number
  height?: number
  labels?: ElkLabel[]
  children?: ElkNode[]
  edges?: ElkEdge[]
  layoutOptions?: ElkLayoutOptions
}

/**
 * What lays a graph out: elkjs's `ELK` instance has this shape (`new ELK()` from
 * `elkjs/lib/elk.bundled.js`, or `elkjs/lib/elk-api.js` with a web worker).
 */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>
}
