/**
 * The notice channels, one per transport: a BroadcastChannel where there is one (Safari 15.4 and
 * every current browser), else a localStorage key whose `storage` events carry the notices to
 * the other tabs (storageChanges.ts). Either way a notice reaches every session sharing the
 * storage, the sender's own included.
 *
 * @module
 */
import type { WebStorageLike } from '../../storage/webStorage.ts'
import type { CoordinationAdapter, CoordinationMessage } from '../types.ts'
import { deliverNotice } from './notice.ts'
import type { BroadcastChannelFactory, BroadcastChannelLike } from './types.ts'

/** How notices travel between the tabs of one origin. */
export interface NoticeChannel {
  /** Sends `notice` to every session sharing the storage; throws what the transport throws. */
  post(notice: CoordinationMessage): void
  /** Starts handing the notices of other tabs to the coordinator's page bus. */
  open(): void
  /** Stops it. */
  close(): void
}

/**
 * Notices on the BroadcastChannel `name`. The coordinator keeps it open only while someone
 * listens: an open BroadcastChannel can keep a page out of the back/forward cache.
 */
export function createBroadcastNoticeChannel(
  Channel: BroadcastChannelFactory,
  name: string,
  bus: CoordinationAdapter,
): NoticeChannel {
  let channel: BroadcastChannelLike | undefined
  return {
    post(notice) {
      // A channel does not hear its own messages: this page's sessions get the notice directly.
      bus.publish(notice)
      // Nobody listening here, no open channel: a one-off one sends.
      const sender = channel ?? new Channel(name)
      sender.postMessage(notice)
      if (sender !== channel) sender.close()
    },
    open() {
      channel = new Channel(name)
      channel.onmessage = (event) => deliverNotice(bus, event.data)
    },
    close() {
      channel?.close()
      channel = undefined
    },
  }
}

// The listening page buses of each storage: `storage` events never reach the page that wrote, so
// the sessions of one page hear each other's notices through this.
const pageBuses = new WeakMap<WebStorageLike, Set<CoordinationAdapter>>()

/**
 * Notices written to `storage` under `key`, with a nonce so that an equal notice still changes
 * the value and fires a `storage` event in the other tabs. The sessions of this page listening on
 * the same storage get them directly.
 */
export function createStorageNoticeChannel(
  storage: WebStorageLike,
  key: string,
  bus: CoordinationAdapter,
): NoticeChannel {
  const page = pageBuses.get(storage) ?? new Set()
  pageBuses.set(storage, page)
  return {
    post(notice) {
      for (const listening of page) listening.publish(notice)
      storage.setItem(key, JSON.stringify({ ...notice, nonce: Math.random() }))
    },
    open: () => page.add(bus),
    close: () => page.delete(bus),
  }
}
