// Lesson 3: a consumer group shares a topic's partitions among its members, one partition to at
// most one member; an extra member stays idle; two groups read the same topic independently, each
// with its own committed offsets. Runs on a cluster of its own.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'consumer-groups',
  number: 3,
  title: lessonTitle('consumer-groups'),
  summary: {
    en: 'One partition goes to at most one member of a group; an extra member idles; two groups read the same topic independently.',
    ko: '한 파티션은 그룹 안에서 최대 한 멤버에게만 갑니다. 남는 멤버는 쉬고, 두 그룹은 같은 토픽을 서로 독립적으로 읽습니다.',
  },
  scenario: {
    json: {
      name: 'Lesson 3: consumer groups',
      description: 'Topic orders has three partitions. Group search-index starts with three members, group archive with one; both subscribe() to orders. The reader audit uses assign() and belongs to no group.',
      seed: 5,
      durationMs: 60_000,
      cluster: { brokers: 3, controller: { mode: 'kraft' } },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 3, config: { 'min.insync.replicas': 2 } }],
      producers: [{ id: 'checkout', topic: 'orders', recordsPerSec: 30, keys: { kind: 'pool', size: 50 }, valueBytes: 100, config: { acks: 'all' } }],
      consumers: [
        { groupId: 'search-index', topics: ['orders'], members: 3, processingMsPerRecord: 1, config: { 'session.timeout.ms': 10_000, 'auto.offset.reset': 'earliest' } },
        { groupId: 'archive', topics: ['orders'], members: 1, processingMsPerRecord: 40, config: { 'session.timeout.ms': 10_000, 'auto.offset.reset': 'earliest' } },
      ],
      readers: [{ id: 'audit', topics: ['orders'], config: { 'auto.offset.reset': 'earliest' } }],
      timeline: [],
    },
  },
  steps: [
    {
      atMs: 12_000,
      target: 'group-search-index',
      text: {
        en: 'Look at the group search-index on the right of the map: three members, and orders has three partitions. Each member owns exactly one partition (its assignment). Together they read the whole topic.',
        ko: '맵 오른쪽의 search-index 그룹을 보세요. 멤버가 셋이고 orders 토픽에는 파티션이 셋 있습니다. 멤버마다 파티션을 정확히 하나씩 맡습니다(할당, assignment). 함께 토픽 전체를 읽습니다.',
      },
    },
    {
      target: 'group-search-index',
      actions: [{ action: 'addConsumer', groupId: 'search-index' }],
      text: {
        en: 'A fourth member, search-index-4, starts and joins the group. The coordinator rebalances and hands out the three partitions again.',
        ko: '네 번째 멤버 search-index-4가 시작해서 그룹에 참여합니다. 코디네이터가 리밸런싱을 하고 파티션 세 개를 다시 나눠 줍니다.',
      },
      question: {
        prompt: { en: 'Four members, three partitions. What happens?', ko: '멤버 넷, 파티션 셋. 어떻게 될까요?' },
        choices: [
          { en: 'Two members share one partition', ko: '두 멤버가 한 파티션을 나눠 읽는다' },
          { en: 'One member gets no partition', ko: '한 멤버는 파티션을 받지 못한다' },
          { en: 'The topic gets a fourth partition', ko: '토픽에 네 번째 파티션이 생긴다' },
        ],
        why: [
          { en: 'In a consumer group each partition is assigned to at most one member, so one consumer reads it in order. (Only the newer share groups, KIP-932, let members share a partition.)', ko: '컨슈머 그룹에서 파티션은 많아야 멤버 하나에게 할당되어, 컨슈머 하나가 순서대로 읽습니다. (멤버가 파티션을 나눠 읽는 것은 새로운 share group, KIP-932뿐입니다.)' },
          { en: 'Three partitions, four members: the assignor gives three members one partition each and the fourth none. It still heartbeats and takes over if an owner leaves.', ko: '파티션 셋, 멤버 넷이면 할당기는 세 멤버에게 하나씩 주고 네 번째에게는 주지 않습니다. 그 멤버도 하트비트를 보내며 담당 멤버가 나가면 이어받습니다.' },
          { en: 'Consumers never change a topic. Only an admin adds partitions (kafka-topics --alter --partitions), as lesson 12 shows.', ko: '컨슈머는 토픽을 바꾸지 않습니다. 파티션은 관리자만 늘릴 수 있습니다(kafka-topics --alter --partitions, 레슨 12).' },
        ],
        answer: 1,
        explain: {
          en: 'Within a group, a partition goes to at most one member, so per-partition order is kept. The extra member still heartbeats and would take over if an owner left: more members than partitions add no speed.',
          ko: '그룹 안에서 한 파티션은 최대 한 멤버에게만 갑니다. 그래서 파티션 안의 순서가 지켜집니다. 남는 멤버도 하트비트를 보내며, 담당 멤버가 빠지면 대신 맡습니다. 파티션보다 멤버가 많아도 빨라지지 않습니다.',
        },
      },
      playUntilMs: 20_000,
      speed: 2,
    },
    {
      target: 'group-archive',
      text: {
        en: 'Now look at the group archive: a single member reading the same topic orders, slowly (40 ms per record, slower than the producer writes).',
        ko: '이제 archive 그룹을 보세요. 멤버 하나가 같은 orders 토픽을 천천히(레코드당 40ms, 프로듀서가 쓰는 속도보다 느리게) 읽습니다.',
      },
      question: {
        prompt: { en: 'search-index already reads orders. What does archive get?', ko: 'search-index가 이미 orders를 읽고 있습니다. archive는 무엇을 받을까요?' },
        choices: [
          { en: 'Every record of all three partitions', ko: '세 파티션의 모든 레코드' },
          { en: 'Only what search-index has not read', ko: 'search-index가 읽지 않은 레코드만' },
          { en: 'Nothing while search-index reads', ko: 'search-index가 읽는 동안은 아무것도' },
        ],
        why: [
          { en: 'Each group has its own assignment and its own committed offsets, so archive gets every record of orders, whatever search-index does.', ko: '그룹마다 할당과 커밋된 오프셋이 따로 있습니다. archive는 search-index와 상관없이 orders의 모든 레코드를 받습니다.' },
          { en: 'Groups do not split records between them and reading deletes nothing: search-index’s offsets are its own, and archive never sees them.', ko: '그룹끼리 레코드를 나눠 갖지 않고, 읽어도 지워지지 않습니다. search-index의 오프셋은 그 그룹만의 것이고 archive와는 무관합니다.' },
          { en: 'The one-member-per-partition rule holds inside one group only; any number of groups may read the same partition at the same time.', ko: '“파티션당 한 멤버” 규칙은 한 그룹 안에서만 적용됩니다. 여러 그룹이 같은 파티션을 동시에 읽을 수 있습니다.' },
        ],
        answer: 0,
        explain: {
          en: 'Groups are independent: each gets every record and commits its own offsets. The “one member per partition” rule holds inside one group only. Kafka keeps the records after they are read, so any number of groups can read them.',
          ko: '그룹은 서로 독립적입니다. 각 그룹이 모든 레코드를 받고 자기 오프셋을 따로 커밋합니다. “파티션당 한 멤버” 규칙은 한 그룹 안에서만 적용됩니다. Kafka는 읽은 뒤에도 레코드를 보관하므로 몇 개의 그룹이든 읽을 수 있습니다.',
        },
      },
      playUntilMs: 30_000,
      speed: 2,
    },
    {
      tab: 'groups',
      target: 'group-archive',
      text: {
        en: 'The Groups tab shows the kafka-consumer-groups --describe table of each group: the same partitions, but each group has its own CURRENT-OFFSET and LAG. archive reads slower than checkout writes, so its LAG keeps growing.',
        ko: '그룹 탭에 그룹마다 kafka-consumer-groups --describe 표가 나옵니다. 파티션은 같지만 그룹마다 CURRENT-OFFSET과 LAG이 따로 있습니다. archive는 checkout이 쓰는 속도보다 느리게 읽으므로 LAG이 계속 커집니다.',
      },
      playUntilMs: 36_000,
      speed: 2,
    },
    {
      select: { kind: 'reader', id: 'audit' },
      text: {
        en: 'audit is not in a group: it calls assign() and picks its partitions itself, so no coordinator balances anything for it. Members of a group call subscribe() and let the group coordinator assign partitions.',
        ko: 'audit은 그룹에 속하지 않습니다. assign()을 호출해 파티션을 직접 고르므로 코디네이터가 나눠 주지 않습니다. 그룹 멤버는 subscribe()를 호출하고 그룹 코디네이터가 파티션을 할당하게 합니다.',
      },
    },
  ],
  tryThis: [
    { en: 'In the Groups tab press “+ Add consumer” on archive and watch its LAG in the describe table: two members now read its three partitions in parallel.', ko: '그룹 탭에서 archive의 “+ 컨슈머 추가”를 누르고 describe 표의 LAG을 보세요. 이제 멤버 둘이 파티션 세 개를 나눠 병렬로 읽습니다.' },
    { en: 'Click a search-index member that owns a partition and press Crash in the inspector: after session.timeout.ms the group rebalances and the member that was idle gets a partition.', ko: '파티션을 맡은 search-index 멤버를 클릭하고 상세 탭에서 크래시를 누르세요. session.timeout.ms가 지나면 그룹이 리밸런싱하고 쉬던 멤버도 파티션을 받습니다.' },
  ],
}
