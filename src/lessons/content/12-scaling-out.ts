// Lesson 12: scaling out. Consumers scale up to the partition count (an extra member idles);
// adding partitions lets more members work but moves keys to other partitions; after a broker
// restart its leaderships stay elsewhere until a preferred leader election gives them back; a new
// broker hosts nothing until partitions are reassigned to it, and leads them after another election.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'scaling-out',
  number: 12,
  title: lessonTitle('scaling-out'),
  summary: {
    en: 'Add a consumer beyond the partition count, add partitions (keys move), balance leaders with a preferred leader election, then add a broker and move partitions onto it.',
    ko: '파티션 수보다 많은 컨슈머를 추가하고, 파티션을 늘리고(키가 옮겨 갑니다), 선호 리더 선출로 리더를 고르게 나눈 뒤, 브로커를 추가해 파티션을 옮깁니다.',
  },
  scenario: { builtIn: 'add-partitions-rebalance' },
  steps: [
    {
      text: {
        en: 'orders has 3 partitions and group billing has 3 members: one partition each. A group reads in parallel by giving each partition to exactly one member. Let us add a fourth member to billing.',
        ko: 'orders에는 파티션이 3개, billing 그룹에는 멤버가 3개 있어 하나씩 맡습니다. 그룹은 파티션마다 멤버 하나에게만 맡겨 병렬로 읽습니다. billing에 네 번째 멤버를 추가해 봅시다.',
      },
      tab: 'groups',
      atMs: 8000,
      actions: [{ action: 'addConsumer', groupId: 'billing' }],
      question: {
        prompt: { en: 'What does the new member get after the rebalance?', ko: '리밸런싱이 끝나면 새 멤버는 무엇을 맡을까요?' },
        choices: [
          { en: 'Half of another member’s partition', ko: '다른 멤버 파티션의 절반' },
          { en: 'Nothing, it stays idle', ko: '아무것도 맡지 않고 쉰다' },
          { en: 'A copy of every partition', ko: '모든 파티션의 복사본' },
        ],
        why: [
          { en: 'A partition is never split between members of one group: it goes to at most one member, which reads it in order.', ko: '한 그룹 안에서 파티션은 나뉘지 않습니다. 많아야 멤버 하나에게 가고, 그 멤버가 순서대로 읽습니다.' },
          { en: 'Three partitions, four members: one gets nothing. A group scales only up to the partition count; the spare member heartbeats and takes over if another leaves.', ko: '파티션 셋, 멤버 넷이면 하나는 받지 못합니다. 그룹은 파티션 수까지만 늘어나고, 남는 멤버는 하트비트를 보내다가 다른 멤버가 나가면 이어받습니다.' },
          { en: 'Reading every partition is what a separate group does; inside billing the partitions are divided among the members, never copied.', ko: '모든 파티션을 읽는 것은 별도의 그룹입니다. billing 안에서는 파티션을 멤버끼리 나눌 뿐 복사하지 않습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'A partition goes to at most one member of a group, so consumers scale only up to the partition count. The fourth member heartbeats and waits; it would take over if a member left.',
          ko: '파티션은 그룹 안에서 많아야 멤버 하나에게만 가므로, 컨슈머는 파티션 수까지만 늘릴 의미가 있습니다. 네 번째 멤버는 하트비트만 보내며 기다리다가, 다른 멤버가 나가면 그 일을 넘겨받습니다.',
        },
      },
      playUntilMs: 9000,
    },
    {
      text: {
        en: 'At 20 s orders grows to 6 partitions (kafka-topics --alter --partitions 6). When the group leader sees the new count in its metadata (metadata.max.age.ms, 10 s here) the group rebalances: now all four members have work.',
        ko: '20초에 orders가 파티션 6개로 늘어납니다(kafka-topics --alter --partitions 6). 그룹 리더가 메타데이터(여기서는 metadata.max.age.ms 10초)에서 늘어난 파티션 수를 보면 그룹이 리밸런싱하고, 이제 네 멤버 모두 일을 맡습니다.',
      },
      target: 'group-billing',
      question: {
        prompt: {
          en: 'A key\'s partition is murmur2(key) modulo the partition count. What happens to records with the same key after the change?',
          ko: '키의 파티션은 murmur2(key)를 파티션 수로 나눈 나머지입니다. 변경 뒤 같은 키의 레코드는 어떻게 될까요?',
        },
        choices: [
          { en: 'They stay in their old partition', ko: '예전 파티션에 그대로 간다' },
          { en: 'Many keys move to another partition', ko: '많은 키가 다른 파티션으로 옮겨 간다' },
          { en: 'Kafka moves the old records too', ko: 'Kafka가 예전 레코드도 옮긴다' },
        ],
        why: [
          { en: 'The producer now computes murmur2(key) mod 6, which differs from mod 3 for many keys; nothing remembers a key’s old partition.', ko: '프로듀서는 이제 murmur2(key) mod 6을 계산하고, 많은 키에서 mod 3과 결과가 다릅니다. 키의 예전 파티션을 기억하는 곳은 없습니다.' },
          { en: 'mod 6 differs from mod 3 for many keys, so a key’s new records can land in another partition than its old ones: per-key order across the change is not guaranteed.', ko: 'mod 6은 많은 키에서 mod 3과 다르므로 같은 키의 새 레코드가 예전 것과 다른 파티션에 갈 수 있습니다. 변경 전후 키별 순서는 보장되지 않습니다.' },
          { en: 'Adding partitions never moves existing records: old records stay where they were written, and the new partitions start empty.', ko: '파티션을 늘려도 기존 레코드는 옮겨지지 않습니다. 예전 레코드는 쓰인 자리에 남고 새 파티션은 비어서 시작합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'murmur2 mod 6 differs from mod 3 for many keys, and old records never move. Plan the partition count ahead for keyed topics.',
          ko: 'murmur2 mod 6은 많은 키에서 mod 3과 다르고, 예전 레코드는 옮겨지지 않습니다. 키가 있는 토픽은 파티션 수를 미리 넉넉히 정하세요.',
        },
      },
      playUntilMs: 27000,
      speed: 2,
    },
    {
      text: {
        en: 'Each broker leads two partitions of orders. At 30 s broker 2 crashes; once it is fenced its two leaderships move to broker 3. The Metrics tab shows leaders per broker.',
        ko: '지금은 브로커마다 orders 파티션 두 개의 리더입니다. 30초에 브로커 2가 죽고, 펜싱되면 그 리더 두 개가 브로커 3으로 옮겨 갑니다. 메트릭 탭에서 브로커별 리더 수를 볼 수 있습니다.',
      },
      tab: 'metrics',
      target: 'chart-leaders',
      atMs: 30000,
      actions: [{ action: 'crashBroker', broker: 2 }],
      playUntilMs: 39500,
      speed: 2,
    },
    {
      text: {
        en: 'Broker 2 restarts and rejoins every ISR, but leads nothing: a returning broker does not take its leaderships back by itself, so broker 3 carries twice its share.',
        ko: '브로커 2가 다시 시작해 모든 ISR에 들어가지만 리더는 하나도 없습니다. 돌아온 브로커가 리더를 스스로 되찾지는 않으므로 브로커 3이 두 배의 몫을 짊어집니다.',
      },
      target: 'broker-2',
      atMs: 42000,
      actions: [{ action: 'restartBroker', broker: 2 }],
      playUntilMs: 45500,
    },
    {
      text: {
        en: 'The preferred leader is the first broker in a partition\'s replica list. A preferred leader election gives broker 2 its two partitions back: the operator runs kafka-leader-election.sh --election-type preferred, and with auto.leader.rebalance.enable the controller also runs one every leader.imbalance.check.interval.seconds (300 s).',
        ko: '선호 리더는 파티션 복제본 목록의 첫 번째 브로커입니다. 선호 리더 선출을 하면 브로커 2가 파티션 두 개의 리더를 되찾습니다. 운영자는 kafka-leader-election.sh --election-type preferred를 실행하고, auto.leader.rebalance.enable이 켜져 있으면 컨트롤러도 leader.imbalance.check.interval.seconds(300초)마다 실행합니다.',
      },
      tab: 'metrics',
      target: 'chart-leaders',
      atMs: 47000,
      actions: [{ action: 'electPreferredLeaders', topic: 'orders' }],
      playUntilMs: 47500,
    },
    {
      text: {
        en: 'To scale the cluster out, a fourth broker joins (addBroker). It registers with the controller, stays fenced until it has replayed the metadata, and is then unfenced — and hosts nothing: Kafka never moves existing partitions to a new broker by itself.',
        ko: '클러스터를 키우려고 네 번째 브로커가 들어옵니다(addBroker). 컨트롤러에 등록하고, 메타데이터를 따라잡을 때까지 펜싱되었다가 풀립니다. 그런데 아무 파티션도 맡지 않습니다. Kafka는 기존 파티션을 새 브로커로 스스로 옮기지 않습니다.',
      },
      target: 'broker-4',
      atMs: 50000,
      actions: [{ action: 'addBroker' }],
      playUntilMs: 54000,
    },
    {
      text: {
        en: 'The operator moves two partitions onto it (kafka-reassign-partitions --execute): orders-0 from brokers 3,1,2 to 4,3,1 and orders-1 from 1,2,3 to 4,1,2. Broker 4 is added beside the old replicas, copies the log and joins the ISR; in that same change the replica it replaces leaves and deletes its log. The ISR never drops below min.insync.replicas, and the leaders stay where they were.',
        ko: '운영자가 파티션 두 개를 새 브로커로 옮깁니다(kafka-reassign-partitions --execute). orders-0은 브로커 3,1,2에서 4,3,1로, orders-1은 1,2,3에서 4,1,2로 갑니다. 브로커 4가 기존 복제본 옆에 추가되어 로그를 복사하고 ISR에 들어오면, 같은 변경에서 대체되는 복제본이 빠지고 로그를 지웁니다. ISR은 min.insync.replicas 아래로 내려가지 않고, 리더는 그대로입니다.',
      },
      target: 'broker-4',
      atMs: 56000,
      actions: [
        { action: 'reassignPartitions', topic: 'orders', partition: 0, replicas: [4, 3, 1] },
        { action: 'reassignPartitions', topic: 'orders', partition: 1, replicas: [4, 1, 2] },
      ],
      playUntilMs: 58000,
    },
    {
      text: {
        en: 'Broker 4 is now the preferred leader (first replica) of both, marked P, but leads neither. One more preferred leader election balances the leaders: broker 4 takes orders-0 and orders-1.',
        ko: '이제 브로커 4가 두 파티션의 선호 리더(첫 번째 복제본, P 표시)지만 아직 리더는 아닙니다. 선호 리더 선출을 한 번 더 하면 리더가 고르게 나뉘어 브로커 4가 orders-0과 orders-1의 리더가 됩니다.',
      },
      tab: 'metrics',
      target: 'chart-leaders',
      atMs: 60000,
      actions: [{ action: 'electPreferredLeaders', topic: 'orders' }],
      playUntilMs: 60500,
    },
  ],
  tryThis: [
    { en: 'Press Crash on broker 3’s card and watch the leaders per broker in the Metrics tab; then Restart it and press Elect preferred leaders.', ko: '브로커 3 카드의 크래시를 누르고 지표 탭에서 브로커별 리더 수를 보세요. 그다음 재시작하고 preferred leader 선출을 누르세요.' },
    { en: 'In the Groups tab press “+ Add consumer” on billing until it has seven members: six partitions keep six busy and the seventh idles.', ko: '그룹 탭에서 billing의 “+ 컨슈머 추가”를 멤버가 일곱이 될 때까지 누르세요. 파티션 여섯이 여섯 멤버를 바쁘게 하고 일곱 번째는 쉽니다.' },
  ],
}
