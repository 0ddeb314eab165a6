// While a session opens (a shared link, an imported file, the session kept for a reload), a bar
// under the toolbar says how far its run has got in simulated time, e.g. "Opening the shared run:
// 42.0 s of 90.0 s", with Cancel (or Esc), which goes back to the session the person had. The bar
// takes the place of nothing: the page below stays visible (inert until the session is open).

import { useLayoutEffect, useRef } from 'react'
import { useOpening, type OpeningSource } from '../store/opening-store.ts'
import { cancelOpening } from '../host/opening.ts'
import { useT } from '../useT.ts'
import type { Text } from '../i18n.ts'
import './opening-progress.css'

const OPENING: Record<OpeningSource, Text> = {
  link: { en: 'Opening the shared run', ko: '공유된 실행을 여는 중' },
  file: { en: 'Opening the session file', ko: '세션 파일을 여는 중' },
  stored: { en: 'Opening your saved session', ko: '저장해 둔 세션을 여는 중' },
  console: { en: 'Opening the session', ko: '세션을 여는 중' },
  serve: { en: 'Catching up with kafkascope serve', ko: 'kafkascope serve의 실행을 따라잡는 중' },
}

const L = {
  waits: { en: 'Playback and actions wait until it is open.', ko: '세션이 열릴 때까지 재생과 조작은 기다립니다.' },
  cancel: { en: 'Cancel (Esc)', ko: '취소 (Esc)' },
  cancelHint: { en: 'Stop opening and go back to the session you had', ko: '여는 것을 멈추고 이전 세션으로 돌아갑니다' },
}

/** "42.0 s" */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(1)
}

/** "Opening the shared run: 42.0 s of 90.0 s" / "공유된 실행을 여는 중: 90.0초 중 42.0초" */
export function openingText(source: OpeningSource, reachedMs: number, playheadMs: number): Text {
  return {
    en: `${OPENING[source].en}: ${seconds(reachedMs)} s of ${seconds(playheadMs)} s`,
    ko: `${OPENING[source].ko}: ${seconds(playheadMs)}초 중 ${seconds(reachedMs)}초`,
  }
}

export function OpeningProgress() {
  const t = useT()
  const progress = useOpening((s) => s.progress)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const open = progress !== null
  useLayoutEffect(() => {
    if (!open) return
    // the page behind is inert while opening: keep keyboard focus on something that works, and
    // give it back (to Import, say) once the session is open or the opening is cancelled
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    cancelRef.current?.focus()
    return () => {
      if (before?.isConnected && before !== document.body) before.focus()
    }
  }, [open])
  if (!progress) return null
  const text = t(openingText(progress.source, progress.reachedMs, progress.playheadMs))
  const fraction = progress.playheadMs > 0 ? Math.min(1, progress.reachedMs / progress.playheadMs) : 1
  return (
    <div className="opening" data-testid="opening">
      <span className="visually-hidden" role="status">
        {t(OPENING[progress.source])}
      </span>
      <div className="opening-text" aria-hidden="true">
        <span id="opening-label">{text}</span>
        <span className="opening-waits">{t(L.waits)}</span>
      </div>
      <div
        className="opening-bar"
        role="progressbar"
        aria-labelledby="opening-label"
        aria-valuemin={0}
        aria-valuemax={progress.playheadMs}
        aria-valuenow={progress.reachedMs}
        aria-valuetext={text}
      >
        <div className="opening-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <button ref={cancelRef} type="button" data-testid="opening-cancel" title={t(L.cancelHint)} aria-keyshortcuts="Escape" onClick={() => cancelOpening()}>
        {t(L.cancel)}
      </button>
    </div>
  )
}
