/**
 * The page's calls to the demo server's development endpoints (`/__dev`).
 *
 * @module
 */
import {
  type ControlAction,
  type ControlState,
  DEV_HEADER,
  DEV_PATH,
  type OutboxMail,
} from '../../shared/site.ts'

async function devCall<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers)
  headers.set(DEV_HEADER, '1')
  const response = await fetch(`${DEV_PATH}${path}`, { ...init, headers, cache: 'no-store' })
  if (!response.ok) throw new Error(`${DEV_PATH}${path} answered ${response.status}`)
  return (await response.json()) as T
}

/** Pulls one lever of the control strip; resolves with the switches' state. */
export function pullControl(action: ControlAction): Promise<ControlState> {
  return devCall<ControlState>('/control', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action }),
  })
}

/** The switches' state (is the API offline?). */
export function controlState(): Promise<ControlState> {
  return devCall<ControlState>('/control')
}

/** The reset mails delivered so far, newest first. */
export async function outboxMails(): Promise<OutboxMail[]> {
  return (await devCall<{ mails: OutboxMail[] }>('/outbox')).mails
}
