// Lesson 17: time and replay. Records carry timestamps (CreateTime, or LogAppendTime with
// message.timestamp.type) and stay in the log after they are read, so a group can go back: stop
// it, reset its committed offsets (to the earliest, or to a point in time: ListOffsets by
// timestamp finds the first offset whose timestamp is at or after it, as kafka-get-offsets --time
// does), start it again, and it replays the stream from there, like a batch job. A reader without
// a group starts from a time on every start (startTimestamp); with no record that new, ListOffsets
// answers -1 and it starts at the log end.
// Runs on the built-in replay-from-a-time scenario, plus one reset the lesson adds: --to-earliest
// at 91 s, which the scenario's reset --by-duration PT1M at 95 s replaces.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'time-and-replay',
  number: 17,
  title: lessonTitle('time-and-replay'),
  summary: {
    en: 'Records carry timestamps: reset a stopped group to the earliest offset or to a minute ago (ListOffsets by timestamp) and watch it replay, and a reader start from a time.',
    ko: '레코드에는 타임스탬프가 있습니다. 멈춘 그룹의 오프셋을 가장 처음이나 1분 전으로(타임스탬프로 ListOffsets) 되돌려 다시 읽는 모습과, 특정 시각부터 읽는 그룹 없는 컨슈머를 봅니다.',
  },
  scenario: { builtIn: 'replay-from-a-time' },
  steps: [
    {
      target: 'partition-orders-0',
      text: {
        en: 'Every record carries a timestamp. With message.timestamp.type=CreateTime, the default, it is the time the producer created the record; with LogAppendTime the leader stamps the time it appended the batch. Hover a batch in the partition log: its maxTimestamp is the time of its newest record. Group analytics reads orders and commits its offsets; its LAG stays small.',
        ko: '모든 레코드에는 타임스탬프가 있습니다. message.timestamp.type이 기본값 CreateTime이면 프로듀서가 레코드를 만든 시각이고, LogAppendTime이면 리더가 배치를 덧붙인 시각을 찍습니다. 파티션 로그에서 배치에 마우스를 올려 보세요. maxTimestamp가 그 배치에서 가장 새로운 레코드의 시각입니다. analytics 그룹은 orders를 읽으며 오프셋을 커밋하고, LAG은 작게 유지됩니다.',
      },
      playUntilMs: 20_000,
    },
    {
      tab: 'groups',
      target: 'group-analytics',
      text: {
        en: 'At 90 s both members stop (LeaveGroup) and the group becomes Empty. Its committed offsets stay in __consumer_offsets, and the records they point past stay in the log: reading deletes nothing. The team has fixed a bug and wants to run its new code over recent orders again.',
        ko: '90초에 두 멤버가 멈추고(LeaveGroup) 그룹은 Empty가 됩니다. 커밋된 오프셋은 __consumer_offsets에 남고, 이미 읽은 레코드도 로그에 그대로 남습니다. 읽어도 지워지지 않습니다. 팀은 버그를 고쳤고, 새 코드로 최근 주문을 다시 처리하려고 합니다.',
      },
      playUntilMs: 91_000,
      speed: 4,
    },
    {
      tab: 'groups',
      target: 'group-analytics',
      actions: [{ action: 'resetOffsets', groupId: 'analytics', to: 'earliest' }],
      text: {
        en: 'At 91 s an operator runs kafka-consumer-groups --reset-offsets --to-earliest --execute. Kafka allows a reset only while the group has no active members.',
        ko: '91초에 운영자가 kafka-consumer-groups --reset-offsets --to-earliest --execute를 실행합니다. Kafka는 그룹에 활성 멤버가 없을 때만 재설정을 허용합니다.',
      },
      question: {
        prompt: { en: 'What does the Groups tab show for analytics after the reset?', ko: '재설정 뒤 그룹 탭에는 analytics가 어떻게 보일까요?' },
        choices: [
          { en: 'CURRENT-OFFSET 0, LAG the whole log', ko: 'CURRENT-OFFSET 0, LAG은 로그 전체' },
          { en: 'The same CURRENT-OFFSET, LAG 0', ko: 'CURRENT-OFFSET은 그대로, LAG 0' },
          { en: 'No committed offsets at all', ko: '커밋된 오프셋이 아예 없음' },
        ],
        why: [
          { en: 'Each committed offset is now the log start offset, 0, and LAG is LOG-END-OFFSET − 0: every record in the log.', ko: '커밋된 오프셋이 모두 로그 시작 오프셋인 0이 되고, LAG은 LOG-END-OFFSET − 0, 즉 로그의 모든 레코드입니다.' },
          { en: 'With --execute the tool commits new offsets for the group, as an OffsetCommit would, so CURRENT-OFFSET changes at once.', ko: '--execute를 붙이면 도구가 OffsetCommit처럼 그룹의 새 오프셋을 커밋하므로 CURRENT-OFFSET이 바로 바뀝니다.' },
          { en: 'A reset deletes nothing: it writes new offsets for the group to __consumer_offsets.', ko: '재설정은 아무것도 지우지 않습니다. 그룹의 새 오프셋을 __consumer_offsets에 씁니다.' },
        ],
        answer: 0,
        explain: {
          en: 'CURRENT-OFFSET is 0 on all four partitions, and LAG equals LOG-END-OFFSET (850 on orders-0). Started now, the members would replay all 90 s of orders: Kafka keeps records until retention deletes them, not until they are read. But the team needs only the last minute.',
          ko: '네 파티션 모두 CURRENT-OFFSET이 0이고, LAG은 LOG-END-OFFSET과 같습니다(orders-0은 850). 지금 멤버를 시작하면 90초치 주문을 전부 다시 읽게 됩니다. Kafka는 레코드를 읽었다고 지우지 않고 리텐션이 지울 때까지 보관합니다. 하지만 팀에 필요한 것은 마지막 1분뿐입니다.',
        },
      },
      playUntilMs: 92_000,
    },
    {
      tab: 'events',
      target: 'group-analytics',
      text: {
        en: 'At 95 s the operator resets again, by time: --reset-offsets --by-duration PT1M --execute (--to-datetime takes a date instead). For each partition the tool asks the leader, with ListOffsets, for the first offset whose timestamp is at or after a point in time: 95 s − 1 minute = 35 s.',
        ko: '95초에 운영자가 이번에는 시간으로 다시 재설정합니다. --reset-offsets --by-duration PT1M --execute입니다(--to-datetime은 날짜를 받습니다). 도구는 파티션마다 리더에게 ListOffsets로, 타임스탬프가 어떤 시각 이후인 첫 오프셋을 묻습니다. 95초 − 1분 = 35초입니다.',
      },
      question: {
        prompt: { en: 'Which offset does analytics get on each partition?', ko: 'analytics는 파티션마다 어떤 오프셋을 받을까요?' },
        choices: [
          { en: 'Offset 0, as with --to-earliest', ko: '--to-earliest처럼 오프셋 0' },
          { en: 'The first offset with a timestamp of 35 s or later', ko: '타임스탬프가 35초 이후인 첫 오프셋' },
          { en: 'The offset it had committed at 35 s', ko: '35초에 커밋했던 오프셋' },
        ],
        why: [
          { en: '--to-earliest looks for the log start; a time looks for the first record at or after that time, much further along the log.', ko: '--to-earliest는 로그 시작을 찾고, 시각을 주면 그 시각 이후의 첫 레코드를 찾습니다. 로그에서 훨씬 뒤쪽입니다.' },
          { en: 'The leader looks through its segments for the first record whose timestamp is at or after 35 s and answers with its offset.', ko: '리더가 세그먼트를 살펴 타임스탬프가 35초 이후인 첫 레코드를 찾아 그 오프셋으로 답합니다.' },
          { en: 'Kafka keeps only a group’s latest commit, not a history of commits to go back to; going back in time goes through the records’ timestamps.', ko: 'Kafka는 그룹의 마지막 커밋만 보관하고, 되돌아갈 커밋 기록은 없습니다. 시간을 거슬러 가는 것은 레코드의 타임스탬프로 합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Events: “Group analytics: offsets reset to orders-0=306, orders-1=392, orders-2=271, orders-3=347”. In the Console tab run kafka-get-offsets for orders at now − 60 s: --time 35000 prints the same offsets, by the same lookup (offsetsForTimes in the Java client). A time after every record of a partition finds nothing: ListOffsets answers -1, and kafka-get-offsets prints no line for that partition.',
          ko: '이벤트 탭에 “그룹 analytics: 오프셋 재설정 orders-0=306, orders-1=392, orders-2=271, orders-3=347”이 보입니다. 콘솔 탭에서 orders의 kafka-get-offsets를 “지금 − 60초”로 실행하면 --time 35000이 같은 오프셋을 출력합니다. 같은 조회입니다(Java 클라이언트의 offsetsForTimes). 파티션의 모든 레코드보다 늦은 시각은 아무것도 찾지 못합니다. ListOffsets가 -1로 답하고, kafka-get-offsets는 그 파티션의 줄을 출력하지 않습니다.',
        },
      },
      playUntilMs: 95_000,
    },
    {
      tab: 'groups',
      target: 'group-analytics',
      text: {
        en: 'At 100 s two members start again and join analytics (generation 3). They fetch the group’s committed offsets: those of 35 s.',
        ko: '100초에 두 멤버가 다시 시작해 analytics에 조인합니다(generation 3). 멤버들은 그룹의 커밋된 오프셋, 즉 35초의 오프셋을 가져옵니다.',
      },
      question: {
        prompt: { en: 'What do the members read?', ko: '멤버들은 무엇을 읽을까요?' },
        choices: [
          { en: 'Every order from offset 0', ko: '오프셋 0부터 모든 주문' },
          { en: 'The orders from 35 s on', ko: '35초 이후의 주문' },
          { en: 'Only orders produced after 100 s', ko: '100초 이후에 들어온 주문만' },
        ],
        why: [
          { en: 'That was the --to-earliest reset; the reset at 95 s replaced it with the offsets of 35 s.', ko: '그것은 --to-earliest 재설정입니다. 95초의 재설정이 그것을 35초의 오프셋으로 바꿨습니다.' },
          { en: 'They replay the orders from 35 s on, those of 35–90 s for the second time, then go on with new ones.', ko: '35초 이후의 주문을 다시 읽습니다. 35–90초의 주문은 두 번째로 읽고, 그다음 새 주문을 이어서 읽습니다.' },
          { en: 'That would be --to-latest: the committed offsets point at 35 s, not at the log end.', ko: '그것은 --to-latest입니다. 커밋된 오프셋은 로그 끝이 아니라 35초를 가리킵니다.' },
        ],
        answer: 1,
        explain: {
          en: 'LAG started at the orders since 35 s (577 on orders-0) and is down to a few dozen by 110 s. The orders from 35 s to 90 s were read twice; those before 35 s were not read again. Replaying a stream from a time like this runs new code over its recent history as a batch job, as long as retention keeps the records.',
          ko: 'LAG은 35초 이후의 주문 수(orders-0은 577)에서 시작해 110초에는 수십 개로 줄었습니다. 35초부터 90초까지의 주문은 두 번 읽었고, 35초 이전 주문은 다시 읽지 않았습니다. 이렇게 특정 시각부터 스트림을 다시 읽으면, 리텐션이 레코드를 보관하는 한 최근 기록에 새 코드를 배치 작업처럼 돌릴 수 있습니다.',
        },
      },
      playUntilMs: 110_000,
      speed: 2,
    },
    {
      select: { kind: 'reader', id: 'audit' },
      text: {
        en: 'audit is a plain reader: assign() on every partition of orders, no group, no committed offsets. It starts from a time, startTimestamp 60000: the first record at or after 60 s. When it first started, at about 2 s, no record was that new: ListOffsets answered -1, and audit started at the log end (offset 0 then) and has read every order since. At 120 s it is restarted.',
        ko: 'audit는 그룹 없이 orders의 모든 파티션을 assign()하는 컨슈머로, 커밋된 오프셋이 없습니다. startTimestamp 60000, 즉 60초 이후의 첫 레코드부터 읽도록 설정되어 있습니다. 약 2초에 처음 시작했을 때는 그만큼 새로운 레코드가 없어서 ListOffsets가 -1로 답했고, audit는 로그 끝(그때는 오프셋 0)에서 시작해 그 뒤의 주문을 모두 읽었습니다. 120초에 audit가 재시작됩니다.',
      },
      question: {
        prompt: { en: 'Where does audit start reading when it is back, at 121 s?', ko: '121초에 다시 시작한 audit는 어디서부터 읽을까요?' },
        choices: [
          { en: 'Where it stopped', ko: '멈췄던 곳부터' },
          { en: 'At the first record at or after 60 s', ko: '60초 이후의 첫 레코드부터' },
          { en: 'At the log end', ko: '로그 끝부터' },
        ],
        why: [
          { en: 'Without a group nothing kept its position: a reader starts again from what it asks ListOffsets for.', ko: '그룹이 없으니 위치를 기억해 두는 곳이 없습니다. 이런 컨슈머는 ListOffsets에 물어본 곳에서 다시 시작합니다.' },
          { en: 'On start it asks ListOffsets for 60000 again; now there are records that new, and each partition answers with an offset (533 on orders-0).', ko: '시작할 때 다시 ListOffsets로 60000을 묻습니다. 이제는 그만큼 새로운 레코드가 있어서 파티션마다 오프셋으로 답합니다(orders-0은 533).' },
          { en: 'The log end was the answer when no record was that new (-1); now the log holds records from 60 s on.', ko: '로그 끝은 그만큼 새로운 레코드가 없을 때(-1)의 답이었습니다. 이제 로그에는 60초 이후의 레코드가 있습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'In the inspector audit’s Records polled went from 4716 before the restart to 7160 just after it: it read again every order from 60 s on, from offset 533 on orders-0 (728, 467 and 588 on the others), then went on with new ones. A reader without a group replays from its start time on every start; a group resumes from its commits.',
          ko: '상세 탭에서 audit의 poll한 레코드는 재시작 전 4716에서 직후 7160이 되었습니다. 60초 이후의 주문을 orders-0은 오프셋 533부터(다른 파티션은 728, 467, 588부터) 모두 다시 읽고, 새 주문을 이어서 읽었습니다. 그룹 없는 컨슈머는 시작할 때마다 시작 시각부터 다시 읽고, 그룹은 커밋한 곳부터 이어서 읽습니다.',
        },
      },
      playUntilMs: 125_000,
      speed: 2,
    },
    {
      tab: 'console',
      text: {
        en: 'In the Console tab, kafka-get-offsets.sh answers three ways: --time -2 (earliest, the log start), --time -1 (latest, the high watermark) and a timestamp, here a minute ago. Compare them with CURRENT-OFFSET in kafka-consumer-groups --describe --group analytics.',
        ko: '콘솔 탭의 kafka-get-offsets.sh는 세 가지로 답합니다. --time -2(earliest, 로그 시작), --time -1(latest, high watermark), 그리고 타임스탬프, 여기서는 1분 전입니다. kafka-consumer-groups --describe --group analytics의 CURRENT-OFFSET과 비교해 보세요.',
      },
    },
  ],
  tryThis: [
    {
      en: 'Click orders-0 and, in the inspector’s Log storage section, set message.timestamp.type to LogAppendTime: hover a batch written after that in the partition log, and its maxTimestamp is the time the leader appended it.',
      ko: 'orders-0을 클릭하고 상세 탭의 로그 저장 설정에서 message.timestamp.type을 LogAppendTime으로 바꿔 보세요. 그 뒤에 쓰인 배치에 파티션 로그에서 마우스를 올리면, maxTimestamp가 리더가 배치를 덧붙인 시각입니다.',
    },
    {
      en: 'In the Scenario menu choose “Replaying history by resetting offsets”: the same group reset --to-earliest replays the whole topic.',
      ko: '시나리오 메뉴에서 “오프셋 재설정으로 기록 다시 읽기”를 골라 보세요. 같은 그룹을 --to-earliest로 재설정하면 토픽 전체를 다시 읽습니다.',
    },
    {
      en: 'In the Console tab run kafka-consumer-groups --describe --group analytics before and after a reset and compare CURRENT-OFFSET.',
      ko: '콘솔 탭에서 재설정 전후로 kafka-consumer-groups --describe --group analytics를 실행해 CURRENT-OFFSET을 비교해 보세요.',
    },
  ],
}
