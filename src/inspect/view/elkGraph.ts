/**
 * The chart as an ELK graph, and ELK's answer as boxes and routes. Text is sized from its length
 * (the view draws labels in a monospace font, so a character's width is known) instead of being
 * measured in a document: the layout needs no DOM and is the same in every browser and in Node.
 *
 * @module
 */
import type { ElkEdge, ElkLayoutOptions, ElkNode, ElkPoint } from './elkTypes.ts'
import type { ChartGraph, ChartState } from './graph.ts'

/** Font sizes (px) of state names and edge labels; the CSS uses the same. */
export const STATE_FONT_PX = 12
export const EDGE_FONT_PX = 10
/** A monospace character is 0.6em wide in the common monospace fonts; a little room on top. */
const CHAR_EM = 0.62
const LEAF_HEIGHT = 28
/** Room above a compound state's children for its name. */
const HEADER = 24
const PAD = 10

const textWidth = (text: string, fontPx: number) => Math.ceil(text.length * fontPx * CHAR_EM)

/** The whole graph: layered, laid out across the hierarchy in one pass, global coordinates. */
const ROOT_OPTIONS: ElkLayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Keep the config's order where crossings allow: the chart then reads like the source.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeNode': '10',
  'elk.spacing.edgeEdge': '6',
  'elk.spacing.edgeLabel': '2',
  'elk.padding': `[top=${PAD},left=${PAD},bottom=${PAD},right=${PAD}]`,
  // Every x, y and route point relative to the root: the SVG needs no nested transforms.
  'org.eclipse.elk.json.shapeCoords': 'ROOT',
  'org.eclipse.elk.json.edgeCoords': 'ROOT',
}

/** ELK's id of a state (edge ids are `edge-n`, so the two can never meet). */
const nodeId = (state: ChartState) => `state:${state.id}`

function elkNode(state: ChartState): ElkNode {
  const nameWidth = textWidth(state.key, STATE_FONT_PX) + 2 * PAD
  if (state.children.size === 0) {
    return { id: nodeId(state), width: Math.max(48, nameWidth), height: LEAF_HEIGHT }
  }
  return {
    id: nodeId(state),
    layoutOptions: {
      'elk.padding': `[top=${HEADER + PAD},left=${PAD},bottom=${PAD},right=${PAD}]`,
      // Wide enough for its name even when its children are narrower.
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
      'elk.nodeSize.minimum': `(${nameWidth}, ${HEADER + LEAF_HEIGHT})`,
    },
    children: [...state.children.values()].map(elkNode),
  }
}

/** The ELK graph of `graph` (sizes and options; positions are ELK's to fill in). */
export function elkGraph(graph: ChartGraph): ElkNode {
  const byId = new Map(graph.states.map((state) => [state.id, state]))
  const edges: ElkEdge[] = graph.edges.map((edge) => {
    const source = byId.get(edge.sourceId)
    const target = byId.get(edge.targetId)
    if (!source || !target) throw new Error(`edge ${edge.label}: unknown state`)
    return {
      id: edge.id,
      sources: [nodeId(source)],
      targets: [nodeId(target)],
      labels: [
        {
          text: edge.label,
          width: textWidth(edge.label, EDGE_FONT_PX) + 4,
          height: EDGE_FONT_PX + 4,
        },
      ],
    }
  })
  return {
    id: `chart:${graph.machineId}`,
    layoutOptions: ROOT_OPTIONS,
    children: [...graph.top.values()].map(elkNode),
    // On the root: with INCLUDE_CHILDREN and global coordinates, ELK finds each edge's
    // container itself, and the routes come back in one coordinate system.
    edges,
  }
}

/** A laid-out state: its box in chart coordinates. */
export interface StateBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** A laid-out arrow: its route and where its label sits. */
export interface EdgeRoute {
  /** Start, bends and end, in order. */
  readonly points: readonly ElkPoint[]
  readonly label: StateBox | undefined
}

/** The chart laid out. */
export interface ChartLayout {
  readonly width: number
  readonly height: number
  /** By state id (XState's). */
  readonly states: ReadonlyMap<string, StateBox>
  /** By edge id. */
  readonly edges: ReadonlyMap<string, EdgeRoute>
}

const box = (shape: { x?: number; y?: number; width?: number; height?: number }): StateBox => ({
  x: shape.x ?? 0,
  y: shape.y ?? 0,
  width: shape.width ?? 0,
  height: shape.height ?? 0,
})

/** Reads ELK's answer for `graph` (laid out from {@link elkGraph}). */
export function chartLayout(graph: ChartGraph, laidOut: ElkNode): ChartLayout {
  const states = new Map<string, StateBox>()
  const edges = new Map<string, EdgeRoute>()
  const byNodeId = new Map(graph.states.map((state) => [nodeId(state), state.id]))
  const visit = (node: ElkNode) => {
    const id = byNodeId.get(node.id)
    if (id !== undefined) states.set(id, box(node))
    for (const edge of node.edges ?? []) {
      const points = (edge.sections ?? []).flatMap((section) => [
        section.startPoint,
        ...(section.bendPoints ?? []),
        section.endPoint,
      ])
      const label = edge.labels?.[0]
      edges.set(edge.id, { points, label: label ? box(label) : undefined })
    }
    for (const child of node.children ?? []) visit(child)
  }
  visit(laidOut)
  return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, states, edges }
}
