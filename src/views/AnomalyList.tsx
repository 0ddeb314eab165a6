// What the checker found, in plain words: lost acknowledged writes, duplicates, divergent replicas,
// two leaders in one epoch, ... Clicking one takes the run to the moment it happened and selects
// the partition involved, so its replicas and records are in front of the learner.

import { useEffect, useState } from 'react'
import type { Anomaly } from '../../sim/trace/summary-types.ts'
import { useSim } from '../store/sim-store.ts'
import { useUi } from '../store/ui-store.ts'
import { useT } from '../useT.ts'
import { formatSimTime, type Text } from '../i18n.ts'
import { current, currentSummary } from '../host/engine-host.ts'
import { seek } from '../host/playback.ts'
import './anomaly-list.css'

const EXPLAIN: Record<Anomaly['kind'], { name: Text; why: Text }> = {
  lostAckedWrite: {
    name: { en: 'Acknowledged write lost', ko: '확인(ack)된 쓰기 유실' },
    why: {
      en: 'The producer was told the record was written, but no replica has it any more: a leader that did not have it was elected (unclean election, or acks=1 before the followers copied it).',
      ko: '프로듀서는 기록이 저장되었다는 응답을 받았지만, 이제 어느 레플리카에도 없습니다. 그 기록이 없는 레플리카가 리더가 되었기 때문입니다 (unclean 선출, 또는 팔로워가 복제하기 전의 acks=1).',
    },
  },
  duplicate: {
    name: { en: 'Duplicate record', ko: '중복 기록' },
    why: {
      en: 'The same record sits at two offsets: a retry was written again (idempotence off, or an edge case the producer could not tell apart).',
      ko: '같은 기록이 두 오프셋에 있습니다. 재시도가 한 번 더 쓰였습니다 (멱등성 꺼짐 등).',
    },
  },
  inconsistentOffset: { name: { en: 'Inconsistent offset', ko: '오프셋 불일치' }, why: { en: 'Readers saw different records at the same offset.', ko: '같은 오프셋에서 서로 다른 기록을 읽었습니다.' } },
  nonMonotonicPoll: { name: { en: 'Offsets went backwards', ko: '오프셋 역행' }, why: { en: 'A consumer was handed an offset lower than one it had already read.', ko: '컨슈머가 이미 읽은 것보다 낮은 오프셋을 받았습니다.' } },
  divergentReplica: {
    name: { en: 'Divergent replicas', ko: '레플리카 불일치' },
    why: { en: 'Two replicas hold different records below the high watermark.', ko: '두 레플리카가 high watermark 아래에서 서로 다른 기록을 갖고 있습니다.' },
  },
  multipleLeaders: { name: { en: 'Two leaders in one epoch', ko: '한 에포크에 리더 둘' }, why: { en: 'Two brokers acted as leader of a partition in the same leader epoch.', ko: '같은 리더 에포크에서 두 브로커가 리더로 동작했습니다.' } },
  hwAboveLeo: { name: { en: 'HW above LEO', ko: 'HW가 LEO보다 큼' }, why: { en: 'A replica’s high watermark passed its log end.', ko: '레플리카의 high watermark가 로그 끝을 넘었습니다.' } },
  concurrentConsumers: {
    name: { en: 'Two members read one partition', ko: '한 파티션을 두 멤버가 읽음' },
    why: { en: 'Two members of one group consumed the same partition at once.', ko: '한 그룹의 두 멤버가 같은 파티션을 동시에 읽었습니다.' },
  },
  committedBackwards: { name: { en: 'Commit went backwards', ko: '커밋 역행' }, why: { en: 'A commit moved a group’s offset backwards within one generation.', ko: '한 generation 안에서 커밋이 그룹의 오프셋을 뒤로 옮겼습니다.' } },
  skippedRecords: {
    name: { en: 'Records skipped', ko: '건너뛴 기록' },
    why: { en: 'The group committed past records no member read.', ko: '어느 멤버도 읽지 않은 기록을 지나 커밋했습니다.' },
  },
}

const L = {
  title: { en: 'What the checker found', ko: '검사기가 찾은 문제' },
  none: { en: 'No anomaly so far: every acknowledged write is there, once, in order.', ko: '아직 이상 없음: 확인된 모든 쓰기가 한 번씩, 순서대로 있습니다.' },
  go: { en: 'Go to this moment', ko: '이 시점으로 이동' },
}

/** The partition an anomaly is about ("orders-0"), if its text names one. */
export function partitionOf(detail: string, topics: string[]): { topic: string; partition: number } | null {
  for (const topic of topics) {
    const m = new RegExp(`(?:^|[^\\w.-])${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)`).exec(detail)
    if (m) return { topic, partition: Number(m[1]) }
  }
  return null
}

export function AnomalyList() {
  const t = useT()
  const version = useSim((s) => s.version)
  const view = useSim((s) => s.view)
  const [found, setFound] = useState<Anomaly[]>([])
  useEffect(() => {
    if (!current()) return
    const id = setTimeout(() => setFound(currentSummary().checks.first), 150)
    return () => clearTimeout(id)
  }, [version])
  const topics = view ? view.topics.filter((x) => !x.internal).map((x) => x.name) : []
  function go(a: Anomaly) {
    seek(a.atMs)
    const p = partitionOf(a.detail, topics)
    if (p) {
      useUi.getState().setTopic(p.topic)
      useUi.getState().select({ kind: 'partition', ...p })
    }
  }
  return (
    <section className="anomalies" aria-labelledby="anomalies-title">
      <h2 id="anomalies-title">{t(L.title)}</h2>
      {found.length === 0 ? <p className="muted">{t(L.none)}</p> : null}
      <ol>
        {found.map((a, i) => (
          <li key={i} data-testid={`anomaly-${i}`} data-kind={a.kind} data-at={a.atMs}>
            <button type="button" onClick={() => go(a)} aria-label={`${t(EXPLAIN[a.kind].name)}, ${formatSimTime(a.atMs)}: ${t(L.go)}`}>
              <span className="anomaly-name">✖ {t(EXPLAIN[a.kind].name)}</span>
              <span className="anomaly-time mono">{formatSimTime(a.atMs)}</span>
            </button>
            <p className="anomaly-why">{t(EXPLAIN[a.kind].why)}</p>
            <p className="anomaly-detail mono">{a.detail}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
