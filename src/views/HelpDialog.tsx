// The help dialog (? or the toolbar's Help button): every keyboard shortcut of kafkascope (the
// page's in keyboard.ts, a lesson's in the lesson view) and a legend of what the map draws —
// replica roles (Leader, in-sync follower, out-of-sync follower, offline), the kinds of Kafka
// requests that travel between nodes and ✚, the one mark for a response with an error.
// Playback pauses while it is open (keyboard.ts).

import { useLayoutEffect, useRef } from 'react'
import { useUi } from '../store/ui-store.ts'
import { useT } from '../useT.ts'
import type { Text } from '../i18n.ts'
import './help-dialog.css'

const L = {
  title: { en: 'kafkascope: keys and legend', ko: 'kafkascope: 단축키와 범례' },
  close: { en: 'Close', ko: '닫기' },
  keys: { en: 'Keyboard shortcuts', ko: '단축키' },
  roles: { en: 'Replica roles on a broker', ko: '브로커 위의 레플리카 역할' },
  messages: { en: 'Messages between nodes', ko: '노드 사이의 메시지' },
  colourNote: {
    en: 'Colours are colour-blind safe, and every state also has its own mark and name.',
    ko: '색은 색각 이상이 있어도 구별되도록 골랐고, 모든 상태에는 표시와 이름도 함께 붙어 있습니다.',
  },
}

/** The mark of a response with an error, as the map draws it (the same ✚ in the legend and README). */
const ERROR_GLYPH = '✚'

const KEYS: { keys: string[]; text: Text }[] = [
  { keys: ['Space'], text: { en: 'Play or pause the simulation', ko: '시뮬레이션 재생 / 일시정지' } },
  { keys: ['→'], text: { en: 'Process exactly one event', ko: '이벤트 하나만 처리' } },
  { keys: ['←'], text: { en: 'Step back one event', ko: '이벤트 하나 되돌리기' } },
  { keys: ['N', 'PageDown'], text: { en: 'Next lesson step (PageDown in presenter mode)', ko: '레슨 다음 단계 (PageDown은 발표 모드에서)' } },
  { keys: ['P', 'PageUp'], text: { en: 'Previous lesson step (PageUp in presenter mode)', ko: '레슨 이전 단계 (PageUp은 발표 모드에서)' } },
  { keys: ['?'], text: { en: 'Open or close this help (playback pauses while it is open)', ko: '이 도움말 열기 / 닫기 (열려 있는 동안 재생은 일시정지)' } },
  { keys: ['Esc'], text: { en: 'Close this help or Compare, hide the caption in presenter mode, or clear the selection', ko: '도움말이나 비교 닫기, 발표 모드에서 캡션 숨기기, 또는 선택 해제' } },
  { keys: ['←', '→'], text: { en: 'Move between the side panel tabs (on a tab)', ko: '사이드 패널 탭 사이 이동 (탭에서)' } },
]

const ROLES: { cls: string; mark: string; name: Text; text: Text }[] = [
  {
    cls: 'leader', mark: '★', name: { en: 'Leader', ko: 'Leader' },
    text: { en: 'takes the writes and reads of the partition', ko: '파티션의 쓰기와 읽기를 처리' },
  },
  {
    cls: 'insync', mark: '', name: { en: 'in-sync follower', ko: 'Isr 팔로워' },
    text: { en: 'caught up with the leader: in the Isr, may become leader', ko: '리더를 따라잡은 상태로 Isr에 있으며 리더가 될 수 있음' },
  },
  {
    cls: 'outofsync', mark: '!', name: { en: 'out-of-sync follower', ko: 'Isr 밖 팔로워' },
    text: { en: 'behind for longer than replica.lag.time.max.ms: out of the Isr', ko: 'replica.lag.time.max.ms보다 오래 뒤처져 Isr에서 빠짐' },
  },
  {
    cls: 'offline', mark: '', name: { en: 'offline', ko: '오프라인' },
    text: { en: 'its broker is down or fenced', ko: '브로커가 다운되었거나 fenced 상태' },
  },
]

const MESSAGES: { kind: string; name: Text }[] = [
  { kind: 'produce', name: { en: 'Produce: producer → leader', ko: 'Produce: 프로듀서 → 리더' } },
  { kind: 'replication', name: { en: 'Fetch by followers (replication)', ko: '팔로워의 Fetch (복제)' } },
  { kind: 'consume', name: { en: 'Fetch by consumers', ko: '컨슈머의 Fetch' } },
  { kind: 'group', name: { en: 'Group: JoinGroup, SyncGroup, Heartbeat, OffsetCommit', ko: '그룹: JoinGroup, SyncGroup, Heartbeat, OffsetCommit' } },
  { kind: 'controller', name: { en: 'Controller: Raft, BrokerHeartbeat, AlterPartition', ko: '컨트롤러: Raft, BrokerHeartbeat, AlterPartition' } },
  { kind: 'metadata', name: { en: 'Metadata requests', ko: 'Metadata 요청' } },
  { kind: 'error', name: { en: 'A response with an error (NOT_LEADER_OR_FOLLOWER…)', ko: '오류 응답 (NOT_LEADER_OR_FOLLOWER…)' } },
]

function Shortcuts() {
  const t = useT()
  return (
    <table className="help-keys">
      <tbody>
        {KEYS.map((k) => (
          <tr key={k.text.en}>
            <th scope="row">
              {k.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </th>
            <td>{t(k.text)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Legend() {
  const t = useT()
  return (
    <>
      <h3>{t(L.roles)}</h3>
      <ul className="help-legend">
        {ROLES.map((r) => (
          <li key={r.cls}>
            <span className={`help-chip help-chip-${r.cls}`} aria-hidden="true">
              {r.mark ? `${r.mark} p0` : 'p0'}
            </span>
            <span>
              <strong>{t(r.name)}</strong>: {t(r.text)}
            </span>
          </li>
        ))}
      </ul>
      <h3>{t(L.messages)}</h3>
      <ul className="help-legend">
        {MESSAGES.map((m) => (
          <li key={m.kind}>
            {m.kind === 'error' ? (
              <span className="help-error-glyph" aria-hidden="true">
                {ERROR_GLYPH}
              </span>
            ) : (
              <span className={`help-dot help-dot-${m.kind}`} aria-hidden="true" />
            )}
            <span>{t(m.name)}</span>
          </li>
        ))}
      </ul>
      <p className="help-note">{t(L.colourNote)}</p>
    </>
  )
}

/**
 * Focus moves into the dialog when it opens and back to where it was when it closes, in a layout
 * effect: before the page's next task, where the shortcuts move it on to Play (src/keyboard.ts).
 */
function useDialog(open: boolean, close: () => void) {
  const ref = useRef<HTMLDialogElement>(null)
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('.help-close')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      before?.focus()
    }
  }, [open])
  function onCancel(e: React.SyntheticEvent) {
    // Escape: React state decides whether the dialog is open
    e.preventDefault()
    close()
  }
  return { ref, onCancel }
}

export function HelpDialog() {
  const t = useT()
  const open = useUi((s) => s.helpOpen)
  const setHelpOpen = useUi((s) => s.setHelpOpen)
  const close = () => setHelpOpen(false)
  const dialog = useDialog(open, close)
  return (
    <dialog ref={dialog.ref} className="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onCancel={dialog.onCancel}
      data-testid="help-dialog">
      {open ? (
        <>
          <header className="help-head">
            <h2 id="help-title">{t(L.title)}</h2>
            <button type="button" className="help-close" onClick={close} aria-label={t(L.close)}>
              ×
            </button>
          </header>
          <div className="help-body">
            <section aria-labelledby="help-keys">
              <h3 id="help-keys">{t(L.keys)}</h3>
              <Shortcuts />
            </section>
            <section>
              <Legend />
            </section>
          </div>
        </>
      ) : null}
    </dialog>
  )
}
