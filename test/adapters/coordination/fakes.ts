/**
 * A browser-free stand-in for the APIs the web coordinator uses, shared by several "tabs": one
 * origin's Web Locks, BroadcastChannels and localStorage with `storage` events. The real ones
 * run in Chromium (test/e2e/tabs.spec.ts).
 */
import type { CoordinationAdapter } from '../../../adapters/coordination/types.ts'
import type {
  BroadcastChannelFactory,
  BroadcastChannelLike,
  LockManagerLike,
  StorageEventLike,
  StorageEventSource,
  WebCoordinationOptions,
} from '../../../adapters/coordination/web.ts'
import type { WebStorageLike } from '../../../adapters/storage/webStorage.ts'

/**
 * Web Locks: FIFO per name (`ifAvailable` gets `null` while held), every request recorded. An
 * aborted `signal` takes a waiting request out of the queue and rejects it with the abort reason,
 * as browsers do; `waiting()` counts the requests still queued.
 */
export function fakeLockManager(): LockManagerLike & {
  requests: { name: string; mode: string; ifAvailable?: boolean }[]
  waiting(): number
} {
  const tails = new Map<string, Promise<unknown>>()
  const requests: { name: string; mode: string; ifAvailable?: boolean }[] = []
  let waiting = 0
  return {
    requests,
    waiting: () => waiting,
    request(name, { signal, ...options }, callback) {
      requests.push({ name, ...options })
      const held = tails.get(name)
      if (options.ifAvailable && held !== undefined) return callback(null)
      if (signal?.aborted) return Promise.reject(signal.reason)
      let release = () => {}
      const tail = new Promise<void>((resolve) => (release = resolve))
      tails.set(name, tail)
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name)
      })
      waiting++
      return new Promise((resolve, reject) => {
        const drop = () => {
          waiting--
          reject(signal?.reason)
        }
        signal?.addEventListener('abort', drop)
        void (held ?? Promise.resolve()).then(() => {
          signal?.removeEventListener('abort', drop)
          // A dropped request is skipped: the next in line gets the lock.
          if (signal?.aborted) return release()
          waiting--
          callback({ name }).then(resolve, reject).finally(release)
        })
      })
    },
  }
}

/** One tab of the fake origin: what `createWebCoordination` takes, plus levers for tests. */
export interface FakeTab {
  options: WebCoordinationOptions
  storage: WebStorageLike
  events: StorageEventSource & { listenerCount(): number }
  /** Every message this tab's channels posted. */
  posted: unknown[]
  /** This tab's open channels. */
  openChannels(): number
  /** Delivers `data` to this tab's channels as if another tab posted it. */
  receive(data: unknown): void
}

/**
 * A fake origin; `tab()` adds a tab. `withLocks`/`withChannel` false remove those APIs.
 * `storageLagMs` is how much later another tab's localStorage writes reach a tab (with their
 * `storage` event) than the lock grants and channel messages sent after them, as in Chromium.
 */
export function fakeOrigin(
  features: { withLocks?: boolean; withChannel?: boolean; storageLagMs?: number } = {},
) {
  const locks = fakeLockManager()
  const lag = features.storageLagMs ?? 0
  /** What every tab will see once the writes arrived. */
  const entries = new Map<string, string>()
  const channels = new Set<FakeChannelRecord>()
  let seq = 0
  const tabs: Array<{
    area: WebStorageLike
    view: Map<string, string>
    ownSeq: Map<string, number>
    fire(event: StorageEventLike): void
  }> = []

  interface FakeChannelRecord {
    name: string
    tab: number
    channel: BroadcastChannelLike
    closed: boolean
  }

  const tab = (): FakeTab => {
    const index = tabs.length
    const posted: unknown[] = []
    const listeners = new Set<(event: StorageEventLike) => void>()
    const events = {
      addEventListener: (_type: 'storage', listener: (event: StorageEventLike) => void) =>
        void listeners.add(listener),
      removeEventListener: (_type: 'storage', listener: (event: StorageEventLike) => void) =>
        void listeners.delete(listener),
      listenerCount: () => listeners.size,
    }
    // This tab's copy: its own writes at once, the others' later, each with a `storage` event.
    // Writes are totally ordered (seq); a tab skips another's write that was ordered before its
    // own last write of the key, as Chromium's renderer cache does with its pending changes.
    const view = new Map(entries)
    const ownSeq = new Map<string, number>()
    const changed = (key: string, newValue: string | null) => {
      const at = ++seq
      ownSeq.set(key, at)
      if (newValue === null) entries.delete(key)
      else entries.set(key, newValue)
      tabs.forEach((other, otherIndex) => {
        if (otherIndex === index) return
        setTimeout(() => {
          if ((other.ownSeq.get(key) ?? 0) > at) return
          if (newValue === null) other.view.delete(key)
          else other.view.set(key, newValue)
          other.fire({ key, newValue, storageArea: other.area })
        }, lag)
      })
    }
    const storage: WebStorageLike = {
      get length() {
        return view.size
      },
      key: (i) => [...view.keys()][i] ?? null,
      getItem: (key) => view.get(key) ?? null,
      setItem(key, value) {
        const before = view.get(key)
        view.set(key, String(value))
        if (before !== String(value)) changed(key, String(value))
      },
      removeItem(key) {
        if (view.delete(key)) changed(key, null)
      },
    }
    tabs.push({
      area: storage,
      view,
      ownSeq,
      fire: (event) => listeners.forEach((listener) => listener(event)),
    })

    class Channel implements BroadcastChannelLike {
      onmessage: ((event: { data: unknown }) => void) | null = null
      readonly record: FakeChannelRecord
      constructor(name: string) {
        this.record = { name, tab: index, channel: this, closed: false }
        channels.add(this.record)
      }
      postMessage(message: unknown) {
        if (this.record.closed) throw new Error('InvalidStateError: channel closed')
        posted.push(message)
        const data = structuredClone(message)
        for (const other of channels) {
          if (other === this.record || other.name !== this.record.name) continue
          setTimeout(() => {
            if (!other.closed) other.channel.onmessage?.({ data })
          }, 0)
        }
      }
      close() {
        this.record.closed = true
        channels.delete(this.record)
      }
    }

    const options: WebCoordinationOptions = {
      locks: features.withLocks === false ? null : locks,
      BroadcastChannel:
        features.withChannel === false ? null : (Channel as BroadcastChannelFactory),
      storage,
      events,
    }
    return {
      options,
      storage,
      events,
      posted,
      openChannels: () => [...channels].filter((c) => c.tab === index).length,
      receive(data) {
        for (const record of channels) {
          if (record.tab === index) record.channel.onmessage?.({ data })
        }
      },
    }
  }
  return { locks, entries, tab }
}

/** Runs `count` overlapping tasks through `locks` and reports the most that ran at once. */
export async function maxConcurrency(
  locks: Array<Pick<CoordinationAdapter, 'lock'>>,
  count: number,
  taskMs: number,
) {
  let active = 0
  let most = 0
  let ran = 0
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      locks[index % locks.length]?.lock('shopper-session:session:k', async () => {
        active++
        most = Math.max(most, active)
        await new Promise((resolve) => setTimeout(resolve, taskMs))
        ran++
        active--
      }),
    ),
  )
  return { most, ran }
}
