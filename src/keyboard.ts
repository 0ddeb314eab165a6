// Keyboard shortcuts: Space play/pause, → step one event, ← step back one event, ? help, Escape
// closes help and clears the selection. Keys typed into a field, a select or a button are left alone.
// While a session opens, playback and actions wait: only ? (help) and Escape (close help, else
// cancel the opening) do anything.

import { stepBack, stepOne, current } from './host/engine-host.ts'
import { togglePlay } from './host/playback.ts'
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

export function installShortcuts(): () => void {
  window.addEventListener('keydown', handleShortcut)
  return () => window.removeEventListener('keydown', handleShortcut)
}
