/**
 * The view's CSS, scoped by the `ssv-` class prefix and injected with each mounted panel (inside
 * the mount element, so it works in a shadow root too): users need no stylesheet. Nothing moves:
 * no transitions or animations, so `prefers-reduced-motion` has nothing to turn off. A lit state
 * differs by its border width and bold name too, not by colour alone.
 *
 * @module
 */

/** The stylesheet of a panel. */
export const VIEW_CSS = `
.ssv{display:flex;flex-wrap:wrap;gap:8px;font:12px/1.4 system-ui,sans-serif;color:#1f2328}
.ssv-head{flex:1 1 100%;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.ssv-head h2{font-size:14px;margin:0}
.ssv-tags{color:#57606a}
.ssv-chart{flex:1 1 480px;min-width:0;max-height:70vh;overflow:auto;border:1px solid #d0d7de;border-radius:6px;background:#fff}
.ssv-status{padding:12px;color:#57606a}
.ssv-svg{display:block}
.ssv-chart[data-fit] .ssv-svg{width:100%;height:auto}
.ssv-svg text{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;fill:#1f2328}
.ssv-state>rect{fill:#f6f8fa;stroke:#8c959f}
.ssv-state[data-kind=atomic]>rect,.ssv-state[data-kind=final]>rect,.ssv-state[data-kind=history]>rect{fill:#fff}
.ssv-state[data-kind=final]>rect{stroke-width:3}
.ssv-state[data-region]>rect{fill:none;stroke-dasharray:5 3}
.ssv-state[data-active]>rect{fill:#dafbe1;stroke:#1a7f37;stroke-width:2.5}
.ssv-state[data-region][data-active]>rect{fill:none}
.ssv-state[data-active]>text{font-weight:700}
.ssv-state[data-last~=target]>rect{stroke:#9a6700;stroke-width:3.5}
.ssv-initial{fill:#1f2328}
.ssv-edge path{fill:none;stroke:#8c959f}
.ssv-edge text{fill:#57606a;font-size:10px}
.ssv-label-bg{fill:#fff;opacity:.85}
.ssv-edge[data-last] path{stroke:#9a6700;stroke-width:2.5}
.ssv-edge[data-last] text{fill:#1f2328;font-weight:700}
.ssv-marker-arrow{fill:#8c959f}
.ssv-marker-last{fill:#9a6700}
.ssv-side{flex:0 1 300px;min-width:220px;display:flex;flex-direction:column;gap:6px}
.ssv-log{list-style:none;margin:0;padding:0;max-height:50vh;overflow:auto;border:1px solid #d0d7de;border-radius:6px}
.ssv-log button{all:unset;box-sizing:border-box;display:grid;grid-template-columns:5em 1fr;width:100%;padding:2px 6px;cursor:pointer;font-family:ui-monospace,monospace;font-size:11px}
.ssv-log button:hover{background:#f6f8fa}
.ssv-log button:focus-visible,.ssv-head button:focus-visible{outline:2px solid #0969da;outline-offset:-2px}
.ssv-log button[aria-pressed=true]{background:#ddf4ff;font-weight:700}
.ssv-log small{grid-column:2;color:#57606a}
.ssv-head button[aria-pressed=true]{background:#dafbe1}
.ssv-snapshot pre{margin:0;max-height:30vh;overflow:auto;font-size:11px}
`
