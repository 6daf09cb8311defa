/**
 * Another tab's localStorage writes, heard as notices. A `storage` event fires once this tab's
 * copy holds the new value, so a session re-reading on it cannot miss a change whose
 * BroadcastChannel message overtook the write, nor one made while it was starting.
 *
 * @module
 */
import type { WebStorageLike } from '../../storage/webStorage.ts'
import type { CoordinationAdapter } from '../types.ts'
import { deliverNotice } from './notice.ts'
import type { StorageEventLike } from './types.ts'

/**
 * A `storage` listener that hands `bus` a notice for every change of `storage` outside the
 * coordinator's own keys (those starting with `prefix`), and the notices written under
 * `noticeKey` when notices travel in storage. `clear()` (key `null`) and values that are no
 * notice are dropped.
 */
export function storageChangeListener(
  storage: WebStorageLike,
  prefix: string,
  noticeKey: string | undefined,
  bus: CoordinationAdapter,
): (event: StorageEventLike) => void {
  return ({ key, newValue, storageArea }) => {
    // An event of another storage area (sessionStorage) is not about this one.
    if (storageArea !== undefined && storageArea !== storage) return
    try {
      deliverNotice(
        bus,
        key?.startsWith(prefix)
          ? key === noticeKey && JSON.parse(newValue as string)
          : { type: 'session.changed', key, sender: 'storage' },
      )
    } catch {
      // Not JSON: not ours.
    }
  }
}
