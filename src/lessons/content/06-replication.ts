// Lesson 6: each partition is copied to replication.factor brokers; one replica leads, the
// followers fetch from it and stay in the ISR; no two replicas share a broker; storage is
// multiplied by the replication factor. Runs on a four-broker cluster of its own.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'replication',
  number: 6,
  title: lessonTitle('replication'),
  summary: {
    en: 'Replication factor 3 on four brokers: a leader and two followers per partition, followers fetching from the leader.',
    ko: '브로커 네 대에서 복제 계수 3: 파티션마다 리더 하나와 팔로워 둘, 팔로워는 리더에게서 가져옵니다(fetch).',
  },
  scenario: {
    json: {
      name: 'Lesson 6: replication',
      description: 'Four brokers; topic payments has four partitions with replication factor 3 and min.insync.replicas=2. The producer pay writes with acks=all; the reader ledger reads it.',
      seed: 3,
      durationMs: 40_000,
      cluster: { brokers: 4, controller: { mode: 'kraft' } },
      topics: [{ name: 'payments', partitions: 4, replicationFactor: 3, config: { 'min.insync.replicas': 2 } }],
      producers: [{ id: 'pay', topic: 'payments', recordsPerSec: 20, keys: { kind: 'pool', size: 40 }, valueBytes: 200, config: { acks: 'all' } }],
      readers: [{ id: 'ledger', topics: ['payments'], config: { 'auto.offset.reset': 'earliest' } }],
      timeline: [],
    },
  },
  steps: [
    {
      atMs: 12_000,
      target: 'partition-payments-0',
      text: {
        en: 'Look at payments-0 in the partition log. Replicas lists the three brokers that hold a copy (replication factor 3); the first is the preferred leader. Leader is the one that takes the writes; the others are followers. Isr lists the replicas that are in sync.',
        ko: '파티션 로그에서 payments-0을 보세요. Replicas에는 복사본을 가진 브로커 세 대가 나옵니다(복제 계수 3). 맨 앞이 선호 리더(preferred leader)입니다. Leader는 쓰기를 받는 복제본이고 나머지는 팔로워입니다. Isr은 동기화된 복제본 목록입니다.',
      },
    },
    {
      target: 'broker-1',
      text: {
        en: 'Now look at the broker cards: each shows its replicas as chips. ★ solid is a leader, outlined is an in-sync follower. With 4 partitions × 3 replicas there are 12 chips on 4 brokers.',
        ko: '이제 브로커 카드를 보세요. 카드마다 복제본이 칩으로 표시됩니다. ★가 있는 진한 칩이 리더, 테두리만 있는 칩이 동기화된 팔로워입니다. 파티션 4개 × 복제본 3개라서 브로커 4대에 칩이 12개 있습니다.',
      },
      question: {
        prompt: { en: 'Can two replicas of the same partition sit on one broker?', ko: '같은 파티션의 복제본 두 개가 한 브로커에 있을 수 있을까요?' },
        choices: [
          { en: 'Yes, when brokers are few', ko: '예, 브로커가 적으면' },
          { en: 'No, each replica is on its own broker', ko: '아니요, 복제본마다 다른 브로커에 있다' },
        ],
        why: [
          { en: 'Kafka never places two replicas of one partition on the same broker: creating a topic with a replication factor above the broker count fails (INVALID_REPLICATION_FACTOR).', ko: 'Kafka는 한 파티션의 복제본 두 개를 같은 브로커에 두지 않습니다. 복제 계수가 브로커 수보다 큰 토픽은 만들 수 없습니다(INVALID_REPLICATION_FACTOR).' },
          { en: 'Each replica of a partition sits on a different broker, so losing one broker loses at most one copy; leaders are spread too, sharing the write load.', ko: '한 파티션의 복제본은 저마다 다른 브로커에 있어 브로커 하나를 잃어도 복사본은 많아야 하나만 잃습니다. 리더도 퍼져 있어 쓰기 부하를 나눕니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Replicas of a partition always go to different brokers: losing one broker loses at most one copy. That is also why the replication factor cannot exceed the number of brokers. Leaders are spread too, so the write load is shared.',
          ko: '한 파티션의 복제본은 언제나 서로 다른 브로커에 놓입니다. 브로커 하나를 잃어도 복사본은 최대 하나만 잃습니다. 그래서 복제 계수는 브로커 수보다 클 수 없습니다. 리더도 고르게 퍼져 있어 쓰기 부하를 나눠 집니다.',
        },
      },
      playUntilMs: 14_000,
      speed: 1,
    },
    {
      target: 'broker-2',
      text: {
        en: 'Watch the links on the map slowly: blue dots are produce requests to leaders, purple dots are replication fetches.',
        ko: '맵의 연결선을 천천히 지켜보세요. 파란 점은 리더로 가는 프로듀스 요청이고, 보라색 점은 복제를 위한 페치(fetch)입니다.',
      },
      question: {
        prompt: { en: 'How do followers get the new records?', ko: '팔로워는 새 레코드를 어떻게 받을까요?' },
        choices: [
          { en: 'The leader pushes each record to them', ko: '리더가 레코드마다 밀어 준다(push)' },
          { en: 'They fetch from the leader', ko: '리더에게서 가져온다(fetch)' },
          { en: 'The producer writes to every replica', ko: '프로듀서가 모든 복제본에 직접 쓴다' },
        ],
        why: [
          { en: 'Kafka replication is pull-based: the leader never sends records on its own, it answers the followers’ Fetch requests.', ko: 'Kafka 복제는 가져가는(pull) 방식입니다. 리더는 스스로 레코드를 보내지 않고 팔로워의 Fetch 요청에 답합니다.' },
          { en: 'Followers send Fetch requests to the leader, as consumers do; their fetch offsets tell the leader how far each one is, which decides the ISR and the high watermark.', ko: '팔로워는 컨슈머처럼 리더에게 Fetch 요청을 보냅니다. 그 페치 오프셋으로 리더는 팔로워마다 어디까지 왔는지 알고, 이것이 ISR과 하이 워터마크를 정합니다.' },
          { en: 'A producer sends each batch to the partition leader only; the blue dots go to leaders, and the followers copy from there.', ko: '프로듀서는 배치를 파티션 리더에게만 보냅니다. 파란 점은 리더로만 가고, 팔로워는 리더에게서 복사합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Followers send Fetch requests to the leader, just as consumers do. The leader learns from their fetch offsets how far each follower is; a follower that keeps up stays in the Isr, and the high watermark moves once every in-sync replica has a record.',
          ko: '팔로워는 컨슈머와 똑같이 리더에게 Fetch 요청을 보냅니다. 리더는 그 페치 오프셋으로 팔로워가 어디까지 왔는지 압니다. 잘 따라오는 팔로워는 Isr에 남고, 모든 동기화 복제본이 레코드를 가지면 하이 워터마크(high watermark)가 올라갑니다.',
        },
      },
      playUntilMs: 16_000,
      speed: 0.5,
    },
    {
      target: 'partition-payments-1',
      text: {
        en: 'In the partition log, each replica of payments-1 has the same log end offset: three full copies. Storage is multiplied by the replication factor: 1 GB of payments takes 3 GB on the cluster.',
        ko: '파티션 로그에서 payments-1의 복제본들은 로그 끝 오프셋이 같습니다. 완전한 복사본이 세 개입니다. 저장 공간은 복제 계수만큼 늘어납니다. payments 1GB가 클러스터에서는 3GB를 차지합니다.',
      },
      playUntilMs: 22_000,
      speed: 2,
    },
    {
      tab: 'console',
      text: {
        en: 'The Console shows kafka-topics.sh --describe: ReplicationFactor: 3 and, per partition, Leader, Replicas and Isr. Lesson 7 crashes a leader and shows what the followers are for.',
        ko: '콘솔 탭에 kafka-topics.sh --describe 결과가 나옵니다. ReplicationFactor: 3이고, 파티션마다 Leader, Replicas, Isr이 있습니다. 레슨 7에서는 리더를 크래시시켜 팔로워가 왜 필요한지 봅니다.',
      },
    },
  ],
  tryThis: [
    { en: 'Click a broker and press Crash on its card: its leader chips move to other brokers and the Isr of its partitions shrinks (lesson 7 looks closer).', ko: '브로커 카드의 크래시를 눌러 보세요. 그 브로커의 리더 칩이 다른 브로커로 옮겨 가고 해당 파티션의 Isr이 줄어듭니다(레슨 7에서 자세히 봅니다).' },
    { en: 'Select a broker and use Slow link towards another broker in the inspector: watch that follower fall behind and leave the Isr.', ko: '브로커를 선택하고 상세 탭의 링크 느리게를 다른 브로커 쪽으로 걸어 보세요. 그 팔로워가 뒤처지다가 Isr에서 빠지는 것을 지켜보세요.' },
    { en: 'In the Console tab compare Replicas and Isr for each payments partition before and after.', ko: '콘솔 탭에서 payments 파티션마다 Replicas와 Isr을 전후로 비교해 보세요.' },
  ],
}
