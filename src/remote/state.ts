/**
 * Reading a {@link DehydratedSession} from JSON the browser did not make (the page's embedded
 * state, an endpoint answer, another tab's notice): checked field by field, without zod, and
 * normalised so the shopper always has its four fields (JSON drops `undefined` ones).
 *
 * @module
 */
import type { SessionTag } from '../../machines/contracts.ts'
import { type ErrorData, isErrorCode } from '../errors.ts'
import type { Shopper } from '../session/shopper.ts'
import type { DehydratedSession } from './wire.ts'

// Keyed by tag so the compiler insists on every tag the session has.
const KNOWN_TAGS: Readonly<Record<SessionTag, true>> = {
  guest: true,
  registered: true,
  tokenValid: true,
  busy: true,
  stale: true,
  reauthRequired: true,
  unavailable: true,
}

const isTag = (value: unknown): value is SessionTag =>
  typeof value === 'string' && Object.hasOwn(KNOWN_TAGS, value)

function optionalText(value: unknown): string | undefined | false {
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? value : false
}

function readShopper(value: unknown): Shopper | null | false {
  if (value === null) return null
  if (typeof value !== 'object' || Array.isArray(value)) return false
  const { kind, customerId, loginId, usid } = value as Record<string, unknown>
  const ids = [optionalText(customerId), optionalText(loginId), optionalText(usid)] as const
  if ((kind !== 'guest' && kind !== 'registered') || ids.includes(false)) return false
  const [id, login, shopperId] = ids as readonly (string | undefined)[]
  return {
    kind,
    customerId: id,
    loginId: kind === 'registered' ? login : undefined,
    usid: shopperId,
  }
}

function readError(value: unknown): ErrorData | undefined | false {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object') return false
  const { code, message, status, operation, retryAfterMs } = value as Record<string, unknown>
  if (!isErrorCode(code) || typeof message !== 'string') return false
  return {
    code,
    message,
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof operation === 'string' ? { operation } : {}),
    ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
  }
}

/**
 * `value` as a session state, or `undefined` when it is not one (an unknown tag, a shopper
 * without a kind, …). `busy` is dropped: it belongs to whoever was working, not to the state.
 *
 * @example
 * ```ts
 * readState(JSON.parse(text)) // DehydratedSession | undefined
 * ```
 */
export function readState(value: unknown): DehydratedSession | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const {
    shopper: shopperValue,
    tags: tagsValue,
    error: errorValue,
  } = value as Record<string, unknown>
  const shopper = readShopper(shopperValue)
  const error = readError(errorValue)
  if (shopper === false || error === false || !Array.isArray(tagsValue)) return undefined
  if (!tagsValue.every(isTag)) return undefined
  const tags = [...new Set(tagsValue)].filter((tag) => tag !== 'busy')
  return { shopper, tags, ...(error === undefined ? {} : { error }) }
}

/** A key naming the shopper of `state`: equal keys, same shopper (and so the same tokens). */
export function shopperIdentity(shopper: Shopper | null | undefined): string {
  return shopper ? `${shopper.kind}:${shopper.customerId ?? ''}:${shopper.usid ?? ''}` : ''
}
