/**
 * Session bookkeeping: guest customers per usid, opening a session with its first refresh token,
 * rotation, reuse detection and ending sessions. Every function here is synchronous, so a route
 * can validate and then commit without another request slipping in between.
 *
 * @module
 */
import type { EmulatorCore } from './core.ts'
import { customerId, refreshToken, uuid } from './ids.ts'
import type { EmulatorState, RefreshRecord, SessionRecord } from './state.ts'

/** Whether `session` still has a usable refresh token at `now`. */
export function sessionAlive(session: SessionRecord, now: number): boolean {
  return !session.ended && session.refreshExpiresAt > now
}

/** Whether any session of `usid` has a live refresh token. */
export function usidAlive(state: EmulatorState, usid: string, now: number): boolean {
  for (const session of state.sessions.values()) {
    if (session.usid === usid && sessionAlive(session, now)) return true
  }
  return false
}

/**
 * The guest customer id of `usid`: kept while any refresh token of the usid is alive (so the
 * guest's basket survives guest → registered), else a fresh guest customer under the same usid.
 */
export function guestCustomerFor(state: EmulatorState, usid: string, now: number): string {
  const known = state.usids.get(usid)
  if (known && usidAlive(state, usid, now)) return known.gcid
  const gcid = customerId()
  state.usids.set(usid, { gcid })
  return gcid
}

/** Fields a new session needs. */
export type SessionInit = Omit<
  SessionRecord,
  'id' | 'gcid' | 'refreshToken' | 'refreshExpiresAt' | 'ended'
>

function refreshTtlMs(core: EmulatorCore, session: Pick<SessionRecord, 'kind'>): number {
  const { guestRefreshTokenSeconds, registeredRefreshTokenSeconds } = core.settings.lifetimes
  return (
    (session.kind === 'guest' ? guestRefreshTokenSeconds : registeredRefreshTokenSeconds) * 1000
  )
}

/** Opens a session with a new refresh token (and the usid's guest customer). */
export function openSession(core: EmulatorCore, init: SessionInit, now: number): SessionRecord {
  const state = core.state
  const gcid = guestCustomerFor(state, init.usid, now)
  const token = refreshToken()
  const session: SessionRecord = {
    ...init,
    id: uuid(),
    gcid,
    refreshToken: token,
    refreshExpiresAt: now + refreshTtlMs(core, init),
    ended: false,
  }
  state.sessions.set(session.id, session)
  state.refreshTokens.set(token, { token, sessionId: session.id, issuedAt: now, status: 'active' })
  return session
}

/** A refresh token with its session. */
export interface FoundRefresh {
  record: RefreshRecord
  session: SessionRecord
}

/** Looks a refresh token up. */
export function findRefresh(state: EmulatorState, token: string): FoundRefresh | undefined {
  const record = state.refreshTokens.get(token)
  const session = record && state.sessions.get(record.sessionId)
  return record && session ? { record, session } : undefined
}

/** What presenting a refresh token means right now. */
export type RefreshStatus = 'active' | 'reused' | 'ended'

/** Classifies a found refresh token at `now`. */
export function refreshStatus(found: FoundRefresh, now: number): RefreshStatus {
  if (found.record.status === 'rotated') return 'reused'
  if (found.record.status === 'revoked' || !sessionAlive(found.session, now)) return 'ended'
  return 'active'
}

/** Replaces the session's refresh token (public clients, every refresh). */
export function rotateRefresh(core: EmulatorCore, session: SessionRecord, now: number): void {
  const old = core.state.refreshTokens.get(session.refreshToken)
  if (old) old.status = 'rotated'
  const token = refreshToken()
  core.state.refreshTokens.set(token, {
    token,
    sessionId: session.id,
    issuedAt: now,
    status: 'active',
  })
  session.refreshToken = token
  if (core.settings.lifetimes.slidingRefresh)
    session.refreshExpiresAt = now + refreshTtlMs(core, session)
}

/**
 * Ends a session: its live refresh token is revoked; with `accessTokens` its access tokens too
 * (logout, revokeSessions, reuse detection). Idempotent.
 */
export function endSession(
  state: EmulatorState,
  session: SessionRecord,
  options: { accessTokens: boolean },
): void {
  session.ended = true
  const current = state.refreshTokens.get(session.refreshToken)
  if (current && current.status === 'active') current.status = 'revoked'
  if (!options.accessTokens) return
  for (const access of state.accessTokens.values()) {
    if (access.sessionId === session.id) access.revoked = true
  }
}
