// The checkers' anomalies, grouped by cause, for the timeline. currentSummary() runs the checkers over the whole
// history, and that grows with the run (about 1 s at 120 s of the benchmark cluster on a 2-core
// machine), so it is asked only when the run changed: while playing at most every 2 s of wall time
// (and not at all while playing once one call costs more than a frame budget can hide; the
// markers catch up on pause), when paused after a short pause in the changes (stepping with → does
// not run the checkers per step), and never more often than five times its own cost.

import { useEffect, useRef, useState } from 'react'
import type { AnomalyGroup } from '../../../sim/index.ts'
import { current, currentSummary } from '../../host/engine-host.ts'
import { groupedOf } from '../anomaly-text.ts'

const PLAYING_EVERY_MS = 2000
const PAUSED_SETTLE_MS = 250
const TOO_SLOW_TO_PLAY_MS = 150

/** Wall ms to wait before the next summary (0: now, Infinity: not while playing). */
export function summaryWait(playing: boolean, sinceLastMs: number, lastCostMs: number): number {
  if (playing && lastCostMs > TOO_SLOW_TO_PLAY_MS) return Infinity
  const gap = Math.max(playing ? PLAYING_EVERY_MS : PAUSED_SETTLE_MS, 5 * lastCostMs)
  return Math.max(0, gap - sinceLastMs)
}

const NONE: readonly AnomalyGroup[] = []

export function useAnomalies(version: number, playing: boolean): readonly AnomalyGroup[] {
  // kept with the simulation they came from: a new or rewound run shows none until checked
  const [found, setFound] = useState<{ sim: unknown; anomalies: readonly AnomalyGroup[] }>({ sim: null, anomalies: NONE })
  const last = useRef({ endWall: -Infinity, costMs: 0 })
  useEffect(() => {
    if (!current()) return
    const compute = () => {
      const start = performance.now()
      const first = groupedOf(currentSummary().checks)
      last.current = { endWall: performance.now(), costMs: performance.now() - start }
      setFound({ sim: current()?.sim, anomalies: first })
    }
    const wait = summaryWait(playing, performance.now() - last.current.endWall, last.current.costMs)
    if (wait === Infinity) return
    if (wait === 0) {
      compute()
      return
    }
    const timer = setTimeout(compute, wait)
    return () => clearTimeout(timer)
  }, [version, playing])
  return found.sim === current()?.sim ? found.anomalies : NONE
}
