// Lesson 18: the KIP-848 consumer group protocol (group.protocol=consumer, Kafka 4.x) beside the
// classic one. The coordinator computes the target assignment; members revoke only what moves, at
// their next heartbeat, and keep reading the rest; the newcomer takes the freed partitions at its own
// next heartbeat. Group epoch, member epochs, Reconciling, then a crash fenced after
// group.consumer.session.timeout.ms (Assigning until the next heartbeat computes a new target).
// Runs on the built-in rebalance-without-stopping scenario.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'rebalancing-without-stopping',
  number: 18,
  title: lessonTitle('rebalancing-without-stopping'),
  summary: {
    en: 'Kafka 4.x’s consumer protocol (KIP-848): the coordinator assigns, members give up only what moves, and nobody else stops reading.',
    ko: 'Kafka 4.x의 consumer 프로토콜(KIP-848): 코디네이터가 할당하고, 멤버는 옮겨 갈 것만 내놓으며, 나머지는 읽기를 멈추지 않습니다.',
  },
  scenario: { builtIn: 'rebalance-without-stopping' },
  steps: [
    {
      atMs: 15_000,
      tab: 'groups',
      target: 'group-kip848',
      text: {
        en: 'Two groups read orders (6 partitions). classic uses the classic protocol (JoinGroup, SyncGroup, range: EAGER). kip848 uses group.protocol=consumer (KIP-848): no JoinGroup or SyncGroup, each member just sends ConsumerGroupHeartbeat, and the coordinator itself computes the assignment with its uniform assignor. Its card shows a group epoch (2: one per member that joined) instead of a generation.',
        ko: '두 그룹이 orders(파티션 6개)를 읽습니다. classic은 classic 프로토콜(JoinGroup, SyncGroup, range: EAGER)을 씁니다. kip848은 group.protocol=consumer(KIP-848)를 씁니다. JoinGroup도 SyncGroup도 없이 멤버마다 ConsumerGroupHeartbeat만 보내고, 할당은 코디네이터가 uniform assignor로 직접 계산합니다. 카드에는 generation 대신 그룹 에포크(2: 참여한 멤버마다 하나씩)가 보입니다.',
      },
    },
    {
      target: 'group-kip848',
      text: {
        en: 'At 20 s a third member starts in each group. In kip848 its first heartbeat bumps the group epoch to 3, and the coordinator computes a new target assignment for epoch 3 at once.',
        ko: '20초에 각 그룹에 세 번째 멤버가 시작합니다. kip848에서는 그 멤버의 첫 heartbeat가 그룹 에포크를 3으로 올리고, 코디네이터가 곧바로 에포크 3의 목표 할당을 계산합니다.',
      },
      question: {
        prompt: { en: 'Which members stop reading while their group rebalances?', ko: '그룹이 리밸런싱하는 동안 어느 멤버가 읽기를 멈출까요?' },
        choices: [
          { en: 'Every member of classic; in kip848 only the partitions that move', ko: 'classic은 모든 멤버, kip848은 옮겨 가는 파티션만' },
          { en: 'Every member of both groups', ko: '두 그룹의 모든 멤버' },
          { en: 'Only the new members', ko: '새 멤버만' },
        ],
        why: [
          { en: 'classic is EAGER: every member revokes all its partitions before rejoining. In kip848 a member gives up only what the new target takes from it, and keeps reading the rest.', ko: 'classic은 EAGER라서 모든 멤버가 다시 참여하기 전에 파티션을 전부 내놓습니다. kip848에서는 새 목표 할당이 가져가는 파티션만 내놓고 나머지는 계속 읽습니다.' },
          { en: 'That is the classic EAGER protocol only; KIP-848 was made to end stop-the-world rebalances.', ko: '그것은 classic EAGER 프로토콜뿐입니다. KIP-848은 stop-the-world 리밸런싱을 없애려고 만들어졌습니다.' },
          { en: 'In classic the existing members stop too: EAGER revokes every partition of every member first.', ko: 'classic에서는 기존 멤버도 멈춥니다. EAGER는 모든 멤버의 모든 파티션을 먼저 내놓게 합니다.' },
        ],
        answer: 0,
        explain: {
          en: 'classic went PreparingRebalance → CompletingRebalance → Stable (generation 2) with every partition revoked for a moment. kip848 is Reconciling: kip848-1 and kip848-2 read on, and kip848-3 owns nothing yet.',
          ko: 'classic은 PreparingRebalance → CompletingRebalance → Stable(generation 2)을 거치며 잠시 모든 파티션을 내놓았습니다. kip848은 Reconciling입니다. kip848-1과 kip848-2는 계속 읽고, kip848-3은 아직 아무것도 갖지 않았습니다.',
        },
      },
      playUntilMs: 20_700,
      speed: 0.5,
    },
    {
      target: 'group-kip848',
      text: {
        en: 'Why does kip848-3 own nothing? Its share of the target, orders-2 and orders-5, is still owned by kip848-2 and kip848-1 (state UNRELEASED_PARTITIONS on the coordinator). A partition is never given to a new member before its owner has let it go, so it is never read by two members at once.',
        ko: 'kip848-3은 왜 아무것도 없을까요? 목표 할당에서 받을 orders-2와 orders-5를 아직 kip848-2와 kip848-1이 갖고 있기 때문입니다(코디네이터에서 UNRELEASED_PARTITIONS 상태). 주인이 내놓기 전에는 파티션을 새 멤버에게 주지 않으므로, 두 멤버가 한 파티션을 동시에 읽는 일이 없습니다.',
      },
      question: {
        prompt: { en: 'When does kip848-2 learn that it must give up orders-2?', ko: 'kip848-2는 orders-2를 내놓아야 한다는 것을 언제 알까요?' },
        choices: [
          { en: 'At once, pushed by the coordinator', ko: '즉시, 코디네이터가 알려 줄 때' },
          { en: 'In the answer to its next heartbeat', ko: '다음 heartbeat의 응답에서' },
          { en: 'When it rejoins with JoinGroup', ko: 'JoinGroup으로 다시 참여할 때' },
        ],
        why: [
          { en: 'The coordinator never sends a request to a consumer: members only learn from the answers to their own requests.', ko: '코디네이터는 컨슈머에게 요청을 보내지 않습니다. 멤버는 자기 요청의 응답으로만 알게 됩니다.' },
          { en: 'Each member heartbeats every group.consumer.heartbeat.interval.ms (5 s by default); the answer tells it to keep only orders-0 and orders-1 (UNREVOKED_PARTITIONS).', ko: '멤버는 group.consumer.heartbeat.interval.ms(기본 5초)마다 heartbeat를 보내고, 그 응답이 orders-0, orders-1만 가지라고 알려 줍니다(UNREVOKED_PARTITIONS).' },
          { en: 'KIP-848 members never rejoin for a rebalance: there is no JoinGroup in this protocol.', ko: 'KIP-848 멤버는 리밸런싱 때문에 다시 참여하지 않습니다. 이 프로토콜에는 JoinGroup이 없습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'At 22.5 s kip848-2’s heartbeat answer keeps it at member epoch 2 with orders-0, orders-1 only. It commits its offsets, revokes orders-2 (↺), and its next heartbeat acknowledges: member epoch 3. kip848-1 does the same with orders-5.',
          ko: '22.5초에 kip848-2의 heartbeat 응답은 멤버 에포크 2에 orders-0, orders-1만 두라고 합니다. kip848-2는 오프셋을 커밋하고 orders-2를 반납(↺)한 뒤, 다음 heartbeat로 이를 알립니다. 멤버 에포크 3이 됩니다. kip848-1도 orders-5로 똑같이 합니다.',
        },
      },
      playUntilMs: 22_600,
      speed: 1,
    },
    {
      target: 'group-kip848',
      text: {
        en: 'At kip848-3’s own next heartbeat (25 s) the coordinator hands it orders-2 and orders-5: every member has reached epoch 3 and the group is Stable. Only those two partitions paused, and kip848-1 and kip848-2 never stopped. The price: the hand-over waited for heartbeats (up to 5 s each), where classic finished in half a second by stopping everyone.',
        ko: 'kip848-3의 다음 heartbeat(25초)에서 코디네이터가 orders-2와 orders-5를 넘겨줍니다. 모든 멤버가 에포크 3에 이르러 그룹은 Stable입니다. 멈춘 것은 그 두 파티션뿐이고, kip848-1과 kip848-2는 한 번도 멈추지 않았습니다. 대가도 있습니다. 넘겨주기가 heartbeat(각각 최대 5초)를 기다렸고, classic은 모두를 멈추는 대신 0.5초 만에 끝났습니다.',
      },
      playUntilMs: 25_100,
      speed: 1,
    },
    {
      atMs: 45_000,
      tab: 'console',
      text: {
        en: 'The console runs kafka-consumer-groups --describe --group kip848 --members --verbose as in Kafka 4.x: CURRENT-EPOCH and CURRENT-ASSIGNMENT beside TARGET-EPOCH and TARGET-ASSIGNMENT. Pick it in the console’s list. At 50 s one member of each group crashes.',
        ko: '콘솔에서 Kafka 4.x처럼 kafka-consumer-groups --describe --group kip848 --members --verbose를 실행할 수 있습니다. CURRENT-EPOCH, CURRENT-ASSIGNMENT 옆에 TARGET-EPOCH, TARGET-ASSIGNMENT가 보입니다. 콘솔 목록에서 골라 보세요. 50초에 각 그룹의 멤버 하나가 크래시합니다.',
      },
    },
    {
      tab: 'groups',
      target: 'group-kip848',
      text: {
        en: 'kip848-1 crashed without leaving: its heartbeats just stop. The broker-side group.consumer.session.timeout.ms (45 s) decides when the coordinator fences it.',
        ko: 'kip848-1은 탈퇴하지 않고 크래시했습니다. heartbeat가 끊겼을 뿐입니다. 코디네이터가 언제 이 멤버를 펜스할지는 브로커 쪽 설정 group.consumer.session.timeout.ms(45초)가 정합니다.',
      },
      question: {
        prompt: { en: 'After the coordinator fences kip848-1, what happens to kip848?', ko: '코디네이터가 kip848-1을 펜스하면 kip848은 어떻게 될까요?' },
        choices: [
          { en: 'Assigning, then the next heartbeat computes a new target and the survivors take its partitions', ko: 'Assigning이 되고, 다음 heartbeat에서 새 목표 할당이 계산되어 남은 멤버가 그 파티션을 맡는다' },
          { en: 'PreparingRebalance, and every member rejoins', ko: 'PreparingRebalance가 되고 모든 멤버가 다시 참여한다' },
          { en: 'Its partitions stay unread until it restarts', ko: '다시 시작할 때까지 그 파티션은 읽히지 않는다' },
        ],
        why: [
          { en: 'Fencing bumps the group epoch (4) above the target assignment’s (3): that is Assigning. The next heartbeat from any member computes the epoch-4 target.', ko: '펜스하면 그룹 에포크(4)가 목표 할당 에포크(3)보다 커집니다. 이것이 Assigning입니다. 어느 멤버든 다음 heartbeat가 에포크 4의 목표 할당을 계산합니다.' },
          { en: 'PreparingRebalance and rejoining are the classic protocol; a KIP-848 group only moves epochs.', ko: 'PreparingRebalance와 다시 참여는 classic 프로토콜의 일입니다. KIP-848 그룹은 에포크만 움직입니다.' },
          { en: 'The fenced member’s partitions are released: the coordinator gives them to the members still in the group.', ko: '펜스된 멤버의 파티션은 풀려납니다. 코디네이터가 그룹에 남은 멤버에게 나눠 줍니다.' },
        ],
        answer: 0,
        explain: {
          en: 'At 92.6 s both sessions expire. kip848 goes Assigning (group epoch 4), then at 95.0 s kip848-3’s heartbeat computes the target and takes orders-3; kip848-2 takes orders-4 at its heartbeat (97.6 s): Stable, epoch 4. classic went through PreparingRebalance and generation 3 in one second, stopping both survivors.',
          ko: '92.6초에 두 세션이 만료됩니다. kip848은 Assigning(그룹 에포크 4)이 되고, 95.0초에 kip848-3의 heartbeat가 목표 할당을 계산해 orders-3을 받습니다. kip848-2는 자기 heartbeat(97.6초)에서 orders-4를 받아 에포크 4에서 Stable이 됩니다. classic은 PreparingRebalance와 generation 3을 1초 만에 거쳤지만 남은 두 멤버를 모두 멈췄습니다.',
        },
      },
      playUntilMs: 97_700,
      speed: 8,
    },
  ],
  tryThis: [
    { en: 'Open Compare and choose group.protocol: the same run with every group on the other protocol. Compare “Partition time not read”.', ko: '비교를 열고 group.protocol을 고르세요. 모든 그룹의 프로토콜만 바꾼 같은 실행입니다. “아무도 읽지 않은 파티션 시간”을 비교해 보세요.' },
    { en: 'In the Groups tab press “+ Add consumer” on kip848 several times: each member joining bumps the group epoch, and the members that keep their partitions keep reading.', ko: '그룹 탭에서 kip848에 “+ 컨슈머 추가”를 여러 번 누르세요. 멤버가 참여할 때마다 그룹 에포크가 오르고, 파티션을 유지하는 멤버는 계속 읽습니다.' },
    { en: 'Click the kip848 card and set group.remote.assignor to range in the inspector, then add a consumer: the coordinator switches to contiguous ranges.', ko: 'kip848 카드를 클릭하고 상세 탭에서 group.remote.assignor를 range로 바꾼 뒤 컨슈머를 추가하세요. 코디네이터가 연속된 범위로 나누기 시작합니다.' },
  ],
}
