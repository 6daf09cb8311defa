/**
 * loginIdChangeMachine alone: fake SCAPI slots, client-side validation, every error with its way
 * back, the password kept out of every context, and a path traversal with the busy-state invariant.
 */
import { describe, expect, it } from 'vitest'
import { createActor, type SnapshotFrom, waitFor } from 'xstate'
import { getAdjacencyMap } from 'xstate/graph'
import type { SessionError } from '../../machines/contracts.ts'
import {
  isValidLoginFormat,
  type LoginIdChangeEmitted,
  loginIdChangeMachine,
  type LoginUpdateInput,
  MAX_LOGIN_LENGTH,
  type ReloginInput,
} from '../../machines/loginIdChangeMachine.ts'
import { LOGIN_CONFLICT_WINDOW_MS } from '../../machines/relogin.ts'
import { codedError, registeredTokens, scripted } from './fixtures.ts'
import {
  busyStatesWithoutExits,
  canTake,
  done,
  failed,
  handles,
  nodesTagged,
  serializeEvent,
  snapshotsOf,
  tagsOf,
  traversable,
  type TraversalEvent,
  unvisitedStateIds,
} from './pathHelpers.ts'
import { secret } from '../../src/secret.ts'

const OLD = 'ada@example.com'
const NEW = 'ada.lovelace@example.com'
const PASSWORD = 'Curr3nt-Passw0rd!'
const WRONG = 'Wr0ng-Passw0rd!'

type Answer<T> = T | { reject: SessionError }

function start(answers: { update?: Answer<void>[]; login?: Answer<typeof registeredTokens>[] }) {
  const update = scripted<void, LoginUpdateInput>(answers.update ?? [undefined])
  const login = scripted<typeof registeredTokens, ReloginInput>(answers.login ?? [registeredTokens])
  const machine = loginIdChangeMachine.provide({
    actors: { updateCustomer: update.logic, authenticateCustomer: login.logic },
  })
  const actor = createActor(machine, { input: { currentLogin: OLD } })
  const seen: string[] = []
  const emitted: LoginIdChangeEmitted[] = []
  actor.subscribe((snapshot) => {
    seen.push(JSON.stringify(snapshot.context))
    // The persisted form too, at every step: a running call's input holds the secrets boxed.
    seen.push(JSON.stringify(actor.getPersistedSnapshot()))
  })
  actor.on('loginId.changed', (event) => void emitted.push(event))
  actor.start()
  return { actor, update, login, seen, emitted, tags: () => tagsOf(actor.getSnapshot()) }
}

function expectNoPassword(seen: string[]) {
  expect(seen.length).toBeGreaterThan(0)
  for (const text of seen) {
    for (const secret of [PASSWORD, WRONG]) expect(text).not.toContain(secret)
  }
}

describe('loginIdChangeMachine', () => {
  it('submit → updating → loginId.changed → reauthenticating → done', async () => {
    const t = start({})
    expect(t.tags()).toEqual(['form'])
    t.actor.send({ type: 'submit', newLogin: NEW, currentPassword: secret(PASSWORD) })
    expect(t.tags()).toEqual(['busy'])
    await waitFor(t.actor, (s) => s.status === 'done')
    expect(t.tags()).toEqual(['done'])
    expect(t.update.inputs).toEqual([{ login: NEW, currentPassword: PASSWORD }])
    expect(t.emitted).toEqual([{ type: 'loginId.changed', login: NEW }])
    expect(t.login.inputs).toEqual([{ username: NEW, password: PASSWORD }])
    expect(t.actor.getSnapshot().output).toEqual({
      login: NEW,
      reauthRequired: false,
      tokens: registeredTokens,
      error: undefined,
    })
    expectNoPassword(t.seen)
  })

  it.each([
    ['an invalid login', '', PASSWORD, 'bad_request'],
    ['a login with surrounding spaces', ` ${NEW}`, PASSWORD, 'bad_request'],
    ['a too long login', 'a'.repeat(MAX_LOGIN_LENGTH + 1), PASSWORD, 'bad_request'],
    ['the current login', OLD, PASSWORD, 'bad_request'],
    ['no current password', NEW, '', 'invalid_current_password'],
  ] as const)('refuses %s on the client, without a request', (_, newLogin, password, code) => {
    const t = start({})
    t.actor.send({ type: 'submit', newLogin, currentPassword: secret(password) })
    expect(t.actor.getSnapshot().value).toEqual({ editing: 'rejected' })
    expect(t.tags()).toEqual(['error', 'form'])
    expect(t.actor.getSnapshot().context.error?.code).toBe(code)
    expect(t.update.calls).toBe(0)
  })

  it('login format: control characters are refused, an inner space is the server’s call', () => {
    expect(isValidLoginFormat('ada\u0000@example.com')).toBe(false)
    expect(isValidLoginFormat('ada lovelace')).toBe(true)
    expect(isValidLoginFormat('a'.repeat(MAX_LOGIN_LENGTH))).toBe(true)
  })

  it.each(['invalid_current_password', 'login_taken', 'network'] as const)(
    '%s from the update → editing with the error → a corrected submit succeeds',
    async (code) => {
      const t = start({ update: [{ reject: codedError(code, { status: 400 }) }, undefined] })
      t.actor.send({ type: 'submit', newLogin: NEW, currentPassword: secret(WRONG) })
      await waitFor(t.actor, (s) => s.matches({ editing: 'rejected' }))
      expect(t.tags()).toEqual(['error', 'form'])
      expect(t.actor.getSnapshot().context).toMatchObject({ error: { code }, newLogin: undefined })
      expect(t.emitted).toEqual([])
      t.actor.send({ type: 'submit', newLogin: NEW, currentPassword: secret(PASSWORD) })
      expect(t.actor.getSnapshot().context.error).toBeUndefined()
      await waitFor(t.actor, (s) => s.status === 'done')
      // The refused password was forgotten: the re-login uses the one that worked.
      expect(t.login.inputs).toEqual([{ username: NEW, password: PASSWORD }])
      expectNoPassword(t.seen)
    },
  )

  it('a failed re-login ends in reauthRequired; the change itself stands', async () => {
    const t = start({ login: [{ reject: codedError('network') }] })
    t.actor.send({ type: 'submit', newLogin: NEW, currentPassword: secret(PASSWORD) })
    await waitFor(t.actor, (s) => s.status === 'done')
    expect(t.tags()).toEqual(['reauthRequired'])
    expect(t.emitted).toEqual([{ type: 'loginId.changed', login: NEW }])
    expect(t.actor.getSnapshot().output).toEqual({
      login: NEW,
      reauthRequired: true,
      tokens: undefined,
      error: codedError('network'),
    })
    expectNoPassword(t.seen)
  })

  it('a re-login refused as too soon (SLAS: one login a second) waits the window out once, then succeeds', async () => {
    const tooSoon = codedError('conflict', { status: 409 })
    const t = start({ login: [{ reject: tooSoon }, registeredTokens] })
    t.actor.send({ type: 'submit', newLogin: NEW, currentPassword: secret(PASSWORD) })
    await waitFor(t.actor, (s) => s.matches('waitingToRelogin'))
    expect(t.tags()).toEqual(['busy'])
    const waited = Date.now()
    await waitFor(t.actor, (s) => s.status === 'done', { timeout: 5_000 })
    expect(Date.now() - waited).toBeGreaterThanOrEqual(LOGIN_CONFLICT_WINDOW_MS - 50)
    expect(t.tags()).toEqual(['done'])
    expect(t.login.inputs).toEqual([
      { username: NEW, password: PASSWORD },
      { username: NEW, password: PASSWORD },
    ])
    expect(t.actor.getSnapshot().output).toMatchObject({ reauthRequired: false, error: undefined })
    expectNoPassword(t.seen)
  })

  it('a second refusal as too soon ends in reauthRequired: the wait is taken once', async () => {
    const tooSoon = codedError('conflict', { status: 409 })
    const t = start({ login: [{ reject: tooSoon }, { reject: tooSoon }, registeredTokens] })
    t.actor.send({ type: 'submit', newLogin: NEW, currentPassword: secret(PASSWORD) })
    await waitFor(t.actor, (s) => s.status === 'done', { timeout: 5_000 })
    expect(t.tags()).toEqual(['reauthRequired'])
    expect(t.login.calls).toBe(2)
    expect(t.actor.getSnapshot().output).toMatchObject({ reauthRequired: true, error: tooSoon })
  })
})

type ChangeTraversalEvent = TraversalEvent<typeof loginIdChangeMachine>
const ERROR_CODES = [
  'invalid_current_password',
  'login_taken',
  'invalid_credentials',
  'network',
  'conflict',
]
const ERRORS = (ERROR_CODES as ReadonlyArray<SessionError['code']>).map((code) => codedError(code))
const EVENTS: ChangeTraversalEvent[] = [
  { type: 'submit', newLogin: NEW, currentPassword: secret(PASSWORD) },
  { type: 'submit', newLogin: NEW, currentPassword: secret('') },
  { type: 'submit', newLogin: OLD, currentPassword: secret(PASSWORD) },
  { type: 'submit', newLogin: '', currentPassword: secret(PASSWORD) },
  { type: 'secrets.released', secrets: { password: secret(PASSWORD) } },
  { type: 'secrets.released', secrets: {} },
  done('updateCustomer'),
  done('authenticateCustomer', registeredTokens),
  ...ERRORS.flatMap((error) => [
    failed('updateCustomer', error),
    failed('authenticateCustomer', error),
  ]),
]
const serializeState = (s: SnapshotFrom<typeof loginIdChangeMachine>) =>
  JSON.stringify([s.value, tagsOf(s), s.context.error?.code, s.status])

describe('loginIdChangeMachine paths', () => {
  const logic = traversable(loginIdChangeMachine)
  const reached = snapshotsOf(
    getAdjacencyMap(logic, {
      input: { currentLogin: OLD },
      events: EVENTS,
      serializeEvent,
      serializeState,
      filterEvents: canTake,
    }),
  )

  it('reaches every state node', () => {
    expect(unvisitedStateIds(loginIdChangeMachine, reached)).toEqual([])
  })

  it('every busy state exits on done and on every error (or on the hold’s answer)', () => {
    const holders = nodesTagged(loginIdChangeMachine, 'busy')
      .filter((node) => handles(node, 'secrets.released'))
      .map((node) => `${node.id}: busy without`)
    const problems = busyStatesWithoutExits(loginIdChangeMachine).filter(
      (problem) => !holders.some((prefix) => problem.startsWith(prefix)),
    )
    expect(problems).toEqual([])
    for (const snapshot of reached.filter((s) => s.hasTag('busy'))) {
      const ids = Object.keys(snapshot.children).filter((id) => id !== 'secrets')
      // A wait (the re-login's second) ends on its own timer.
      if (snapshot._nodes.some((node) => node.after.length > 0)) continue
      if (ids.length === 0) {
        expect(canTake(snapshot, { type: 'secrets.released', secrets: {} })).toBe(true)
        continue
      }
      for (const id of ids) {
        expect(canTake(snapshot, done(id, registeredTokens))).toBe(true)
        for (const error of ERRORS) expect(canTake(snapshot, failed(id, error))).toBe(true)
      }
      expect(canTake(snapshot, EVENTS[0] as ChangeTraversalEvent)).toBe(false)
    }
  })

  it('every error state takes a new submit; the flow ends only in done or reauthRequired', () => {
    for (const snapshot of reached.filter((s) => s.hasTag('error'))) {
      expect(canTake(snapshot, EVENTS[0] as ChangeTraversalEvent)).toBe(true)
    }
    for (const snapshot of reached.filter((s) => s.status === 'done')) {
      expect(snapshot.hasTag('done') || snapshot.hasTag('reauthRequired')).toBe(true)
    }
  })

  it('no reached context holds the password', () => {
    expectNoPassword(reached.map((s) => JSON.stringify(s.context)))
  })
})
