/**
 * The development endpoints under `/__dev`: the control strip's levers and the password-reset
 * outbox the page shows instead of a mailbox. Mounted only in development, and answered only to
 * the page itself.
 *
 * @module
 */
import type { EmulatorControl } from 'shopper-session/emulator'
import type { DevOutbox } from 'shopper-session/server'
import {
  CONTROL_ACTIONS,
  type ControlAction,
  type ControlState,
  DEV_HEADER,
  DEV_PATH,
  type OutboxMail,
} from '../shared/site.ts'
import { applyControl, type OfflineSwitch } from './controls.ts'

/** What the development endpoints act on. */
export interface DevRoutesOptions {
  control: EmulatorControl
  outbox: DevOutbox
  network: OfflineSwitch
}

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
}

function problem(status: number, message: string): Response {
  return json({ message }, status)
}

function isControlAction(value: unknown): value is ControlAction {
  return typeof value === 'string' && (CONTROL_ACTIONS as readonly string[]).includes(value)
}

/**
 * Only the page may call: the custom header cannot be sent by a cross-site form, and a
 * cross-site script asking for it gets a preflight nobody answers; an `Origin`, when sent, must
 * be the server's own.
 */
function refusal(request: Request): Response | undefined {
  if (request.headers.get(DEV_HEADER) !== '1') return problem(403, `${DEV_HEADER}: 1 is required`)
  const origin = request.headers.get('origin')
  if (origin !== null && origin !== new URL(request.url).origin) {
    return problem(403, 'cross-origin calls are refused')
  }
  return undefined
}

/** The reset mails, each as the link a real mail would carry (the token in its fragment). */
function mails(outbox: DevOutbox, origin: string): OutboxMail[] {
  return outbox
    .deliveries()
    .reverse()
    .map(({ login, email, token, expiresAt }) => ({
      login,
      email,
      link: `${origin}/#/reset?${new URLSearchParams({ login, token })}`,
      expiresAt,
    }))
}

/** A handler for `/__dev/*`; `undefined` for any other path. */
export function createDevRoutes(options: DevRoutesOptions) {
  const { control, outbox, network } = options
  const state = (): ControlState => ({ offline: network.offline })
  return async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url)
    if (!url.pathname.startsWith(`${DEV_PATH}/`)) return undefined
    const refused = refusal(request)
    if (refused !== undefined) return refused
    const route = `${request.method} ${url.pathname.slice(DEV_PATH.length)}`
    switch (route) {
      case 'GET /outbox':
        return json({ mails: mails(outbox, url.origin) })
      case 'GET /control':
        return json(state())
      case 'POST /control': {
        if (!request.headers.get('content-type')?.startsWith('application/json')) {
          return problem(415, 'send JSON')
        }
        const body: unknown = await request.json().catch(() => undefined)
        const action =
          typeof body === 'object' && body !== null && 'action' in body ? body.action : undefined
        if (!isControlAction(action))
          return problem(400, `action: one of ${CONTROL_ACTIONS.join(', ')}`)
        applyControl(action, control, network)
        return json(state())
      }
      default:
        return problem(404, 'no such development endpoint')
    }
  }
}
