// Lesson 4: the group coordinator rebalances when a member joins or its session times out:
// JoinGroup, SyncGroup, a new generation. An EAGER (range) group stops reading during a rebalance;
// a COOPERATIVE (cooperative-sticky) group keeps reading and moves only what must move.
// Runs on the built-in eager-vs-cooperative scenario, plus a crash the lesson adds.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'rebalancing',
  number: 4,
  title: lessonTitle('rebalancing'),
  summary: {
    en: 'A member joins or crashes and the coordinator rebalances: eager groups stop reading, cooperative-sticky moves only what must move.',
    ko: '멤버가 들어오거나 크래시하면 코디네이터가 리밸런싱합니다. eager 그룹은 읽기를 멈추고, cooperative-sticky는 꼭 옮길 것만 옮깁니다.',
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
          { en: 'eager stops, coop keeps reading', ko: 'eager는 멈추고 coop은 계속 읽는다' },
          { en: 'coop stops, eager keeps reading', ko: 'coop은 멈추고 eager는 계속 읽는다' },
          { en: 'Both stop the same way', ko: '둘 다 똑같이 멈춘다' },
        ],
        why: [
          { en: 'With the EAGER protocol (range) every member revokes all its partitions before it rejoins, so all of eager stops; COOPERATIVE members (KIP-429) keep what they own while they rejoin.', ko: 'EAGER 프로토콜(range)에서는 모든 멤버가 다시 참여하기 전에 파티션을 전부 내놓아 eager 전체가 멈춥니다. COOPERATIVE 멤버(KIP-429)는 다시 참여하는 동안에도 가진 파티션을 유지합니다.' },
          { en: 'cooperative-sticky is the protocol that does not stop: coop’s members keep reading during the rebalance and give up only the partitions that must move.', ko: 'cooperative-sticky가 멈추지 않는 쪽입니다. coop 멤버는 리밸런싱 중에도 계속 읽고, 옮겨야 할 파티션만 내놓습니다.' },
          { en: 'The groups use different protocols: only EAGER revokes every partition up front, while coop keeps reading most of its partitions throughout.', ko: '두 그룹은 프로토콜이 다릅니다. 처음에 파티션을 전부 내놓는 것은 EAGER뿐이고, coop은 내내 대부분의 파티션을 계속 읽습니다.' },
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
          { en: 'In a second rebalance', ko: '두 번째 리밸런싱에서 받는다' },
          { en: 'It never gets any', ko: '끝내 받지 못한다' },
          { en: 'From the partition leaders directly', ko: '파티션 리더 브로커에게서 직접 받는다' },
        ],
        why: [
          { en: 'Cooperative rebalancing takes two rounds: the owners first revoke what must move (orders-4, orders-5), then the next rebalance (generation 3) assigns those to coop-3.', ko: '협력적 리밸런싱은 두 번에 걸쳐 진행됩니다. 먼저 주인이 옮길 파티션(orders-4, orders-5)을 내놓고, 다음 리밸런싱(generation 3)에서 그것을 coop-3에 할당합니다.' },
          { en: 'An empty first assignment is only the halfway point: once the revoked partitions are free, the members rejoin and the next rebalance hands them out.', ko: '첫 할당이 비어 있는 것은 중간 단계일 뿐입니다. 내놓은 파티션이 풀리면 멤버들이 다시 조인하고, 다음 리밸런싱이 그것을 나눠 줍니다.' },
          { en: 'Partition leaders do not assign partitions to consumers: the group’s leader member computes the assignment and the group coordinator hands it out with SyncGroup.', ko: '파티션 리더는 컨슈머에게 파티션을 할당하지 않습니다. 그룹의 리더 멤버가 할당을 계산하고, 그룹 코디네이터가 SyncGroup으로 나눠 줍니다.' },
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
        ko: '이제 eager-1이 크래시합니다. LeaveGroup도 없이 하트비트만 끊깁니다. eager 카드를 보세요. eager-1은 다운됐지만 코디네이터는 아직 멤버로 세고 있고, 그 파티션 orders-0, orders-1은 아무도 읽지 않습니다.',
      },
      question: {
        prompt: { en: 'When does the coordinator rebalance eager?', ko: '코디네이터는 언제 eager를 리밸런싱할까요?' },
        choices: [
          { en: 'At once', ko: '즉시' },
          { en: 'After session.timeout.ms without a heartbeat', ko: '하트비트 없이 session.timeout.ms가 지난 뒤' },
          { en: 'When eager-1 restarts', ko: 'eager-1이 다시 시작할 때' },
        ],
        why: [
          { en: 'A crashed member sends no LeaveGroup, so the coordinator cannot know at once; it only sees the heartbeats stop.', ko: '크래시한 멤버는 LeaveGroup을 보내지 않으므로 코디네이터는 바로 알 수 없습니다. 하트비트가 끊긴 것만 보입니다.' },
          { en: 'The coordinator removes a member after session.timeout.ms (10 s here) without a heartbeat and rebalances: at 39.6 s eager-2 and eager-3 take three partitions each.', ko: '코디네이터는 하트비트 없이 session.timeout.ms(여기서는 10초)가 지나면 멤버를 빼고 리밸런싱합니다. 39.6초에 eager-2와 eager-3이 파티션을 셋씩 맡습니다.' },
          { en: 'The group does not wait for eager-1: its session expires first. A restarted member joins with a new member id, as a new member.', ko: '그룹은 eager-1을 기다리지 않고, 세션이 먼저 만료됩니다. 다시 시작한 멤버는 새 member id로 새 멤버처럼 참여합니다.' },
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
  tryThis: [
    { en: 'In the Groups tab press “+ Add consumer” on coop, then on eager, and compare the ❚❚ marks: eager stops every partition, coop only the ones that move.', ko: '그룹 탭에서 coop과 eager에 차례로 “+ 컨슈머 추가”를 누르고 ❚❚ 표시를 비교하세요. eager는 모든 파티션이 멈추고, coop은 옮겨지는 것만 멈춥니다.' },
    { en: 'Click coop-2 and press Crash in the inspector: its partitions wait for session.timeout.ms, just like eager’s did.', ko: 'coop-2를 클릭하고 상세 탭에서 크래시를 누르세요. eager 때와 똑같이 그 파티션은 session.timeout.ms 동안 기다립니다.' },
    { en: 'Open the Events tab and follow one rebalance: JoinGroup, SyncGroup and the new generation number.', ko: '이벤트 탭을 열고 리밸런싱 하나를 따라가 보세요. JoinGroup, SyncGroup, 그리고 새 generation 번호가 나옵니다.' },
  ],
}
