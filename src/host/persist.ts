// Nothing a person made is lost on reload: the current session goes to the address bar (#s=) and
// to local storage whenever the run changes while paused (debounced), when playback pauses, and
// when the page is hidden. A `#s=` link pasted into an open tab opens that session.

import { useSim } from '../store/sim-store.ts'
import { usePlayback } from '../store/playback-store.ts'
import { rememberSession } from './session.ts'
import { openHash } from './url.ts'

const DEBOUNCE_MS = 400

export function installPersistence(): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let written = ''
  const soon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      // not while a session opens: the link being opened is not one the page wrote
      if (rememberSession()) written = window.location.hash
    }, DEBOUNCE_MS)
  }
  useSim.subscribe((s, prev) => {
    if (s.version !== prev.version && !usePlayback.getState().playing) soon()
  })
  usePlayback.subscribe((s, prev) => {
    if (prev.playing && !s.playing) soon()
  })
  window.addEventListener('pagehide', () => rememberSession())
  // the hash as pasted (event.newURL): a debounced write may have replaced the address since
  window.addEventListener('hashchange', (e) => {
    const hash = new URL(e.newURL).hash
    if (hash !== written && hash.startsWith('#s=')) openHash(hash)
  })
}
