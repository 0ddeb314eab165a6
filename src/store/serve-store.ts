// The app's link to a running `kafkascope serve` (src/host/serve-link.ts keeps it): whether it is
// connecting, live or closed, the address, and how far the served cluster's clock has got.

import { create } from 'zustand'

export type ServeLinkStatus =
  /** not attached to any serve */
  | 'off'
  /** the WebSocket is opening, or the served run is being caught up with */
  | 'connecting'
  /** following the served cluster */
  | 'live'
  /** the served run is kept after the link closed (serve stopped) */
  | 'closed'

export interface ServeLinkState {
  status: ServeLinkStatus
  /** the WebSocket address (ws://127.0.0.1:9091) */
  url: string | null
  /** the served cluster's simulated time, as far as the app has heard */
  servedMs: number
  /** the served run went past its scenario's end (durationMs): the app shows it up to there */
  pastEnd: boolean
  /** the "Connect to a local serve" form is open */
  formOpen: boolean
  /** closed: the served time the run was kept at, and whether serve stopped (else the person left) */
  closedAtMs: number
  stopped: boolean
}

export const useServeLink = create<ServeLinkState>(() => ({ status: 'off', url: null, servedMs: 0, pastEnd: false, formOpen: false, closedAtMs: 0, stopped: false }))
