// Lesson 19: queues in Kafka, share groups (KIP-932, Kafka 4.x) beside a consumer group. More
// members than partitions all work, because each partition's leader hands every record to one member
// at a time (ACQUIRED, locked for group.share.record.lock.duration.ms) and the member acknowledges it
// (ACCEPT → ACKNOWLEDGED, RELEASE → delivered again with a higher delivery count until
// group.share.delivery.count.limit archives it: ARCHIVED). A crashed member's records come back when
// their locks run out (delivery count 2), before group.share.session.timeout.ms removes the member.
// The notes' "a message broker deletes what it delivered, an event broker keeps it": the log keeps
// every record the share group finished, and the consumer group audit reads them all.
// Runs on the built-in share-group-queue scenario; lesson-19.test.ts keeps every step true to the model.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'queues-share-groups',
  number: 19,
  title: lessonTitle('queues-share-groups'),
  summary: {
    en: 'Kafka 4.x’s share groups (KIP-932): more workers than partitions, each record acquired by one worker, acknowledged, released or archived, redelivered after a crash, while the log keeps everything.',
    ko: 'Kafka 4.x의 셰어 그룹(KIP-932): 파티션보다 많은 작업자, 한 작업자만 가져가는 레코드, 확인·재전달·보관(ARCHIVED), 크래시 뒤의 재전달, 그리고 그동안에도 모든 레코드를 간직하는 로그를 봅니다.',
  },
  scenario: { builtIn: 'share-group-queue' },
  steps: [
    {
      atMs: 15_000,
      tab: 'groups',
      target: 'groups-panel-share-workers',
      text: {
        en: 'jobs has 2 partitions, and share group workers (KIP-932) has 4 members. In a consumer group two of them would sit idle: a partition goes to at most one member of a group. The share group’s simple assignor gives each partition to two members instead: workers-2 and workers-4 share jobs-0, workers-1 and workers-3 share jobs-1, and all four have acknowledged records already. Beside it, consumer group audit (one member) reads the same topic.',
        ko: 'jobs에는 파티션이 2개 있고, 셰어 그룹 workers(KIP-932)에는 멤버가 4개 있습니다. 컨슈머 그룹이었다면 둘은 놀고 있었을 것입니다. 한 파티션은 그룹의 멤버 하나에게만 가니까요. 셰어 그룹의 simple assignor는 파티션마다 멤버를 둘씩 붙입니다. workers-2와 workers-4가 jobs-0을, workers-1과 workers-3이 jobs-1을 함께 맡고, 네 멤버 모두 벌써 레코드를 확인(acknowledge)했습니다. 옆에서는 컨슈머 그룹 audit(멤버 1개)이 같은 토픽을 읽습니다.',
      },
    },
    {
      target: 'share-window-jobs-0-workers',
      text: {
        en: 'How do two members work one partition without doing a record twice? Its leader (broker 3 for jobs-0) keeps a state for each record. A ShareFetch hands a record to one member only: ACQUIRED, locked for group.share.record.lock.duration.ms (30 s). The member processes it (300 ms a record) and its next poll acknowledges it: ACCEPT makes it ACKNOWLEDGED. Right now workers-2 and workers-4 both hold records of jobs-0, never the same one. Nothing is committed: the window starts at SPSO, and every record below it is done. jobs-0’s SPSO is 30: record 30 is on its 3rd delivery, while many records after it are already ACKNOWLEDGED.',
        ko: '두 멤버가 한 파티션을 맡으면서 어떻게 같은 레코드를 두 번 처리하지 않을까요? 파티션 리더(jobs-0은 브로커 3)가 레코드마다 상태를 기억합니다. ShareFetch는 레코드를 한 멤버에게만 넘깁니다. 레코드는 ACQUIRED가 되어 group.share.record.lock.duration.ms(30초) 동안 잠깁니다. 멤버가 처리하고(레코드당 300ms) 다음 poll에서 ACCEPT로 확인하면 ACKNOWLEDGED가 됩니다. 지금 workers-2와 workers-4가 둘 다 jobs-0의 레코드를 잡고 있지만, 둘이 같은 레코드를 잡는 일은 없습니다. 커밋하는 오프셋은 없습니다. 창은 SPSO에서 시작하고 그 아래 레코드는 모두 끝난 것입니다. jobs-0의 SPSO는 30입니다. 레코드 30은 세 번째 전달 중이고, 그 뒤의 레코드 여럿은 이미 ACKNOWLEDGED입니다.',
      },
    },
    {
      target: 'share-window-jobs-0-workers',
      text: {
        en: 'Record 30 fails whenever it is processed (in this scenario every offset that is a multiple of 30 does), so its member acknowledges it with RELEASE: it is AVAILABLE again and delivered again, its delivery count one higher. Watch: once its delivery count has reached group.share.delivery.count.limit (5), the next release archives it instead (ARCHIVED): it is never delivered again, and SPSO jumps from 30 to 60, the next failing record. A record that always fails cannot block the queue for ever.',
        ko: '레코드 30은 처리할 때마다 실패합니다(이 시나리오에서는 30의 배수 오프셋이 모두 실패합니다). 그래서 멤버는 RELEASE로 확인하고, 레코드는 다시 AVAILABLE이 되어 전달 횟수가 하나 오른 채 다시 전달됩니다. 지켜보세요. 전달 횟수가 group.share.delivery.count.limit(5)에 이른 뒤에 RELEASE하면 레코드는 보관(ARCHIVED)됩니다. 다시는 전달되지 않고, SPSO는 30에서 다음 실패 레코드인 60으로 뛰어오릅니다. 늘 실패하는 레코드도 큐를 영원히 막지는 못합니다.',
      },
      playUntilMs: 18_400,
      speed: 0.5,
    },
    {
      atMs: 40_100,
      tab: 'groups',
      target: 'groups-panel-share-workers-member-workers-2',
      text: {
        en: 'At 40 s workers-2 crashes, holding 3 records of jobs-0 (190, 191, 193): ACQUIRED, delivery count 1. A crash acknowledges nothing, and the leader cannot tell a crashed member from a slow one.',
        ko: '40초에 workers-2가 jobs-0의 레코드 3개(190, 191, 193)를 ACQUIRED, 전달 횟수 1로 잡은 채 크래시합니다. 크래시한 멤버는 아무것도 확인하지 않고, 리더는 크래시한 멤버와 느린 멤버를 구별하지 못합니다.',
      },
      question: {
        prompt: { en: 'What happens to the 3 records workers-2 held?', ko: 'workers-2가 잡고 있던 레코드 3개는 어떻게 될까요?' },
        choices: [
          { en: 'They are lost', ko: '사라진다' },
          { en: 'Another member gets them at once', ko: '다른 멤버가 곧바로 받는다' },
          { en: 'They stay locked until their locks run out, then another member gets them', ko: '잠금이 풀릴 때까지 묶여 있다가 다른 멤버가 받는다' },
          { en: 'They wait until workers-2 restarts', ko: 'workers-2가 재시작할 때까지 기다린다' },
        ],
        why: [
          { en: 'The leader still has them in its log and in the group’s record states: a record whose lock runs out is AVAILABLE again. Share groups deliver at least once.', ko: '리더의 로그에도, 그룹의 레코드 상태에도 그대로 있습니다. 잠금이 풀린 레코드는 다시 AVAILABLE이 됩니다. 셰어 그룹은 최소 한 번(at-least-once) 전달합니다.' },
          { en: 'Nobody tells the leader about a crash; it only sees that no acknowledgement comes. Only a member that leaves cleanly, closing its share session, hands its records back at once.', ko: '크래시를 리더에게 알려 주는 이는 없습니다. 리더는 확인이 오지 않는다는 것만 압니다. 정상적으로 떠나며 셰어 세션을 닫는 멤버만 레코드를 곧바로 돌려줍니다.' },
          { en: 'Each acquisition lock lasts group.share.record.lock.duration.ms (30 s). When it runs out the record is AVAILABLE again, and the next ShareFetch of any member acquires it, with a delivery count one higher.', ko: '잠금은 group.share.record.lock.duration.ms(30초) 동안 유지됩니다. 잠금이 풀리면 레코드는 다시 AVAILABLE이 되고, 어느 멤버든 다음 ShareFetch가 전달 횟수를 하나 올려 가져갑니다.' },
          { en: 'Records are the group’s, not one member’s: the leader waits for no particular member, and any member of the group may get them once their locks run out.', ko: '레코드는 멤버 하나가 아니라 그룹의 것입니다. 리더는 특정 멤버를 기다리지 않고, 잠금이 풀리면 그룹의 어느 멤버든 받을 수 있습니다.' },
        ],
        answer: 2,
        explain: {
          en: 'For 30 s nothing moved: SPSO stayed at 190 while workers-4 acknowledged the records after it. At 69.7 s (190, 191) and 70.0 s (193) the locks ran out, 30 s after workers-2 acquired them, and the records were AVAILABLE again. At 70.4 s workers-4’s next ShareFetch acquired all three with delivery count 2. Whatever workers-2 had half done is done again: at least once, as when a consumer group resumes from its last commit.',
          ko: '30초 동안은 아무것도 움직이지 않았습니다. workers-4가 그 뒤의 레코드를 확인하는 동안에도 SPSO는 190에 머물렀습니다. workers-2가 가져간 지 30초가 지난 69.7초(190, 191)와 70.0초(193)에 잠금이 풀려 레코드가 다시 AVAILABLE이 되었고, 70.4초에 workers-4의 다음 ShareFetch가 세 레코드를 전달 횟수 2로 가져갔습니다. workers-2가 하다 만 일은 다시 하게 됩니다. 컨슈머 그룹이 마지막 커밋부터 다시 읽을 때와 같은 최소 한 번 전달입니다.',
        },
      },
      playUntilMs: 70_400,
      speed: 4,
    },
    {
      tab: 'groups',
      target: 'groups-panel-share-workers',
      text: {
        en: 'Meanwhile the coordinator (broker 2) still counted workers-2 as a member, until group.share.session.timeout.ms (45 s) passed without a heartbeat. At 82.0 s it removes workers-2: group epoch 5, and the simple assignor spreads 2 partitions over 3 members: jobs-1 to workers-1 and workers-3, jobs-0 to workers-4 alone. The locks (30 s) had handed the records on 12 s earlier. Look at jobs-0: since 40 s workers-4 works it alone, about 3 records a second (300 ms each) while about 5 a second arrive, so records pile up beyond its window.',
        ko: '그동안 코디네이터(브로커 2)는 workers-2를 여전히 멤버로 셌습니다. heartbeat 없이 group.share.session.timeout.ms(45초)가 지나야 내보내기 때문입니다. 82.0초에 workers-2를 내보냅니다. 그룹 에포크는 5가 되고, simple assignor가 파티션 2개를 멤버 3개에게 나눕니다. jobs-1은 workers-1과 workers-3에게, jobs-0은 workers-4 혼자에게 갑니다. 레코드는 그보다 12초 앞서 잠금(30초)이 풀리며 이미 넘어갔습니다. jobs-0을 보세요. 40초부터 workers-4 혼자 맡고 있어서, 초당 약 5개가 들어오는데 약 3개(레코드당 300ms)만 처리합니다. 창 너머로 레코드가 쌓여 갑니다.',
      },
      playUntilMs: 82_500,
      speed: 2,
    },
    {
      target: 'partition-jobs-0',
      text: {
        en: 'A traditional message broker (a queue) deletes a message once a consumer acknowledges it. Kafka is an event broker: it keeps the log. By now workers has finished (ACKNOWLEDGED or ARCHIVED) hundreds of jobs-0’s records, everything below its SPSO, and consumer group audit reads the same records.',
        ko: '전통적인 메시지 브로커(큐)는 컨슈머가 확인한 메시지를 지웁니다. Kafka는 이벤트 브로커라서 로그를 간직합니다. 지금까지 workers는 jobs-0의 레코드 수백 개, 곧 SPSO 아래의 모든 레코드를 끝냈고(ACKNOWLEDGED 또는 ARCHIVED), 컨슈머 그룹 audit은 같은 레코드를 읽습니다.',
      },
      question: {
        prompt: { en: 'What does jobs-0’s log still hold of the records workers has finished?', ko: 'workers가 끝낸 레코드 가운데 jobs-0의 로그에 아직 남아 있는 것은?' },
        choices: [
          { en: 'None of them', ko: '하나도 없다' },
          { en: 'Only the ARCHIVED ones', ko: 'ARCHIVED인 것만' },
          { en: 'All of them', ko: '전부' },
        ],
        why: [
          { en: 'Acknowledging changes only the record’s state in the share group, which the partition leader keeps beside the log; the log itself is not touched.', ko: '확인(acknowledge)은 셰어 그룹 안의 레코드 상태만 바꿉니다. 그 상태는 파티션 리더가 로그와 따로 기억하고, 로그 자체는 그대로입니다.' },
          { en: 'ARCHIVED is a state in the share group as well, not a place the record moves to; ACKNOWLEDGED and ARCHIVED records both stay in the log.', ko: 'ARCHIVED도 셰어 그룹 안의 상태일 뿐 레코드가 옮겨 가는 곳이 아닙니다. ACKNOWLEDGED든 ARCHIVED든 레코드는 로그에 남습니다.' },
          { en: 'Records leave a Kafka log only through retention (retention.ms, retention.bytes) or compaction, never because a group read or acknowledged them. Every group, share or consumer, reads the same log.', ko: 'Kafka 로그에서 레코드가 사라지는 것은 리텐션(retention.ms, retention.bytes)이나 컴팩션 때뿐이고, 어떤 그룹이 읽거나 확인했다고 사라지지는 않습니다. 셰어 그룹이든 컨슈머 그룹이든 모두 같은 로그를 읽습니다.' },
        ],
        answer: 2,
        explain: {
          en: 'At 110 s jobs-0’s log still starts at offset 0 on all three replicas, and its LOG-END-OFFSET is 539. workers’ SPSO is 390, and audit has committed up to 508: it read every record workers finished, and more. A share group gives Kafka a queue’s way of working (one worker per record, acknowledgements, redelivery, a delivery limit) on top of a log that keeps everything, so the same topic serves a queue and an event stream at once.',
          ko: '110초에도 jobs-0의 로그는 세 레플리카 모두 오프셋 0에서 시작하고, LOG-END-OFFSET은 539입니다. workers의 SPSO는 390이고, audit은 508까지 커밋했습니다. workers가 끝낸 레코드를 모두, 그리고 그보다 더 읽었습니다. 셰어 그룹은 모든 것을 간직하는 로그 위에 큐의 방식(레코드마다 작업자 하나, 확인, 재전달, 전달 한도)을 얹습니다. 그래서 한 토픽이 큐와 이벤트 스트림 노릇을 동시에 합니다.',
        },
      },
      playUntilMs: 110_000,
      speed: 4,
    },
  ],
  tryThis: [
    {
      en: 'In the Groups tab press “+ Add consumer” on workers: the new member bumps the group epoch to 6, and the simple assignor gives jobs-0 a second worker again.',
      ko: '그룹 탭에서 workers에 “+ 컨슈머 추가”를 누르세요. 새 멤버가 그룹 에포크를 6으로 올리고, simple assignor가 jobs-0에 다시 두 번째 작업자를 붙입니다.',
    },
    {
      en: 'Click workers-4 and press “Leave the group” in the inspector. Unlike a crash, leaving closes its share sessions: the leader makes the records it held AVAILABLE at once, and workers-1, given jobs-0 at its next heartbeat, gets them within seconds, not after 30 s.',
      ko: 'workers-4를 클릭하고 상세 탭에서 “그룹에서 나가기”를 누르세요. 크래시와 달리 떠나는 멤버는 셰어 세션을 닫으므로, 리더가 그 멤버가 잡고 있던 레코드를 곧바로 AVAILABLE로 돌립니다. 다음 heartbeat에서 jobs-0을 받은 workers-1이 30초가 아니라 몇 초 만에 그 레코드를 가져갑니다.',
    },
    {
      en: 'In the Console tab run kafka-share-groups.sh --describe --group workers: START-OFFSET is each partition’s SPSO. With --members it lists each member’s MEMBER-EPOCH and ASSIGNMENT, two of them on jobs:1, as Kafka 4.x prints it.',
      ko: '콘솔 탭에서 kafka-share-groups.sh --describe --group workers를 실행해 보세요. START-OFFSET이 파티션마다의 SPSO입니다. --members를 붙이면 Kafka 4.x처럼 멤버마다 MEMBER-EPOCH와 ASSIGNMENT가 나오고, 둘이 jobs:1을 맡고 있습니다.',
    },
  ],
}
