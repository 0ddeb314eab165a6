// The checkers' first anomalies for the timeline. currentSummary() runs the checkers over the whole
// history, so it is asked only when the run changed, and while playing at most every 2 s of wall time.

import { useEffect, useRef, useState } from 'react'
import type { Anomaly } from '../../../sim/trace/summary-types.ts'
import { current, currentSummary } from '../../host/engine-host.ts'

const PLAYING_EVERY_MS = 2000

export function useAnomalies(version: number, playing: boolean): readonly Anomaly[] {
  const [anomalies, setAnomalies] = useState<readonly Anomaly[]>([])
  const last = useRef(-Infinity)
  useEffect(() => {
    if (!current()) return
    const compute = () => {
      last.current = performance.now()
      setAnomalies(currentSummary().checks.first)
    }
    const wait = playing ? PLAYING_EVERY_MS - (performance.now() - last.current) : 0
    if (wait <= 0) {
      compute()
      return
    }
    const timer = setTimeout(compute, wait)
    return () => clearTimeout(timer)
  }, [version, playing])
  return anomalies
}
