// Lesson 2: the key picks the partition (murmur2 of the key, as the Java client's
// BuiltInPartitioner.partitionForKey), so records with one key stay in order in one partition;
// records without a key stick to one partition per batch (KIP-794). Runs on a cluster of its own.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'keys-and-ordering',
  number: 2,
  title: lessonTitle('keys-and-ordering'),
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
          { en: 'Spread over the three partitions in turn', ko: '세 파티션에 차례로 흩어진다' },
          { en: 'To the least busy partition', ko: '가장 한가한 파티션으로' },
        ],
        why: [
          { en: 'The default partitioner sends a keyed record to murmur2(key) mod 3, so every alice order goes to orders-0 and keeps the order it was sent in.', ko: '기본 파티셔너는 키가 있는 레코드를 murmur2(key) mod 3 파티션으로 보냅니다. 그래서 alice의 주문은 모두 orders-0으로 가고 보낸 순서가 지켜집니다.' },
          { en: 'Round robin is never used for a record with a key: the key’s hash picks the partition, the same one every time.', ko: '키가 있는 레코드에는 라운드 로빈을 쓰지 않습니다. 키의 해시가 파티션을 고르고, 매번 같은 파티션입니다.' },
          { en: 'With a key the producer does not look at load at all: the hash alone picks the partition, so a busy partition still gets all of alice’s orders.', ko: '키가 있으면 프로듀서는 부하를 전혀 보지 않습니다. 해시만으로 파티션이 정해지므로 바쁜 파티션이라도 alice의 주문을 모두 받습니다.' },
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
          { en: 'A partition holds many keys, a key only one partition', ko: '한 파티션에는 여러 키가 있고, 한 키는 한 파티션에만 있다' },
          { en: 'bob and alice are the same customer', ko: 'bob과 alice는 같은 고객이다' },
        ],
        why: [
          { en: 'There are far more keys than partitions, so keys share partitions. The guarantee runs one way: one key always maps to one partition while the partition count stays the same.', ko: '키는 파티션보다 훨씬 많아 여러 키가 한 파티션을 나눠 씁니다. 보장은 한 방향입니다. 파티션 수가 그대로인 동안 한 키는 늘 한 파티션으로 갑니다.' },
          { en: 'Different keys can hash to the same partition by chance: murmur2 mod 3 has only three results. For Kafka, alice and bob are unrelated keys.', ko: '서로 다른 키도 우연히 같은 파티션으로 갈 수 있습니다. murmur2 mod 3의 결과는 세 가지뿐입니다. Kafka에게 alice와 bob은 무관한 키입니다.' },
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
          { en: 'One batch to one partition, the next batch to another', ko: '배치 하나는 한 파티션에, 다음 배치는 다른 파티션에' },
          { en: 'All to clicks-0', ko: '모두 clicks-0으로' },
        ],
        why: [
          { en: 'Record-by-record round robin was the default before Kafka 2.4. It made many tiny batches and requests; today’s partitioner stays on one partition for a whole batch.', ko: '레코드 단위 라운드 로빈은 Kafka 2.4 이전의 기본 동작이었습니다. 작은 배치와 요청이 많이 생겼고, 지금 파티셔너는 배치 하나 동안 한 파티션에 머뭅니다.' },
          { en: 'The sticky partitioner (KIP-794) stays on one partition until about batch.size bytes went there, then switches: fewer, fuller requests, and the partitions even out over time.', ko: '스티키 파티셔너(KIP-794)는 batch.size 정도가 갈 때까지 한 파티션에 머문 뒤 바꿉니다. 요청은 적고 꽉 차며, 시간이 지나면 파티션이 고르게 채워집니다.' },
          { en: 'A null key does not mean partition 0: the partitioner keeps moving to other partitions, which is why all three clicks partitions grow.', ko: '키가 null이라고 파티션 0으로 가지는 않습니다. 파티셔너가 계속 다른 파티션으로 옮겨 가므로 clicks 파티션 세 개가 모두 커집니다.' },
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
  tryThis: [
    { en: 'Select the producer shop and send “Produce one record” with the key alice again: it lands in orders-0 at the next offset.', ko: '프로듀서 shop을 선택하고 “레코드 하나 보내기”로 키 alice를 다시 보내 보세요. orders-0의 다음 오프셋에 들어갑니다.' },
    { en: 'Type a key of your own into “Produce one record”: the inspector shows the partition murmur2 picks before you press Produce.', ko: '“레코드 하나 보내기”에 원하는 키를 넣어 보세요. 보내기를 누르기 전에 인스펙터가 murmur2가 고른 파티션을 보여 줍니다.' },
    { en: 'Click the producer clicks, press Stop and then Start, and watch which clicks partition each new batch goes to.', ko: '프로듀서 clicks를 클릭해 멈추기와 시작을 차례로 누르고, 새 배치마다 어느 clicks 파티션으로 가는지 지켜보세요.' },
  ],
}
