// A producer in the inspector: its acks and idempotence (producer id and epoch, KIP-98), what it
// sent, got acknowledged and saw fail by Kafka's error names; and the controls a learner uses to
// see durability trade-offs: stop/start, acks 0/1/all, and one record with a chosen key, with the
// partition the default partitioner picks for it (murmur2 of the key, modulo the partition count).

import { useState } from 'react'
import { partitionForKey, type ClusterView, type ProducerCard } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import { ErrorCounts, Fields, Section } from './parts.tsx'
import { ACKS_CHOICES, acksConfig, normaliseAcks, type Acks } from './producer-config.ts'
import { runAction } from './run-action.ts'

const L = {
  producer: { en: 'Producer', ko: '프로듀서' },
  active: { en: 'sending', ko: '전송 중' },
  stopped: { en: 'stopped', ko: '멈춤' },
  down: { en: 'down', ko: '다운' },
  topic: { en: 'Topic', ko: '토픽' },
  counts: { en: 'Sent / acked / failed', ko: '보냄 / ack 받음 / 실패' },
  inflight: { en: 'Produce requests in flight', ko: '진행 중인 Produce 요청' },
  errors: { en: 'Errors', ko: '오류' },
  controls: { en: 'Controls', ko: '조작' },
  stop: { en: 'Stop', ko: '멈추기' },
  start: { en: 'Start', ko: '시작' },
  apply: { en: 'Apply', ko: '적용' },
  acksRule: {
    en: 'enable.idempotence=true requires acks=all, so acks=0 or acks=1 also sets enable.idempotence=false (retries may then write a record twice).',
    ko: 'enable.idempotence=true는 acks=all이 필요합니다. 그래서 acks=0이나 acks=1을 고르면 enable.idempotence=false도 함께 설정됩니다 (이때 재시도로 레코드가 두 번 쓰일 수 있습니다).',
  },
  produceOne: { en: 'Produce one record', ko: '레코드 하나 보내기' },
  key: { en: 'Key', ko: '키 (key)' },
  value: { en: 'Value', ko: '값 (value)' },
  produce: { en: 'Produce', ko: '보내기' },
  noKey: {
    en: 'No key: the sticky partitioner picks the partition (it fills one batch at a time).',
    ko: '키 없음: sticky partitioner가 파티션을 고릅니다 (배치 하나씩 채웁니다).',
  },
}

function AcksControl({ producer }: { producer: ProducerCard }) {
  const t = useT()
  const [acks, setAcks] = useState<Acks>(normaliseAcks(producer.acks))
  function apply(e: React.FormEvent) {
    e.preventDefault()
    runAction(
      { action: 'setProducerConfig', producer: producer.id, config: acksConfig(acks) },
      { en: `Set acks=${acks} on ${producer.id}`, ko: `${producer.id}에 acks=${acks} 설정` },
    )
  }
  return (
    <form className="insp-form" onSubmit={apply}>
      <label>
        <code>acks</code>
        <select value={acks} onChange={(e) => setAcks(e.target.value as Acks)} data-testid="inspector-producer-acks">
          {ACKS_CHOICES.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="inspector-producer-acks-apply">{t(L.apply)}</button>
      <p className="insp-hint">{t(L.acksRule)}</p>
    </form>
  )
}

function ProduceForm({ producer, partitions }: { producer: ProducerCard; partitions: number }) {
  const t = useT()
  const [key, setKey] = useState('user-42')
  const [value, setValue] = useState('hello')
  const target = key !== '' && partitions > 0 ? partitionForKey(key, partitions) : null
  function produce(e: React.FormEvent) {
    e.preventDefault()
    runAction(
      { action: 'produce', producer: producer.id, key: key === '' ? null : key, value },
      { en: `Produce with ${producer.id}`, ko: `${producer.id}로 보내기` },
    )
  }
  return (
    <form className="insp-form insp-produce" onSubmit={produce}>
      <label>
        {t(L.key)}
        <input value={key} onChange={(e) => setKey(e.target.value)} data-testid="inspector-produce-key" />
      </label>
      <label>
        {t(L.value)}
        <input value={value} onChange={(e) => setValue(e.target.value)} data-testid="inspector-produce-value" />
      </label>
      <button type="submit" className="primary" data-testid="inspector-produce">
        {t(L.produce)}
      </button>
      <output className="insp-hint" data-testid="inspector-produce-partition" aria-live="polite">
        {target === null ? t(L.noKey) : `→ ${producer.topic}-${target} (murmur2("${key}") % ${partitions})`}
      </output>
    </form>
  )
}

function stateOf(producer: ProducerCard) {
  if (!producer.up) return { cls: 'down', text: L.down }
  return producer.active ? { cls: 'active', text: L.active } : { cls: 'stopped', text: L.stopped }
}

export function ProducerDetails({ producer, view }: { producer: ProducerCard; view: ClusterView }) {
  const t = useT()
  const state = stateOf(producer)
  const partitions = view.topics.find((x) => x.name === producer.topic)?.partitions ?? 0
  const name = { en: `producer ${producer.id}`, ko: `프로듀서 ${producer.id}` }
  return (
    <div className="insp-body" data-testid="inspector-producer" data-id={producer.id}>
      <h2 className="insp-title">
        {t(L.producer)} {producer.id}
        <span className={`insp-badge producer-${state.cls}`}>{t(state.text)}</span>
      </h2>
      <Fields
        rows={[
          [t(L.topic), producer.topic],
          ['acks', producer.acks],
          ['enable.idempotence', String(producer.idempotent)],
          ['producerId / epoch', producer.producerId >= 0 ? `${producer.producerId} / ${producer.producerEpoch}` : '—'],
          [t(L.counts), <span data-testid="inspector-producer-counts">{`${producer.sent} / ${producer.acked} / ${producer.failed}`}</span>],
          [t(L.inflight), producer.inflight],
          [t(L.errors), <ErrorCounts errors={producer.errors} />],
        ]}
      />
      <Section title={t(L.controls)}>
        <div className="insp-actions">
          {producer.active ? (
            <button type="button" data-testid="inspector-producer-stop"
              onClick={() => runAction({ action: 'stopProducer', producer: producer.id }, { en: `Stop ${name.en}`, ko: `${name.ko} 멈추기` })}>
              ❚❚ {t(L.stop)}
            </button>
          ) : (
            <button type="button" data-testid="inspector-producer-start"
              onClick={() => runAction({ action: 'startProducer', producer: producer.id }, { en: `Start ${name.en}`, ko: `${name.ko} 시작` })}>
              ▶ {t(L.start)}
            </button>
          )}
        </div>
        <AcksControl key={producer.acks} producer={producer} />
      </Section>
      <Section title={t(L.produceOne)}>
        <ProduceForm producer={producer} partitions={partitions} />
      </Section>
    </div>
  )
}
