// Lesson 2: the key picks the partition (murmur2 of the key, as the Java client's
// BuiltInPartitioner.partitionForKey), so records with one key stay in order in one partition;
// records without a key stick to one partition per batch (KIP-794). Runs on a cluster of its own.

import type { Lesson } from '../types.ts'

export const lesson: Lesson = {
  id: 'keys-and-ordering',
  number: 2,
  title: { en: 'Keys and ordering', ko: '키와 순서' },
  summary: {
    en: 'The same key always goes to the same partition (murmur2), so ordering holds per key; null keys stick to a partition per batch.',
    ko: '같은 키는 언제나 같은 파티션으로 갑니다(murmur2). 그래서 키별로 순서가 지켜집니다. 키가 없으면 배치 단위로 한 파티션에 붙습니다.',
  },
  scenario: {
    json: {
      name: 'Lesson 2: keys and ordering',
      description: 'Topic orders has three partitions. The producer shop sends only the keyed records the lesson asks for; the producer clicks writes records without keys to topic clicks once started. The reader audit reads both topics.',
      seed: 11,
      durationMs: 60_000,
      cluster: { brokers: 3, controller: { mode: 'kraft' } },
      topics: [
        { name: 'orders', partitions: 3, replicationFactor: 1 },
        { name: 'clicks', partitions: 3, replicationFactor: 1 },
      ],
      producers: [
        { id: 'shop', topic: 'orders', recordsPerSec: 0, keys: { kind: 'none' }, valueBytes: 100, config: { acks: 'all', 'linger.ms': 5 } },
        { id: 'clicks', topic: 'clicks', recordsPerSec: 40, keys: { kind: 'none' }, valueBytes: 100, config: { acks: 1, 'linger.ms': 100, 'batch.size': 1000 } },
      ],
      readers: [{ id: 'audit', topics: ['orders', 'clicks'], config: { 'auto.offset.reset': 'earliest' } }],
      timeline: [{ atMs: 0, action: 'stopProducer', producer: 'clicks' }],
    },
  },
  steps: [
    {
      target: 'partition-orders-0',
      text: {
        en: 'Topic orders has three partitions, all empty. The producer shop will send orders with a key: the customer’s name. The partitioner hashes the key with murmur2 and takes it modulo the partition count (3): partitionForKey("alice", 3) = 0.',
        ko: 'orders 토픽에는 빈 파티션 세 개가 있습니다. 프로듀서 shop은 고객 이름을 키로 주문을 보냅니다. 파티셔너는 키를 murmur2로 해시하고 파티션 수(3)로 나눈 나머지를 씁니다. partitionForKey("alice", 3) = 0입니다.',
      },
    },
    {
      target: 'partition-orders-0',
      actions: [
        { action: 'produce', producer: 'shop', key: 'alice', value: 'order-1' },
        { action: 'produce', producer: 'shop', key: 'dave', value: 'order-2' },
        { action: 'produce', producer: 'shop', key: 'alice', value: 'order-3' },
        { action: 'produce', producer: 'shop', key: 'carol', value: 'order-4' },
        { action: 'produce', producer: 'shop', key: 'alice', value: 'order-5' },
      ],
      text: {
        en: 'shop sends five orders: alice, dave, alice, carol, alice. Watch the partition log: orders-0, orders-1 and orders-2.',
        ko: 'shop이 주문 다섯 개를 보냅니다: alice, dave, alice, carol, alice. 파티션 로그의 orders-0, orders-1, orders-2를 지켜보세요.',
      },
      question: {
        prompt: { en: 'Where do alice’s three orders go?', ko: 'alice의 주문 세 개는 어디로 갈까요?' },
        choices: [
          { en: 'All to orders-0, in the order sent', ko: '모두 orders-0에, 보낸 순서대로' },
          { en: 'Spread over the three partitions, round robin', ko: '세 파티션에 돌아가며(라운드 로빈) 흩어진다' },
          { en: 'To whichever partition is least busy', ko: '가장 한가한 파티션으로' },
        ],
        answer: 0,
        explain: {
          en: 'Same key, same hash, same partition: orders-0 gets alice’s orders at offsets 0, 1, 2, in the order sent. dave goes to orders-1 and carol to orders-2. So the order of one customer’s orders is kept.',
          ko: '같은 키는 같은 해시, 같은 파티션입니다. orders-0이 alice의 주문을 보낸 순서대로 오프셋 0, 1, 2에 받습니다. dave는 orders-1, carol은 orders-2로 갑니다. 그래서 한 고객의 주문 순서가 지켜집니다.',
        },
      },
      playUntilMs: 11_000,
      speed: 1,
    },
    {
      target: 'partition-orders-0',
      actions: [{ action: 'produce', producer: 'shop', key: 'bob', value: 'order-6' }],
      text: {
        en: 'Now bob orders. partitionForKey("bob", 3) is 0 too. Look at orders-0 again.',
        ko: '이번에는 bob이 주문합니다. partitionForKey("bob", 3)도 0입니다. orders-0을 다시 보세요.',
      },
      question: {
        prompt: { en: 'bob’s order lands in orders-0 next to alice’s. What does that tell you?', ko: 'bob의 주문이 alice의 주문과 함께 orders-0에 들어갑니다. 무엇을 알 수 있을까요?' },
        choices: [
          { en: 'A partition holds many keys; a key stays in one partition', ko: '한 파티션에는 여러 키가 있고, 한 키는 한 파티션에만 있다' },
          { en: 'bob and alice must be the same customer', ko: 'bob과 alice는 같은 고객이다' },
        ],
        answer: 0,
        explain: {
          en: 'There are many more keys than partitions, so keys share partitions. The guarantee is one way only: one key → one partition (as long as the partition count does not change; lesson 12 adds partitions and keys move).',
          ko: '키는 파티션보다 훨씬 많으므로 여러 키가 한 파티션을 나눠 씁니다. 보장은 한 방향입니다. 한 키 → 한 파티션 (파티션 수가 바뀌지 않는 한. 레슨 12에서 파티션을 늘리면 키가 옮겨 갑니다).',
        },
      },
      playUntilMs: 12_000,
      speed: 1,
    },
    {
      target: 'partition-clicks-0',
      actions: [{ action: 'startProducer', producer: 'clicks' }],
      text: {
        en: 'The producer clicks now writes about 40 records a second to topic clicks with no key (null), linger.ms=100 and a small batch.size. Watch the three clicks partitions grow.',
        ko: '이제 프로듀서 clicks가 키 없이(null) 초당 약 40개의 레코드를 clicks 토픽에 씁니다. linger.ms=100이고 batch.size는 작습니다. clicks 파티션 세 개가 커지는 것을 지켜보세요.',
      },
      question: {
        prompt: { en: 'Without a key, how are records spread?', ko: '키가 없으면 레코드는 어떻게 나뉠까요?' },
        choices: [
          { en: 'One record to each partition in turn', ko: '레코드 하나씩 파티션을 돌아가며' },
          { en: 'A whole batch to one partition, then the next batch elsewhere', ko: '배치 하나가 통째로 한 파티션에, 다음 배치는 다른 파티션에' },
          { en: 'All to clicks-0', ko: '모두 clicks-0으로' },
        ],
        answer: 1,
        explain: {
          en: 'The sticky partitioner (KIP-794) fills one batch for one partition and switches partition once about batch.size bytes went there: fewer, fuller requests. Over time the partitions even out, but records without a key have no ordering across partitions.',
          ko: '스티키 파티셔너(KIP-794)는 한 파티션에 대한 배치를 채우고, 그 파티션에 batch.size 정도를 보낸 뒤 다른 파티션으로 바꿉니다. 요청 수는 줄고 요청마다 더 많이 실립니다. 시간이 지나면 파티션이 고르게 채워지지만, 키 없는 레코드는 파티션 사이의 순서가 없습니다.',
        },
      },
      playUntilMs: 20_000,
      speed: 1,
    },
    {
      target: 'btn-play',
      text: {
        en: 'Try it yourself: in Free play, click the producer shop on the map and use “Produce one record” with a key of your own. The inspector shows the partition murmur2 picks before you send.',
        ko: '직접 해 보세요. 자유 실습에서 맵의 프로듀서 shop을 클릭하고 “레코드 하나 보내기”에 원하는 키를 넣어 보세요. 보내기 전에 인스펙터가 murmur2가 고른 파티션을 보여 줍니다.',
      },
      select: { kind: 'producer', id: 'shop' },
    },
  ],
}
