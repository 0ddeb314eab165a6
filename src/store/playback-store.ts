// Playback state: playing or paused, and the speed (simulated ms per wall ms, 0.1× to 1000×).

import { create } from 'zustand'

export const MIN_SPEED = 0.1
export const MAX_SPEED = 1000

export interface PlaybackState {
  playing: boolean
  speed: number
  /** the frame budget could not keep up with the speed: playback runs slower than asked */
  lagging: boolean
  /** attached to a served cluster: playback follows its clock (host/playback.ts) */
  following: boolean
  setPlaying(playing: boolean): void
  setSpeed(speed: number): void
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed))
}

export const usePlayback = create<PlaybackState>((set) => ({
  playing: false,
  speed: 1,
  lagging: false,
  following: false,
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
}))
