/**
 * The chart as SVG: states as rounded boxes (compound states with their name on top, regions of a
 * parallel state dashed, a dot on each initial state), arrows with their trigger as label, drawn
 * after every box so no box hides one. Built once per layout; {@link paintChart} then only moves
 * attributes, so following a busy session costs no re-render.
 *
 * @module
 */
import { EDGE_FONT_PX, STATE_FONT_PX, type ChartLayout } from './elkGraph.ts'
import type { ChartGraph } from './graph.ts'
import type { ChartMarks } from './marks.ts'

const SVG = 'http://www.w3.org/2000/svg'

/** A drawn chart and handles on what {@link paintChart} changes. */
export interface DrawnChart {
  readonly svg: SVGSVGElement
  readonly states: ReadonlyMap<string, SVGGElement>
  readonly edges: ReadonlyMap<string, SVGGElement>
  /** What a screen reader hears: the active states and the last transition, in words. */
  readonly description: SVGDescElement
}

type Attributes = Record<string, string | number>

function element<K extends keyof SVGElementTagNameMap>(
  document: Document,
  name: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value))
  if (text !== undefined) node.textContent = text
  return node
}

const round = (value: number) => Math.round(value * 10) / 10

/** Draws `graph` as laid out in `layout`; `uid` keeps its element ids unique in the document. */
export function drawChart(
  document: Document,
  graph: ChartGraph,
  layout: ChartLayout,
  uid: string,
): DrawnChart {
  const width = Math.ceil(layout.width)
  const height = Math.ceil(layout.height)
  const svg = element(document, 'svg', {
    class: 'ssv-svg',
    role: 'img',
    'aria-labelledby': `${uid}-title ${uid}-desc`,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
  })
  svg.append(element(document, 'title', { id: `${uid}-title` }, `Statechart of ${graph.machineId}`))
  const description = element(document, 'desc', { id: `${uid}-desc` })
  svg.append(description)
  // Two arrowheads: the marked one is the last transition's colour (a marker cannot inherit it).
  const defs = element(document, 'defs')
  for (const kind of ['arrow', 'last']) {
    const marker = element(document, 'marker', {
      id: `${uid}-${kind}`,
      class: `ssv-marker-${kind}`,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    })
    marker.append(element(document, 'path', { d: 'M0,0L10,5L0,10z' }))
    defs.append(marker)
  }
  svg.append(defs)

  const states = new Map<string, SVGGElement>()
  for (const state of graph.states) {
    const box = layout.states.get(state.id)
    if (!box) continue
    const group = element(document, 'g', {
      class: 'ssv-state',
      'data-state-id': state.id,
      'data-kind': state.kind,
    })
    if (state.region) group.setAttribute('data-region', '')
    const compound = state.children.size > 0
    group.append(
      element(document, 'rect', {
        x: round(box.x),
        y: round(box.y),
        width: round(box.width),
        height: round(box.height),
        rx: 6,
      }),
      element(
        document,
        'text',
        compound
          ? { x: round(box.x + 8), y: round(box.y + 6 + STATE_FONT_PX) }
          : {
              x: round(box.x + box.width / 2),
              y: round(box.y + box.height / 2),
              'text-anchor': 'middle',
              'dominant-baseline': 'central',
            },
        state.kind === 'history' ? `${state.key} (H)` : state.key,
      ),
    )
    if (state.initial) {
      group.setAttribute('data-initial', '')
      group.append(
        element(document, 'circle', {
          class: 'ssv-initial',
          cx: round(box.x),
          cy: round(box.y),
          r: 3.5,
        }),
      )
    }
    states.set(state.id, group)
    svg.append(group)
  }

  const edges = new Map<string, SVGGElement>()
  for (const edge of graph.edges) {
    const route = layout.edges.get(edge.id)
    if (!route || route.points.length < 2) continue
    const group = element(document, 'g', {
      class: 'ssv-edge',
      'data-edge-id': edge.id,
      'data-source': edge.sourceId,
      'data-target': edge.targetId,
    })
    const d = route.points
      .map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)},${round(point.y)}`)
      .join('')
    group.append(
      element(document, 'title', {}, edge.title),
      element(document, 'path', { d, 'marker-end': `url(#${uid}-arrow)` }),
    )
    const label = route.label
    if (label) {
      group.append(
        element(document, 'rect', {
          class: 'ssv-label-bg',
          x: round(label.x),
          y: round(label.y),
          width: round(label.width),
          height: round(label.height),
        }),
        element(
          document,
          'text',
          {
            x: round(label.x + 2),
            y: round(label.y + label.height / 2),
            'dominant-baseline': 'central',
            'font-size': EDGE_FONT_PX,
          },
          edge.label,
        ),
      )
    }
    edges.set(edge.id, group)
    svg.append(group)
  }
  return { svg, states, edges, description }
}

function toggle(node: Element, name: string, value: string | undefined): void {
  if (value === undefined) node.removeAttribute(name)
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value)
}

/** Lights the active states and marks the last transition; says both in the description. */
export function paintChart(chart: DrawnChart, marks: ChartMarks, uid: string): void {
  for (const [id, group] of chart.states) {
    toggle(group, 'data-active', marks.active.has(id) ? '' : undefined)
    toggle(group, 'data-last', marks.last.get(id))
  }
  for (const [id, group] of chart.edges) {
    const last = marks.lastEdges.has(id)
    toggle(group, 'data-last', last ? '' : undefined)
    group
      .querySelector('path')
      ?.setAttribute('marker-end', `url(#${uid}-${last ? 'last' : 'arrow'})`)
    // The last transition on top of the arrows it crosses.
    if (last) chart.svg.append(group)
  }
  const roles = [...marks.last].map(([id, role]) => `${id} (${role})`)
  chart.description.textContent =
    `Active: ${[...marks.active].join(', ') || 'none'}. ` +
    `Last transition: ${roles.join(', ') || 'none'}.`
}
