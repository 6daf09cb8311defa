/**
 * The developer area at the foot of every page: token, controls, outbox, inspector. The controls
 * and the outbox need the server's development endpoints, which production leaves out.
 *
 * @module
 */
import { pageConfig } from '../shop.ts'
import { ControlStrip } from './ControlStrip.tsx'
import { DevOutbox } from './DevOutbox.tsx'
import { InspectorPanel } from './InspectorPanel.tsx'
import { TokenPanel } from './TokenPanel.tsx'

/** The footer's developer area. */
export function DevArea() {
  return (
    <div className="dev-area">
      <p className="dev-intro">For developers: what the session does under the hood.</p>
      <div className="dev-grid">
        <TokenPanel />
        {pageConfig.dev && <ControlStrip />}
        {pageConfig.dev && <DevOutbox />}
      </div>
      <InspectorPanel />
    </div>
  )
}
