// Producers (left) and plain consumers (right) as small cards: a producer's topic, acks, how many
// records it sent, had acknowledged and saw fail, its produce requests in flight (the error it met
// most is the card's tooltip); a reader's polled count. A stopped producer (stopProducer) or a crashed client says so in words, not colour only.

import type { ProducerCard as ProducerView, ReaderCard as ReaderView } from '../../../sim/index.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { topError } from './format.ts'
import { L } from './texts.ts'
import type { Countdown } from './countdowns.ts'
import { Callouts, Countdowns } from './MapEffects.tsx'

function useSelected(kind: 'producer' | 'reader', id: string): boolean {
  return useUi((s) => s.selection?.kind === kind && s.selection.id === id)
}

export function ProducerCard({ producer: p, isolated, countdowns }: { producer: ProducerView; isolated: boolean; countdowns?: readonly Countdown[] }) {
  const t = useT()
  const selected = useSelected('producer', p.id)
  const error = topError(p.errors)
  const state = !p.up ? 'down' : !p.active ? 'stopped' : 'running'
  return (
    <>
    <button
      type="button"
      className={`client-card producer-card client-${state}${isolated ? ' client-isolated' : ''}${selected ? ' selected' : ''}`}
      data-node={p.id}
      data-node-kind="producer"
      aria-pressed={selected}
      title={error ?? undefined}
      onClick={() => useUi.getState().select({ kind: 'producer', id: p.id })}
    >
      <span className="client-title">
        <span className="client-id">{p.id}</span>
        {state !== 'running' ? <span className="client-state">{state === 'down' ? `✕ ${t(L.down)}` : `❚❚ ${t(L.stopped)}`}</span> : null}
        {isolated ? <span className="client-state">✂ {t(L.isolated)}</span> : null}
      </span>
      <span className="client-line">
        → {p.topic} · acks={p.acks}
      </span>
      <span className="client-line num-line">
        {t(L.sent)} {p.sent} · {t(L.acked)} {p.acked} · <span className={p.failed > 0 ? 'bad' : undefined}>{t(L.failed)} {p.failed}</span>
      </span>
      {p.inflight > 0 ? (
        <span className="client-line num-line">
          {t(L.inflight)} {p.inflight}
        </span>
      ) : null}
    </button>
    <Countdowns list={countdowns} />
    <Callouts target={{ kind: 'producer', id: p.id }} />
    </>
  )
}

export function ReaderCard({ reader: r, isolated }: { reader: ReaderView; isolated: boolean }) {
  const t = useT()
  const selected = useSelected('reader', r.id)
  const error = topError(r.errors)
  return (
    <button
      type="button"
      className={`client-card reader-card${r.up ? '' : ' client-down'}${isolated ? ' client-isolated' : ''}${selected ? ' selected' : ''}`}
      data-node={r.id}
      data-node-kind="reader"
      aria-pressed={selected}
      onClick={() => useUi.getState().select({ kind: 'reader', id: r.id })}
    >
      <span className="client-title">
        <span className="client-id">{r.id}</span>
        {!r.up ? <span className="client-state">✕ {t(L.down)}</span> : null}
        {isolated ? <span className="client-state">✂ {t(L.isolated)}</span> : null}
      </span>
      <span className="client-line">{t(L.reader)}</span>
      <span className="client-line num-line">
        {t(L.polled)} {r.polled}
      </span>
      {error ? <span className="client-line client-error">{error}</span> : null}
    </button>
  )
}
