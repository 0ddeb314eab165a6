// Keyboard shortcuts: Space play/pause, → step one event, ← step back one event, ? help, Escape
// closes help and clears the selection. Keys typed into a field, a select or a button are left alone.
// (A lesson's N/P and PageDown/PageUp live with the lesson view; Help lists them all.)
// Help pauses playback while it is open. When Help or Compare closes and focus went back to the
// toolbar button that opened it, focus moves to Play, so the next Space plays instead of reopening.
// While a session opens, playback and actions wait: only ? (help) and Escape (close help, else
// cancel the opening) do anything.

import { stepBack, stepOne, current } from './host/engine-host.ts'
import { pause, togglePlay } from './host/playback.ts'
import { cancelOpening, isOpening } from './host/opening.ts'
import { useUi } from './store/ui-store.ts'

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable
}

export function handleShortcut(e: KeyboardEvent): void {
  if (e.ctrlKey || e.metaKey || e.altKey) return
  const ui = useUi.getState()
  if (isOpening()) {
    if (e.key === 'Escape') {
      if (ui.helpOpen) ui.setHelpOpen(false)
      else cancelOpening()
      e.preventDefault()
    } else if (e.key === '?' && !typingInto(e.target)) {
      ui.setHelpOpen(!ui.helpOpen)
      e.preventDefault()
    }
    return
  }
  if (typingInto(e.target)) return
  if (e.key === '?') {
    ui.setHelpOpen(!ui.helpOpen)
    e.preventDefault()
    return
  }
  if (e.key === 'Escape') {
    if (ui.helpOpen) ui.setHelpOpen(false)
    else if (!ui.compareOpen) ui.select(null)
    return
  }
  if (ui.helpOpen || ui.compareOpen || !current()) return
  // Space on a focused button clicks it; the shortcut is for the page, not for buttons.
  if (e.key === ' ' && !(e.target instanceof Element && e.target.closest('button, [role="button"]'))) {
    togglePlay()
    e.preventDefault()
  } else if (e.key === 'ArrowRight' && !(e.target instanceof Element && e.target.closest('[role="tablist"], [role="slider"], [role="button"]'))) {
    stepOne()
    e.preventDefault()
  } else if (e.key === 'ArrowLeft' && !(e.target instanceof Element && e.target.closest('[role="tablist"], [role="slider"], [role="button"]'))) {
    stepBack()
    e.preventDefault()
  }
}

/** After a dialog closed: from the button that opened it to Play (or Pause while playing). */
function focusPlayback(): void {
  const active = document.activeElement
  if (!(active instanceof HTMLElement) || active.getAttribute('aria-haspopup') !== 'dialog') return
  const play = document.querySelector<HTMLButtonElement>('[data-testid="btn-play"]:not(:disabled), [data-testid="btn-pause"]:not(:disabled)')
  play?.focus()
}

export function installShortcuts(): () => void {
  window.addEventListener('keydown', handleShortcut)
  const unsubscribe = useUi.subscribe((now, before) => {
    if (now.helpOpen && !before.helpOpen) pause()
    // the dialogs give focus back when React has closed them: look after that
    if ((before.helpOpen && !now.helpOpen) || (before.compareOpen && !now.compareOpen)) setTimeout(focusPlayback, 0)
  })
  return () => {
    window.removeEventListener('keydown', handleShortcut)
    unsubscribe()
  }
}
