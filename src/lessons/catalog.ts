// The lessons' names, in order: small enough for the first load, so the console API's lessons()
// (CONTRACT §6) and anything that only names a lesson answer at once, while the lessons' steps
// come in their own chunk (load.ts). Each lesson's module takes its title from here.

import type { Text } from '../i18n.ts'

export const LESSON_CATALOG: readonly { id: string; title: Text }[] = [
  { id: 'topics-partitions-offsets', title: { en: 'Topics, partitions, offsets', ko: '토픽, 파티션, 오프셋' } },
  { id: 'keys-and-ordering', title: { en: 'Keys and ordering', ko: '키와 순서' } },
  { id: 'consumer-groups', title: { en: 'Consumer groups', ko: '컨슈머 그룹' } },
  { id: 'rebalancing', title: { en: 'Rebalancing', ko: '리밸런싱' } },
  { id: 'offsets-and-lag', title: { en: 'Committed offsets and lag', ko: '커밋된 오프셋과 랙(LAG)' } },
  { id: 'replication', title: { en: 'Replication', ko: '복제' } },
  { id: 'leader-failover', title: { en: 'Leader failover', ko: '리더 장애 조치 (failover)' } },
  { id: 'isr-acks', title: { en: 'ISR, acks and min.insync.replicas', ko: 'ISR, acks와 min.insync.replicas' } },
  { id: 'unclean-election', title: { en: 'Unclean leader election', ko: '언클린 리더 선출' } },
  { id: 'controller', title: { en: 'The controller', ko: '컨트롤러' } },
  { id: 'group-coordinator', title: { en: 'The group coordinator', ko: '그룹 코디네이터' } },
  { id: 'scaling-out', title: { en: 'Scaling out', ko: '스케일 아웃' } },
  { id: 'batching', title: { en: 'Batching and throughput', ko: '배치와 처리량' } },
  { id: 'retention-and-segments', title: { en: 'Retention and segments', ko: '리텐션과 세그먼트' } },
  { id: 'compaction', title: { en: 'Compaction and tombstones', ko: '컴팩션과 툼스톤' } },
  { id: 'idempotent-producer', title: { en: 'Idempotent producer', ko: '멱등성 프로듀서' } },
  { id: 'time-and-replay', title: { en: 'Time and replay', ko: '시간과 재처리' } },
  { id: 'rebalancing-without-stopping', title: { en: 'Rebalancing without stopping: KIP-848', ko: '멈추지 않는 리밸런싱: KIP-848' } },
  { id: 'queues-share-groups', title: { en: 'Queues in Kafka: share groups vs consumer groups', ko: 'Kafka의 큐: 셰어 그룹과 컨슈머 그룹' } },
  { id: 'kraft-and-zookeeper', title: { en: 'KRaft and ZooKeeper', ko: 'KRaft와 ZooKeeper' } },
]

export function lessonTitle(id: string): Text {
  const entry = LESSON_CATALOG.find((l) => l.id === id)
  if (!entry) throw new Error(`kafkascope bug: lesson ${id} is not in the catalog`)
  return entry.title
}
