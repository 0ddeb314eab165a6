// Lesson 4: the group coordinator rebalances when a member joins or its session times out:
// JoinGroup, SyncGroup, a new generation. An EAGER (range) group stops reading during a rebalance;
// a COOPERATIVE (cooperative-sticky) group keeps reading and moves only what must move.
// Runs on the built-in eager-vs-cooperative scenario, plus a crash the lesson adds.

import type { Lesson } from '../types.ts'

export const lesson: Lesson = {
  id: 'rebalancing',
  number: 4,
  title: { en: 'Rebalancing', ko: '리밸런싱' },
  summary: {
    en: 'A member joins or crashes and the coordinator rebalances: eager groups stop reading, cooperative-sticky moves only what must move.',
    ko: '멤버가 들어오거나 중단되면 코디네이터가 리밸런싱합니다. eager 그룹은 읽기를 멈추고, cooperative-sticky는 꼭 옮길 것만 옮깁니다.',
  },
  scenario: { builtIn: 'eager-vs-cooperative' },
  steps: [
    {
      atMs: 15_000,
      tab: 'groups',
      target: 'group-eager',
      text: {
        en: 'Two groups read orders (6 partitions), two members each. Look at the group cards: eager uses partition.assignment.strategy=range (EAGER), coop uses cooperative-sticky (COOPERATIVE). Both are Stable in generation 1, three partitions per member.',
        ko: '두 그룹이 orders(파티션 6개)를 멤버 둘씩으로 읽습니다. 그룹 카드를 보세요. eager는 partition.assignment.strategy=range(EAGER), coop은 cooperative-sticky(COOPERATIVE)를 씁니다. 둘 다 generation 1에서 Stable이고 멤버마다 파티션 세 개를 맡습니다.',
      },
    },
    {
      target: 'group-eager',
      text: {
        en: 'At 20 s a third member starts in each group and sends JoinGroup. The coordinator moves both groups to PreparingRebalance. Watch the ❚❚ marks: they show partitions nobody reads.',
        ko: '20초에 각 그룹에 세 번째 멤버가 시작해 JoinGroup을 보냅니다. 코디네이터는 두 그룹을 PreparingRebalance로 바꿉니다. ❚❚ 표시를 보세요. 아무도 읽지 않는 파티션입니다.',
      },
      question: {
        prompt: { en: 'While the rebalance runs, which group stops reading?', ko: '리밸런싱이 진행되는 동안 어느 그룹이 읽기를 멈출까요?' },
        choices: [
          { en: 'eager: every member revokes all its partitions first', ko: 'eager: 모든 멤버가 먼저 자기 파티션을 전부 내놓는다' },
          { en: 'coop', ko: 'coop' },
          { en: 'Both, the same way', ko: '둘 다 똑같이' },
        ],
        answer: 0,
        explain: {
          en: 'EAGER: before rejoining, every member of eager gives up all its partitions, so the whole group stops (stop-the-world). COOPERATIVE (KIP-429): coop’s members keep reading what they own while they rejoin.',
          ko: 'EAGER: eager의 모든 멤버는 다시 참여하기 전에 파티션을 전부 내놓으므로 그룹 전체가 멈춥니다(stop-the-world). COOPERATIVE(KIP-429): coop의 멤버는 다시 참여하는 동안에도 가진 파티션을 계속 읽습니다.',
        },
      },
      playUntilMs: 20_300,
      speed: 2,
    },
    {
      target: 'group-eager',
      text: {
        en: 'JoinGroup collects the members; the coordinator picks a leader member, which computes the assignment; SyncGroup hands it out. Watch eager go PreparingRebalance → CompletingRebalance → Stable with generation 2: two partitions per member.',
        ko: 'JoinGroup으로 멤버를 모으고, 코디네이터가 리더 멤버를 정하면 리더 멤버가 할당을 계산합니다. SyncGroup이 그 할당을 나눠 줍니다. eager가 PreparingRebalance → CompletingRebalance → Stable로 바뀌고 generation 2에서 멤버마다 파티션 두 개를 갖는 것을 보세요.',
      },
      playUntilMs: 20_700,
      speed: 0.2,
    },
    {
      target: 'group-coop',
      text: {
        en: 'Now coop. In generation 2 the new member coop-3 got nothing: the members first revoke only the partitions that must move (orders-4, orders-5).',
        ko: '이제 coop을 보세요. generation 2에서 새 멤버 coop-3은 아무것도 받지 못했습니다. 멤버들은 먼저 옮겨야 할 파티션(orders-4, orders-5)만 내놓습니다.',
      },
      question: {
        prompt: { en: 'How does coop-3 get its partitions?', ko: 'coop-3은 어떻게 파티션을 받을까요?' },
        choices: [
          { en: 'A second rebalance hands it the revoked partitions', ko: '두 번째 리밸런싱에서 내놓은 파티션을 받는다' },
          { en: 'It never does', ko: '끝내 받지 못한다' },
          { en: 'It takes them from the leader broker', ko: '리더 브로커에서 가져온다' },
        ],
        answer: 0,
        explain: {
          en: 'Cooperative rebalancing takes two rounds: revoke what moves, then assign it (generation 3: coop-3 owns orders-4, orders-5). The other four partitions were read the whole time and never changed owner.',
          ko: '협력적(cooperative) 리밸런싱은 두 번에 걸쳐 진행됩니다. 옮길 것을 내놓고, 그다음 그것을 할당합니다(generation 3: coop-3이 orders-4, orders-5를 맡음). 나머지 파티션 네 개는 내내 읽혔고 주인이 바뀌지 않았습니다.',
        },
      },
      playUntilMs: 23_700,
      speed: 1,
    },
    {
      atMs: 30_000,
      actions: [{ action: 'crashConsumer', member: 'eager-1' }],
      target: 'group-eager',
      text: {
        en: 'eager-1 now crashes: no LeaveGroup, its heartbeats just stop. Look at the eager card: eager-1 is down, but the coordinator still counts it, and its partitions orders-0, orders-1 are not read.',
        ko: '이제 eager-1이 중단됩니다. LeaveGroup도 없이 하트비트만 끊깁니다. eager 카드를 보세요. eager-1은 중단되었지만 코디네이터는 아직 멤버로 세고 있고, 그 파티션 orders-0, orders-1은 아무도 읽지 않습니다.',
      },
      question: {
        prompt: { en: 'When does the coordinator rebalance eager?', ko: '코디네이터는 언제 eager를 리밸런싱할까요?' },
        choices: [
          { en: 'At once', ko: '즉시' },
          { en: 'After session.timeout.ms (10 s here) without a heartbeat', ko: '하트비트 없이 session.timeout.ms(여기서는 10초)가 지난 뒤' },
          { en: 'When eager-1 restarts', ko: 'eager-1이 다시 시작할 때' },
        ],
        answer: 1,
        explain: {
          en: 'At 39.6 s the session expires: the coordinator removes eager-1 and rebalances (generation 3); eager-2 and eager-3 take three partitions each. Kafka’s default session.timeout.ms is 45 s: that long, the partitions wait.',
          ko: '39.6초에 세션이 만료되어 코디네이터가 eager-1을 제거하고 리밸런싱합니다(generation 3). eager-2와 eager-3이 파티션을 세 개씩 맡습니다. Kafka의 기본 session.timeout.ms는 45초이며, 그동안 파티션은 기다립니다.',
        },
      },
      playUntilMs: 41_700,
      speed: 4,
    },
  ],
}
