/**
 * Secrets the machines carry without holding them. A password or a reset token goes into a
 * {@link Secret} box where the shopper types it; events, machine context, actor inputs, snapshots
 * (persisted ones included) and inspection streams then carry only the box, which shows as
 * `[secret]` and holds no readable field. Only the actors that send the secret to the server open
 * the box. A box restored from a persisted snapshot is empty: the flow asks the shopper again.
 *
 * @module
 */
import { ShopperSessionError } from './errors.ts'

// Shared by every copy of the library in one realm (its ESM and CJS builds), so a box made by one
// opens in the other. A WeakMap: a box nobody holds any more takes its secret with it.
const REGISTRY = Symbol.for('shopper-session.secrets')

function vault(): WeakMap<Secret, string> {
  const global = globalThis as { [REGISTRY]?: WeakMap<Secret, string> }
  global[REGISTRY] ??= new WeakMap()
  return global[REGISTRY]
}

/**
 * A box around a secret string. Its value is no field of it: `JSON.stringify`, `String()`, logs
 * and inspectors show `[secret]`. It tells only whether it is empty, so a form's flow can ask for
 * a missing password without a request. Make one with {@link secret}.
 */
export class Secret {
  /** True when the boxed value is the empty string. */
  readonly empty: boolean

  // Only `secret()` makes boxes: one that is not in the vault can never be opened.
  private constructor(empty: boolean) {
    this.empty = empty
    Object.freeze(this)
  }

  /** Fills a new box (see {@link secret}). */
  static of(value: string): Secret {
    const box = new Secret(value === '')
    vault().set(box, value)
    return box
  }

  /** What serializers see. */
  toJSON(): string {
    return '[secret]'
  }

  /** What string conversion shows. */
  toString(): string {
    return '[secret]'
  }
}

/**
 * Boxes `value` (a password, a reset token) so it can travel through events and snapshots
 * without being seen there.
 *
 * @example
 * ```ts
 * reset.send({ type: 'submit', newPassword: secret(form.newPassword.value) })
 * ```
 */
export function secret(value: string): Secret {
  if (typeof value !== 'string') {
    throw new ShopperSessionError('bad_request', 'secret: the value must be a string')
  }
  return Secret.of(value)
}

/**
 * The value in `box`, for the code that sends it to the server. Throws `bad_request` for a box
 * that holds nothing (restored from a persisted snapshot, or not a box at all).
 */
export function openSecret(box: Secret, field: string): string {
  const value = typeof box === 'object' && box !== null ? vault().get(box) : undefined
  if (value === undefined) {
    throw new ShopperSessionError('bad_request', `${field}: enter it again (not a live secret)`)
  }
  return value
}
