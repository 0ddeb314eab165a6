// The link to a running kafkascope serve, under the toolbar: the form that asks for its address
// ("Connect to a local serve", from the scenario menu), and while attached the link's status in
// words and shapes: connecting; ● live, following the served cluster; ❚❚ the served run's past
// with "Back to live"; ✕ disconnected (serve stopped) with the run kept. Everything is a button or
// a field, so the keyboard reaches it.

import { useEffect, useRef, useState } from 'react'
import { formatSimTime, type Text } from '../i18n.ts'
import { backToLive } from '../host/playback.ts'
import { connectServe, DEFAULT_SERVE_URL, disconnectServe, serveAddress, T, writeServeParam } from '../host/serve-link.ts'
import { usePlayback } from '../store/playback-store.ts'
import { useServeLink } from '../store/serve-store.ts'
import { useSim } from '../store/sim-store.ts'
import { useT } from '../useT.ts'
import './serve-bar.css'

export const S = {
  connectMenu: { en: 'Connect to a local serve…', ko: '로컬 serve에 연결…' },
  formTitle: { en: 'Connect to a local kafkascope serve', ko: '로컬 kafkascope serve에 연결' },
  address: { en: 'WebSocket address', ko: 'WebSocket 주소' },
  addressHint: {
    en: 'kafkascope serve prints it ("watch it in the app"): broker 1\'s port minus 1, ws://127.0.0.1:9091 by default',
    ko: 'kafkascope serve가 출력합니다 ("watch it in the app"). 기본값은 브로커 1의 포트에서 1을 뺀 ws://127.0.0.1:9091입니다',
  },
  connect: { en: 'Connect', ko: '연결' },
  cancel: { en: 'Cancel', ko: '취소' },
  connecting: (url: string): Text => ({ en: `Connecting to kafkascope serve at ${url}…`, ko: `${url}의 kafkascope serve에 연결하는 중…` }),
  live: { en: 'LIVE', ko: '실시간' },
  liveText: (url: string): Text => ({ en: `following kafkascope serve at ${url}`, ko: `${url}의 kafkascope serve를 따라가는 중` }),
  past: (now: number, served: number): Text => ({
    en: `Showing ${formatSimTime(now)} of the served run; the served cluster is at ${formatSimTime(served)}`,
    ko: `serve 실행의 ${formatSimTime(now)} 시점을 보는 중. serve 클러스터는 ${formatSimTime(served)}`,
  }),
  backToLive: { en: 'Back to live', ko: '실시간으로' },
  backHint: { en: 'Follow the served cluster again, at its present', ko: 'serve 클러스터의 현재 시점을 다시 따라갑니다' },
  disconnect: { en: 'Disconnect', ko: '연결 끊기' },
  disconnectHint: { en: 'Leave kafkascope serve (it goes on); the run stays here', ko: 'kafkascope serve와의 연결을 끊습니다 (serve는 계속 실행). 실행은 여기에 남습니다' },
  closed: (url: string): Text => ({
    en: `You left kafkascope serve at ${url} (it goes on): the run stays here as it was served.`,
    ko: `${url}의 kafkascope serve와의 연결을 끊었습니다 (serve는 계속 실행됩니다). 실행은 받은 그대로 남아 있습니다.`,
  }),
  reconnect: { en: 'Connect again', ko: '다시 연결' },
  dismiss: { en: 'Dismiss', ko: '닫기' },
  pastEnd: (end: number): Text => ({
    en: `The served run went past its scenario's end (${formatSimTime(end)}); the app shows it up to there.`,
    ko: `serve 실행이 시나리오의 끝(${formatSimTime(end)})을 지났습니다. 앱은 그 시점까지 보여 줍니다.`,
  }),
  realClients: (n: number): Text => ({ en: `real clients: ${n}`, ko: `실제 클라이언트: ${n}` }),
}

/** Open the "Connect to a local serve" form. */
export function openServeForm(): void {
  useServeLink.setState({ formOpen: true })
}

function attach(text: string): boolean {
  const url = serveAddress(text)
  if (!connectServe(text) || url === null) return false
  writeServeParam(url)
  return true
}

function ServeForm() {
  const t = useT()
  const url = useServeLink((s) => s.url)
  const [text, setText] = useState(url ?? DEFAULT_SERVE_URL)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  const close = () => useServeLink.setState({ formOpen: false })
  return (
    <form
      className="serve-form"
      aria-label={t(S.formTitle)}
      data-testid="serve-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (attach(text)) close()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          close()
        }
      }}
    >
      <strong>{t(S.formTitle)}</strong>
      <label>
        <span className="ctl-label">{t(S.address)}</span>
        <input ref={input} className="serve-url mono" data-testid="serve-url" value={text} title={t(S.addressHint)} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="serve-connect">
        {t(S.connect)}
      </button>
      <button type="button" onClick={close}>
        {t(S.cancel)}
      </button>
      <span className="muted small-text serve-hint">{t(S.addressHint)}</span>
    </form>
  )
}

function ServeStatus() {
  const t = useT()
  const status = useServeLink((s) => s.status)
  const url = useServeLink((s) => s.url) ?? ''
  const servedMs = useServeLink((s) => s.servedMs)
  const pastEnd = useServeLink((s) => s.pastEnd)
  const following = usePlayback((s) => s.following && s.playing)
  const nowMs = useSim((s) => s.nowMs)
  const durationMs = useSim((s) => s.durationMs)
  const clients = useSim((s) => s.view?.externals.length ?? 0)
  const closedAtMs = useServeLink((s) => s.closedAtMs)
  const stopped = useServeLink((s) => s.stopped)
  if (status === 'off') return null
  if (status === 'connecting') {
    return (
      <div className="serve-bar connecting" role="status" data-testid="serve-status" data-status="connecting">
        <span>⟳ {t(S.connecting(url))}</span>
        <button type="button" onClick={disconnectServe}>
          {t(S.cancel)}
        </button>
      </div>
    )
  }
  if (status === 'closed') {
    return (
      <div className="serve-bar closed" role="status" data-testid="serve-status" data-status="closed">
        <span>✕ {t(stopped ? T.stopped(url, closedAtMs) : S.closed(url))}</span>
        <button type="button" onClick={() => attach(url)}>
          {t(S.reconnect)}
        </button>
        <button type="button" aria-label={t(S.dismiss)} onClick={() => useServeLink.setState({ status: 'off' })}>
          ×
        </button>
      </div>
    )
  }
  const live = following
  return (
    <div className={`serve-bar ${live ? 'live' : 'past'}`} role="status" data-testid="serve-status" data-status={live ? 'live' : 'past'}>
      {live ? (
        <span>
          <span className="live-mark">● {t(S.live)}</span> {t(S.liveText(url))}
        </span>
      ) : (
        <span>❚❚ {t(S.past(nowMs, servedMs))}</span>
      )}
      <span className="muted">· {t(S.realClients(clients))}</span>
      {pastEnd ? <span className="serve-past-end">{t(S.pastEnd(durationMs))}</span> : null}
      {!following ? (
        <button type="button" className="primary" data-testid="serve-back-to-live" title={t(S.backHint)} onClick={backToLive}>
          ● {t(S.backToLive)}
        </button>
      ) : null}
      <button type="button" data-testid="serve-disconnect" title={t(S.disconnectHint)} onClick={disconnectServe}>
        {t(S.disconnect)}
      </button>
    </div>
  )
}

export function ServeBar() {
  const formOpen = useServeLink((s) => s.formOpen)
  return (
    <>
      {formOpen ? <ServeForm /> : null}
      <ServeStatus />
    </>
  )
}
