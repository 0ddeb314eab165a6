// The checkers' anomalies in both languages: each kind's name and what it means. The detail (which
// partition, offsets, producer) is the checker's own sentence (sim/check/checkers.ts), in English.

import type { Anomaly } from '../../sim/index.ts'
import type { Text } from '../i18n.ts'

export const EXPLAIN: Record<Anomaly['kind'], { name: Text; why: Text }> = {
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

/** An anomaly as a timeline tooltip lists it: its kind's name in each language, then the detail. */
export function anomalyText(a: Anomaly): Text {
  return { en: `${a.kind}: ${a.detail}`, ko: `${EXPLAIN[a.kind].name.ko}: ${a.detail}` }
}
