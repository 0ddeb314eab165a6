// The session being opened, for the progress indicator: where it came from and how far its run has
// got (src/host/opening.ts moves it, one slice per animation frame). null: nothing is opening.

import { create } from 'zustand'

/** Where the session being opened came from (the progress indicator and the alerts name it). */
export type OpeningSource = 'link' | 'file' | 'stored' | 'console' | 'serve'

export interface OpeningProgress {
  source: OpeningSource
  /** simulated time the run has reached */
  reachedMs: number
  /** where the session stops */
  playheadMs: number
}

export const useOpening = create<{ progress: OpeningProgress | null }>(() => ({ progress: null }))
