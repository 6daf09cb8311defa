/**
 * The storage port: strings in, strings out, sync or async. Adapters only move strings; the
 * session validates what it reads (corrupt data is cleared and reported, never trusted).
 *
 * @module
 */

/** A value or a promise of it: adapters may be synchronous (Web Storage) or not (Redis). */
export type MaybePromise<T> = T | Promise<T>

/** Where the session keeps its tokens. */
export interface StorageAdapter {
  /** The stored string, or `null`/`undefined` when there is none. */
  get(key: string): MaybePromise<string | null | undefined>
  set(key: string, value: string): MaybePromise<void>
  remove(key: string): MaybePromise<void>
}
