import { useEffect, useState } from 'react'

/** `flag`, but turning true only after it has stayed true for `delayMs` (turns false at once). */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [delayed, setDelayed] = useState(false)
  useEffect(() => {
    if (!flag) {
      setDelayed(false)
      return undefined
    }
    const timer = setTimeout(() => setDelayed(true), delayMs)
    return () => clearTimeout(timer)
  }, [flag, delayMs])
  return flag && delayed
}
