'use client'
/**
 * `useLatest(value)`: a ref that always holds the value of the last committed render, so a
 * subscription made once can call the newest handler without re-subscribing.
 *
 * @module
 */
import { useEffect, useLayoutEffect, useRef } from 'react'

// useLayoutEffect warns during server rendering; the ref only matters in the browser anyway.
const useCommitEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/** A ref to `value` as of the last commit (not written during render: a render may be dropped). */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useCommitEffect(() => {
    ref.current = value
  })
  return ref
}
