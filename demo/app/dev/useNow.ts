/**
 * The wall clock, re-read every second while a component shows a countdown.
 *
 * @module
 */
import { useEffect, useState } from 'react'

/** `Date.now()`, updated every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
