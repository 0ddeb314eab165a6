// The simulation as React sees it: a version number, the simulated time and an immutable view
// (plain data made by sim/view). The engine itself never enters the store; src/host publishes here.

import { create } from 'zustand'
import type { ClusterView } from '../../sim/index.ts'

export interface SimState {
  /** bumped on every publish */
  version: number
  nowMs: number
  /** the loaded scenario's id (built-in) or name, its duration and seed */
  scenarioId: string | null
  scenarioName: string
  durationMs: number
  seed: number
  view: ClusterView | null
}

export const useSim = create<SimState>(() => ({
  version: 0,
  nowMs: 0,
  scenarioId: null,
  scenarioName: '',
  durationMs: 0,
  seed: 0,
  view: null,
}))
