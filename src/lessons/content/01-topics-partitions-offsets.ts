// Lesson 1: a topic is split into partitions; each partition is an append-only log whose records
// get offsets 0, 1, 2…; reading does not delete; order holds within a partition, not across the
// topic. Runs on a small cluster of its own: one topic of three partitions, one producer, one reader.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'topics-partitions-offsets',
  number: 1,
  title: lessonTitle('topics-partitions-offsets'),
  summary: {
    en: 'Records are appended to the end of each partition’s log and get growing offsets; reading deletes nothing.',
    ko: '레코드는 각 파티션 로그의 끝에 추가되고 오프셋이 점점 커집니다. 읽어도 아무것도 지워지지 않습니다.',
  },
  scenario: {
    json: {
      name: 'Lesson 1: topics, partitions, offsets',
      description: 'One topic, orders, with three partitions (one replica each, to keep the picture simple). The producer checkout writes a few records a second without keys; the reader audit reads all three partitions from offset 0.',
      seed: 7,
      durationMs: 60_000,
      cluster: { brokers: 3, controller: { mode: 'kraft' } },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }],
      producers: [
        { id: 'checkout', topic: 'orders', recordsPerSec: 3, keys: { kind: 'none' }, valueBytes: 100, config: { acks: 'all', 'linger.ms': 5, 'batch.size': 200 } },
      ],
      readers: [{ id: 'audit', topics: ['orders'], config: { 'auto.offset.reset': 'earliest' } }],
      timeline: [{ atMs: 0, action: 'stopProducer', producer: 'checkout' }],
    },
  },
  steps: [
    {
      target: 'partition-orders-0',
      text: {
        en: 'This cluster has one topic, orders, split into three partitions: orders-0, orders-1 and orders-2. Each is a log on one broker. Look at orders-0 in the partition log: it is empty, LEO (LOG-END-OFFSET) 0. The producer checkout has not started yet.',
        ko: '이 클러스터에는 orders라는 토픽 하나가 있고, orders-0, orders-1, orders-2 세 개의 파티션으로 나뉘어 있습니다. 파티션마다 한 브로커 위의 로그입니다. 파티션 로그에서 orders-0을 보세요. 아직 비어 있고 LEO(LOG-END-OFFSET)는 0입니다. 프로듀서 checkout은 아직 시작하지 않았습니다.',
      },
    },
    {
      target: 'partition-orders-0',
      actions: [{ action: 'startProducer', producer: 'checkout' }],
      text: {
        en: 'checkout now writes about three records a second to orders. Watch the partition log: each record lands in one partition and gets the next offset there.',
        ko: '이제 checkout이 orders에 초당 세 개쯤 레코드를 씁니다. 파티션 로그를 보세요. 레코드마다 한 파티션에 들어가고 그 파티션의 다음 오프셋을 받습니다.',
      },
      question: {
        prompt: { en: 'Where does a new record go in a partition?', ko: '새 레코드는 파티션의 어디에 들어갈까요?' },
        choices: [
          { en: 'At the end, with the old LOG-END-OFFSET as its offset', ko: '끝에, 이전 LOG-END-OFFSET 값을 오프셋으로 받아' },
          { en: 'In place of the oldest record', ko: '가장 오래된 레코드 자리에' },
          { en: 'In its place in key order', ko: '키 순서에 맞는 자리에' },
        ],
        why: [
          { en: 'A partition is an append-only log: a record is only ever added at the end and takes the offset LOG-END-OFFSET pointed at; LEO then grows by one.', ko: '파티션은 추가만 되는(append-only) 로그입니다. 레코드는 언제나 끝에 붙어 LOG-END-OFFSET이 가리키던 오프셋을 받고, LEO는 하나 커집니다.' },
          { en: 'Kafka never overwrites a record. Old records leave only when retention deletes whole old segments, and their offsets are never reused.', ko: 'Kafka는 레코드를 덮어쓰지 않습니다. 오래된 레코드는 보존 정책(retention)이 오래된 세그먼트를 통째로 지울 때만 사라지고, 그 오프셋은 다시 쓰이지 않습니다.' },
          { en: 'A partition keeps records in the order they arrive, not sorted by key. A key only chooses the partition (lesson 2); inside it the record still goes to the end.', ko: '파티션은 키로 정렬하지 않고 도착한 순서대로 쌓습니다. 키는 어느 파티션으로 갈지만 정하고(레슨 2), 그 안에서는 여전히 끝에 붙습니다.' },
        ],
        answer: 0,
        explain: {
          en: 'A partition is an append-only log: records are only ever added at the end, and offsets 0, 1, 2… never change. LOG-END-OFFSET is the offset the next record will get.',
          ko: '파티션은 추가만 되는(append-only) 로그입니다. 레코드는 언제나 끝에 붙고, 오프셋 0, 1, 2…는 바뀌지 않습니다. LOG-END-OFFSET은 다음 레코드가 받을 오프셋입니다.',
        },
      },
      playUntilMs: 20_000,
      speed: 2,
    },
    {
      target: 'partition-orders-1',
      text: {
        en: 'The reader audit reads every partition from offset 0. Its position (the dot under each log) follows the log end. Look at log start: it stays 0.',
        ko: '리더(reader) audit은 모든 파티션을 오프셋 0부터 읽습니다. 로그 아래의 점이 읽는 위치(position)이며 로그 끝을 따라갑니다. log start를 보세요. 계속 0입니다.',
      },
      question: {
        prompt: { en: 'audit has read the records. Are they still in the partition?', ko: 'audit이 레코드를 읽었습니다. 레코드는 파티션에 아직 남아 있을까요?' },
        choices: [
          { en: 'No, reading removes them', ko: '아니요, 읽으면 지워진다' },
          { en: 'Yes, they stay in the log', ko: '예, 로그에 그대로 남는다' },
        ],
        why: [
          { en: 'Kafka is a log, not a queue: reading only moves the reader’s own position. Look at log start in the partition log: it stays 0 while audit reads.', ko: 'Kafka는 큐가 아니라 로그입니다. 읽으면 읽는 쪽의 위치만 움직입니다. 파티션 로그의 log start를 보세요. audit이 읽는 동안에도 0 그대로입니다.' },
          { en: 'Records stay until retention (retention.ms or retention.bytes) deletes old segments, however often they are read; each reader only keeps its own offset.', ko: '레코드는 몇 번을 읽든 보존 정책(retention.ms나 retention.bytes)이 오래된 세그먼트를 지울 때까지 남습니다. 읽는 쪽은 자기 오프셋만 기억합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Kafka keeps records until retention removes old segments, however often they are read. Each reader just keeps its own offset: another reader could start from 0 again.',
          ko: 'Kafka는 몇 번을 읽든 보존 기간(retention)이 오래된 세그먼트를 지울 때까지 레코드를 보관합니다. 읽는 쪽은 자기 오프셋만 기억합니다. 다른 리더는 다시 0부터 읽을 수 있습니다.',
        },
      },
      playUntilMs: 30_000,
      speed: 2,
    },
    {
      target: 'partition-orders-2',
      text: {
        en: 'Compare the three partitions: each has its own offsets, so offset 5 of orders-0 and offset 5 of orders-2 are different records. Within a partition, audit reads in offset order.',
        ko: '세 파티션을 비교해 보세요. 파티션마다 오프셋이 따로 있으므로 orders-0의 오프셋 5와 orders-2의 오프셋 5는 서로 다른 레코드입니다. 한 파티션 안에서는 audit이 오프셋 순서대로 읽습니다.',
      },
      question: {
        prompt: { en: 'Is there one order for the whole topic orders?', ko: 'orders 토픽 전체에 하나의 순서가 있을까요?' },
        choices: [
          { en: 'Yes, one order across all partitions', ko: '예, 모든 파티션을 통틀어 하나의 순서가 있다' },
          { en: 'No, each partition has its own order', ko: '아니요, 파티션마다 순서가 따로 있다' },
        ],
        why: [
          { en: 'Each partition numbers its records from 0 on its own, so offset 5 of orders-0 and offset 5 of orders-2 are different records with no order between them.', ko: '파티션마다 0부터 따로 번호를 매깁니다. orders-0의 오프셋 5와 orders-2의 오프셋 5는 서로 다른 레코드이고 둘 사이에는 순서가 없습니다.' },
          { en: 'Kafka guarantees order only within a partition: audit reads orders-0 in offset order, but records of different partitions can interleave in any way.', ko: 'Kafka는 한 파티션 안에서만 순서를 보장합니다. audit은 orders-0을 오프셋 순서대로 읽지만, 다른 파티션의 레코드와는 어떤 순서로든 섞일 수 있습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Ordering holds per partition only. Partitions live on different brokers and are read in parallel, which is how a topic scales. Lesson 2 shows how keys keep related records in one partition.',
          ko: '순서는 파티션 단위로만 보장됩니다. 파티션은 서로 다른 브로커에 있고 병렬로 읽히며, 그래서 토픽이 확장됩니다. 레슨 2에서는 키로 관련 레코드를 한 파티션에 모으는 방법을 봅니다.',
        },
      },
      playUntilMs: 40_000,
      speed: 2,
    },
    {
      tab: 'console',
      text: {
        en: 'The Console shows what kafka-topics.sh --describe would print: PartitionCount: 3, and one line per partition with its Leader. Try Free play: press Play, pause, and follow the offsets grow.',
        ko: '콘솔 탭에 kafka-topics.sh --describe가 출력할 내용이 나옵니다. PartitionCount: 3이고, 파티션마다 Leader가 적힌 줄이 하나씩 있습니다. 자유 실습에서 재생과 일시정지를 하며 오프셋이 커지는 것을 따라가 보세요.',
      },
      target: 'btn-play',
    },
  ],
  tryThis: [
    { en: 'Click the producer checkout on the map and press Stop in the inspector: LOG-END-OFFSET stops growing and audit’s position catches up with it.', ko: '맵에서 프로듀서 checkout을 클릭하고 상세 탭에서 멈추기를 누르세요. LOG-END-OFFSET이 더 커지지 않고 audit의 위치가 따라잡습니다.' },
    { en: 'Use “Produce one record” on checkout a few times without a key and note which partition each record lands in and which offset it gets.', ko: 'checkout의 “레코드 하나 보내기”로 키 없이 몇 번 보내 보고, 레코드마다 어느 파티션에 들어가 어떤 오프셋을 받는지 확인하세요.' },
    { en: 'Open the Console tab and compare the Leader of orders-0, orders-1 and orders-2: each partition’s log lives on its own broker.', ko: '콘솔 탭에서 orders-0, orders-1, orders-2의 Leader를 비교해 보세요. 파티션마다 로그가 제 브로커에 있습니다.' },
  ],
}
