// Lesson 17: time and replay. Records keep their timestamps and stay in the log after they are
// read, so a group can go back: stop it, reset its committed offsets to the earliest, start it
// again, and it reads the stream's history once more, like a batch job.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'time-and-replay',
  number: 17,
  title: lessonTitle('time-and-replay'),
  summary: {
    en: 'Stop a group, reset its offsets to the earliest and watch it read the whole history of orders again.',
    ko: '그룹을 멈추고 오프셋을 가장 처음으로 되돌린 뒤, orders의 지난 기록 전체를 다시 읽는 모습을 봅니다.',
  },
  scenario: { builtIn: 'replay-by-reset-offsets' },
  steps: [
    {
      text: {
        en: 'Every record batch carries a timestamp: by default the time the producer created it (CreateTime). Group analytics reads orders and commits its offsets; its LAG stays small.',
        ko: '모든 레코드 배치에는 타임스탬프가 있습니다. 기본값은 프로듀서가 만든 시각(CreateTime)입니다. analytics 그룹은 orders를 읽으며 오프셋을 커밋하고, LAG은 작게 유지됩니다.',
      },
      tab: 'groups',
      playUntilMs: 25000,
    },
    {
      text: {
        en: 'At 30 s both members stop (LeaveGroup) and the group becomes Empty. Its committed offsets stay in __consumer_offsets; the records they point past stay in the log.',
        ko: '30초에 두 멤버가 멈추고(LeaveGroup) 그룹은 Empty가 됩니다. 커밋된 오프셋은 __consumer_offsets에 남고, 이미 읽은 레코드도 로그에 그대로 남습니다.',
      },
      target: 'group-analytics',
      playUntilMs: 31000,
    },
    {
      text: {
        en: 'At 35 s an operator runs kafka-consumer-groups --reset-offsets --to-earliest --execute. Kafka allows it only while the group has no active members.',
        ko: '35초에 운영자가 kafka-consumer-groups --reset-offsets --to-earliest --execute를 실행합니다. Kafka는 그룹에 활성 멤버가 없을 때만 이를 허용합니다.',
      },
      tab: 'groups',
      question: {
        prompt: {
          en: 'Two members start again at 40 s. What do they read?',
          ko: '40초에 멤버 두 개가 다시 시작합니다. 무엇을 읽을까요?',
        },
        choices: [
          { en: 'Only records produced after 40 s', ko: '40초 이후에 들어온 레코드만' },
          { en: 'Everything again from offset 0', ko: '오프셋 0부터 전부 다시' },
          { en: 'Nothing at all', ko: '아무것도 읽지 않는다' },
        ],
        why: [
          { en: 'That would be --to-latest. --to-earliest moved every committed offset to the log start, so the members begin at offset 0, not at the end.', ko: '그것은 --to-latest입니다. --to-earliest는 커밋된 오프셋을 모두 로그 시작으로 옮겼으므로 멤버는 로그 끝이 아니라 오프셋 0부터 시작합니다.' },
          { en: 'The committed offsets are now 0 and the records are still there, so the members replay the whole history and LAG starts at the size of the log.', ko: '커밋된 오프셋이 0이 되었고 레코드는 그대로 있으므로, 멤버는 지난 기록 전체를 재처리하고 LAG은 로그 전체 크기에서 시작합니다.' },
          { en: 'Reading deletes nothing in Kafka: records stay until retention removes them, and the reset points the group back at them.', ko: 'Kafka에서는 읽어도 지워지지 않습니다. 레코드는 보존 정책이 지울 때까지 남고, 재설정이 그룹을 다시 그 레코드로 돌려 놓습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The committed offsets are now 0 and LAG is the whole log. Kafka keeps records until retention deletes them, not until they are read, so the restarted members replay the history — the same stream, read again as a batch.',
          ko: '커밋된 오프셋은 이제 0이고 LAG은 로그 전체입니다. Kafka는 레코드를 읽었다고 지우지 않고 보존 기간(retention)이 지나야 지웁니다. 그래서 다시 시작한 멤버들은 지난 기록을 재처리합니다. 같은 스트림을 배치처럼 다시 읽는 것입니다.',
        },
      },
      playUntilMs: 36000,
    },
    {
      text: {
        en: 'The members rejoin (generation 3), fetch the committed offsets — 0 — and read orders from the start. Every record they read a second time counts as a redelivery; LAG shrinks back as they catch up.',
        ko: '멤버들이 다시 조인하고(generation 3) 커밋된 오프셋 0을 받아 orders를 처음부터 읽습니다. 두 번째로 읽는 레코드는 모두 재전달(redelivery)로 집계되고, 따라잡으면서 LAG이 다시 줄어듭니다.',
      },
      target: 'group-analytics',
      playUntilMs: 50000,
      speed: 2,
    },
    {
      text: {
        en: 'Kafka can also start from a point in time: offsetsForTimes (ListOffsets by timestamp, or --reset-offsets --to-datetime) finds the first offset at or after a timestamp — kafkascope does not model it yet. Try the Console tab: kafka-consumer-groups --describe --group analytics shows CURRENT-OFFSET, LOG-END-OFFSET and LAG.',
        ko: 'Kafka는 특정 시각부터 읽을 수도 있습니다. offsetsForTimes(타임스탬프로 ListOffsets, 또는 --reset-offsets --to-datetime)가 그 시각 이후 첫 오프셋을 찾아 주는데, kafkascope는 아직 이를 모델링하지 않습니다. 콘솔 탭에서 kafka-consumer-groups --describe --group analytics를 실행하면 CURRENT-OFFSET, LOG-END-OFFSET, LAG을 볼 수 있습니다.',
      },
      tab: 'console',
    },
  ],
  tryThis: [
    { en: 'Click each member of analytics and press Crash in the inspector; once the group is Empty, choose --to-latest under Reset offsets, then press “+ Add consumer”: LAG drops to 0.', ko: 'analytics 멤버를 하나씩 클릭해 상세 탭에서 크래시를 누르세요. 그룹이 Empty가 되면 오프셋 재설정에서 --to-latest를 고르고 “+ 컨슈머 추가”를 누르세요. LAG이 0이 됩니다.' },
    { en: 'Try Reset offsets while a member is still running: Kafka refuses it, as the group is not Empty.', ko: '멤버가 아직 실행 중일 때 오프셋 재설정을 눌러 보세요. 그룹이 Empty가 아니라서 Kafka가 거절합니다.' },
    { en: 'In the Console tab run kafka-consumer-groups --describe --group analytics before and after a reset and compare CURRENT-OFFSET.', ko: '콘솔 탭에서 재설정 전후로 kafka-consumer-groups --describe --group analytics를 실행해 CURRENT-OFFSET을 비교해 보세요.' },
  ],
}
