// The run as something to keep: step back one event, undo a fork (acting in the past drops what
// came later), share the exact run as a link, export it as a file and import one: a session file
// opens at its playhead, a plain scenario file (CONTRACT §3) at its start (host/scenario-open.ts).

import { useRef, useState } from 'react'
import { useSim } from '../store/sim-store.ts'
import { useT } from '../useT.ts'
import { current, stepBack, undoFork } from '../host/engine-host.ts'
import { sessionFileText, sessionLink } from '../host/session.ts'
import { importFileText } from '../host/scenario-open.ts'

const L = {
  back: { en: '← Back', ko: '← 뒤로' },
  backHint: { en: 'Step back one event (←)', ko: '이벤트 하나 뒤로 (←)' },
  undo: { en: 'Undo fork', ko: '분기 되돌리기' },
  undoHint: {
    en: 'You acted in the past, which dropped what you had done later. Bring it back.',
    ko: '과거 시점에서 조작해 그 뒤의 조작이 사라졌습니다. 되살립니다.',
  },
  share: { en: 'Share link', ko: '링크 공유' },
  copied: { en: 'Link copied. It opens this exact run, stopped here.', ko: '링크를 복사했습니다. 이 실행을 지금 이 시점에서 그대로 엽니다.' },
  copyThis: { en: 'Copy this link', ko: '이 링크를 복사하세요' },
  exportFile: { en: 'Export', ko: '내보내기' },
  importFile: { en: 'Import', ko: '가져오기' },
  importHint: { en: 'Open a session file or a scenario file', ko: '세션 파일이나 시나리오 파일 열기' },
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function SessionControls() {
  const t = useT()
  useSim((s) => s.version)
  const [link, setLink] = useState<string | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const forks = current()?.forks.length ?? 0

  async function share() {
    const url = sessionLink()
    setLink(url)
    try {
      await navigator.clipboard.writeText(url)
    } catch {
      // no clipboard permission: the link is shown to copy by hand
    }
  }
  async function importFile(file: File) {
    importFileText(await file.text())
  }
  const name = `kafkascope-${(current()?.builtInId ?? 'session').replace(/[^\w-]+/g, '-')}-${current()?.sim.nowMs ?? 0}ms.json`
  return (
    <div className="ctl-group session">
      <button type="button" data-testid="btn-step-back" title={t(L.backHint)} onClick={stepBack} aria-keyshortcuts="ArrowLeft">
        {t(L.back)}
      </button>
      {forks > 0 ? (
        <button type="button" data-testid="btn-undo-fork" title={t(L.undoHint)} onClick={() => undoFork()}>
          ↶ {t(L.undo)}
        </button>
      ) : null}
      <button type="button" data-testid="btn-share" onClick={share}>
        {t(L.share)}
      </button>
      <button type="button" data-testid="btn-export" onClick={() => download(name, sessionFileText())}>
        {t(L.exportFile)}
      </button>
      <button type="button" data-testid="btn-import" title={t(L.importHint)} onClick={() => fileRef.current?.click()}>
        {t(L.importFile)}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t(L.importFile)}
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void importFile(file)
        }}
      />
      {link !== null ? (
        <div className="share-link" role="status">
          <label>
            {t(L.copied)} {t(L.copyThis)}:
            <input readOnly value={link} data-testid="share-link" onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" aria-label="×" onClick={() => setLink(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  )
}
