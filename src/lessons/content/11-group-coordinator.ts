// Lesson 11: the group coordinator. A group's coordinator is the leader of the __consumer_offsets
// partition its group id hashes to; when that broker fails, the partition's new leader loads the
// group and its offsets, members find it with FindCoordinator, and a broker that is no longer the
// coordinator answers NOT_COORDINATOR.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'group-coordinator',
  number: 11,
  title: lessonTitle('group-coordinator'),
  summary: {
    en: 'Which broker coordinates group billing, what happens when it crashes, and why members get NOT_COORDINATOR when the coordinator moves.',
    ko: '어느 브로커가 billing 그룹을 코디네이트하는지, 그 브로커가 죽으면 어떻게 되는지, 코디네이터가 옮겨 가면 멤버가 왜 NOT_COORDINATOR를 받는지 봅니다.',
  },
  scenario: { builtIn: 'coordinator-failover' },
  steps: [
    {
      text: {
        en: 'Group billing has three members reading orders; watch them join. Its coordinator is found like this: the Java hashCode of "billing", made positive, modulo 50 (the partitions of __consumer_offsets) is 9; the leader of __consumer_offsets-9 — broker 1 — is the coordinator. Members ask any broker FindCoordinator, then join, heartbeat and commit offsets there.',
        ko: 'billing 그룹은 멤버 세 개로 orders를 읽습니다. 멤버들이 조인하는 모습을 보세요. 코디네이터는 이렇게 정해집니다. "billing"의 Java hashCode를 양수로 만들어 50(__consumer_offsets의 파티션 수)으로 나눈 나머지가 9이고, __consumer_offsets-9의 리더인 브로커 1이 코디네이터입니다. 멤버는 아무 브로커에 FindCoordinator를 물은 뒤, 그 브로커에 조인하고 하트비트와 오프셋 커밋을 보냅니다.',
      },
      target: 'group-billing',
      atMs: 2000,
      playUntilMs: 6000,
    },
    {
      text: {
        en: 'At 20 s broker 1, the coordinator, crashes.',
        ko: '20초에 코디네이터인 브로커 1이 죽습니다.',
      },
      target: 'broker-1',
      question: {
        prompt: { en: 'What happens to group billing?', ko: 'billing 그룹은 어떻게 될까요?' },
        choices: [
          { en: 'The group is lost and starts over', ko: '그룹이 사라지고 처음부터 다시 시작한다' },
          { en: 'A new coordinator takes the group over', ko: '새 코디네이터가 그룹을 이어받는다' },
          { en: 'Each member coordinates itself', ko: '멤버마다 스스로 코디네이터가 된다' },
        ],
        why: [
          { en: 'The group’s state and committed offsets live in __consumer_offsets-9, which is replicated: nothing is lost with broker 1, and the generation stays the same.', ko: '그룹 상태와 커밋된 오프셋은 복제되는 __consumer_offsets-9에 있습니다. 브로커 1과 함께 사라지는 것은 없고 generation도 그대로입니다.' },
          { en: 'Once broker 1 is fenced, broker 2 leads __consumer_offsets-9, loads group billing and its offsets from it, and the members find it with FindCoordinator; no rebalance.', ko: '브로커 1이 펜싱되면 브로커 2가 __consumer_offsets-9의 리더가 되어 billing 그룹과 오프셋을 읽어 들이고, 멤버들은 FindCoordinator로 찾아갑니다. 리밸런싱은 없습니다.' },
          { en: 'A group always has one coordinator, a broker: the leader of the group’s __consumer_offsets partition. Members can only find it and talk to it.', ko: '그룹의 코디네이터는 언제나 브로커 하나, 즉 그룹의 __consumer_offsets 파티션 리더입니다. 멤버는 그 브로커를 찾아 요청할 뿐입니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The group lives in __consumer_offsets-9, which is replicated. When the controller fences broker 1 (9 s) it makes broker 2 the leader; broker 2 loads the group and its committed offsets from the partition, and the members find it with FindCoordinator. Same generation, no rebalance.',
          ko: '그룹 정보는 복제되는 __consumer_offsets-9에 있습니다. 컨트롤러가 브로커 1을 펜싱하면(9초) 브로커 2를 리더로 만들고, 브로커 2는 파티션에서 그룹과 커밋된 오프셋을 읽어 들입니다. 멤버들은 FindCoordinator로 새 코디네이터를 찾습니다. generation은 그대로이고 리밸런싱도 없습니다.',
        },
      },
      playUntilMs: 28200,
      speed: 2,
    },
    {
      text: {
        en: 'The Events tab shows it step by step: the members lose the coordinator (NETWORK_EXCEPTION), __consumer_offsets-9 gets leader 2, broker 2 loads group billing, and each member finds broker 2. Without a coordinator the members still read partitions whose leaders were alive; their commits and heartbeats waited.',
        ko: '이벤트 탭에서 순서대로 볼 수 있습니다. 멤버들이 코디네이터를 잃고(NETWORK_EXCEPTION), __consumer_offsets-9의 리더가 2가 되고, 브로커 2가 billing 그룹을 읽어 들이고, 멤버마다 브로커 2를 찾습니다. 코디네이터가 없는 동안에도 멤버들은 리더가 살아 있는 파티션은 계속 읽었고, 커밋과 하트비트는 기다렸습니다.',
      },
      tab: 'events',
    },
    {
      text: {
        en: 'Broker 1 returns at 50 s. It catches up and rejoins the ISR of __consumer_offsets-9, but only as a follower: broker 2 stays the coordinator.',
        ko: '50초에 브로커 1이 돌아옵니다. 따라잡아 __consumer_offsets-9의 ISR에 다시 들어가지만 팔로워일 뿐이고, 코디네이터는 여전히 브로커 2입니다.',
      },
      target: 'broker-1',
      playUntilMs: 54000,
      speed: 2,
    },
    {
      text: {
        en: 'Now an operator runs a preferred leader election for every partition (kafka-leader-election.sh --election-type preferred --all-topic-partitions): broker 1, the first replica of __consumer_offsets-9, leads it again.',
        ko: '이제 운영자가 모든 파티션에 선호 리더 선출(kafka-leader-election.sh --election-type preferred --all-topic-partitions)을 실행합니다. __consumer_offsets-9의 첫 번째 복제본인 브로커 1이 다시 리더가 됩니다.',
      },
      target: 'group-billing',
      atMs: 56000,
      actions: [{ action: 'electPreferredLeaders' }],
      question: {
        prompt: {
          en: 'The members still send heartbeats to broker 2. What does broker 2 answer?',
          ko: '멤버들은 아직 브로커 2에 하트비트를 보냅니다. 브로커 2는 뭐라고 답할까요?',
        },
        choices: [
          { en: 'NOT_COORDINATOR, and the members find broker 1', ko: 'NOT_COORDINATOR, 멤버들이 브로커 1을 찾는다' },
          { en: 'No error, it forwards them to broker 1', ko: '오류 없이 브로커 1에 전달한다' },
          { en: 'NOT_LEADER_OR_FOLLOWER, and the group rebalances', ko: 'NOT_LEADER_OR_FOLLOWER, 그리고 그룹이 리밸런싱한다' },
        ],
        why: [
          { en: 'Broker 2 no longer leads __consumer_offsets-9, so it unloads the group and answers NOT_COORDINATOR; each member runs FindCoordinator again and moves to broker 1.', ko: '브로커 2는 더 이상 __consumer_offsets-9의 리더가 아니라서 그룹을 내려놓고 NOT_COORDINATOR로 답합니다. 멤버마다 FindCoordinator를 다시 보내 브로커 1로 옮깁니다.' },
          { en: 'Brokers do not forward group requests to each other: a broker that is not the coordinator answers with an error and the client looks the coordinator up again.', ko: '브로커끼리 그룹 요청을 전달하지 않습니다. 코디네이터가 아닌 브로커는 오류로 답하고, 클라이언트가 코디네이터를 다시 찾습니다.' },
          { en: 'NOT_LEADER_OR_FOLLOWER answers produce and fetch requests for a partition; group requests get NOT_COORDINATOR, and a coordinator move does not rebalance the group.', ko: 'NOT_LEADER_OR_FOLLOWER는 파티션에 대한 produce·fetch 요청의 오류입니다. 그룹 요청은 NOT_COORDINATOR를 받고, 코디네이터가 옮겨 가도 그룹은 리밸런싱하지 않습니다.' },
        ],
        answer: 0,
        explain: {
          en: 'Broker 2 no longer leads __consumer_offsets-9, so it unloads the group and answers NOT_COORDINATOR. Each member looks up the coordinator again and finds broker 1, which has loaded the group: no rebalance, same generation.',
          ko: '브로커 2는 더 이상 __consumer_offsets-9의 리더가 아니므로 그룹을 내려놓고 NOT_COORDINATOR로 답합니다. 멤버마다 코디네이터를 다시 찾아 그룹을 읽어 들인 브로커 1로 옮깁니다. 리밸런싱 없이 generation도 그대로입니다.',
        },
      },
      playUntilMs: 58000,
    },
  ],
  tryThis: [
    { en: 'Press Crash on broker 1’s card again and follow group billing in the Events tab: the coordinator moves, the generation does not change.', ko: '브로커 1 카드의 크래시를 다시 누르고 이벤트 탭에서 billing 그룹을 따라가 보세요. 코디네이터는 옮겨 가지만 generation은 바뀌지 않습니다.' },
    { en: 'In the Groups tab press “+ Add consumer” on billing: the new member finds the coordinator with FindCoordinator and the group rebalances to a new generation.', ko: '그룹 탭에서 billing의 “+ 컨슈머 추가”를 누르세요. 새 멤버가 FindCoordinator로 코디네이터를 찾고, 그룹은 새 generation으로 리밸런싱합니다.' },
  ],
}
