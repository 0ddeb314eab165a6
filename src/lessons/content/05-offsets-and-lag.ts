// Lesson 5: a group commits its offsets to __consumer_offsets; LAG = LOG-END-OFFSET − CURRENT-OFFSET;
// a crashed member's partitions resume from the last commit (records read twice); resetting the
// offsets replays history, because Kafka keeps records after they are read.
// Runs on the built-in replay-by-reset-offsets scenario, plus a crash the lesson adds.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'offsets-and-lag',
  number: 5,
  title: lessonTitle('offsets-and-lag'),
  summary: {
    en: 'Commits, LAG, redelivery after a crash, and replaying history by resetting the group’s offsets.',
    ko: '커밋, LAG, 크래시 뒤의 재전달, 그리고 그룹 오프셋을 재설정해 과거 데이터를 다시 읽는 방법을 봅니다.',
  },
  scenario: { builtIn: 'replay-by-reset-offsets' },
  steps: [
    {
      atMs: 12_000,
      tab: 'groups',
      target: 'group-analytics',
      text: {
        en: 'Group analytics (two members) reads orders (4 partitions). Every few seconds each member commits the offset it has processed up to; the commit is stored in __consumer_offsets. In the Groups tab, compare CURRENT-OFFSET (committed), LOG-END-OFFSET and LAG = LOG-END-OFFSET − CURRENT-OFFSET.',
        ko: 'analytics 그룹(멤버 둘)이 orders(파티션 4개)를 읽습니다. 멤버는 몇 초마다 처리한 위치의 오프셋을 커밋하고, 커밋은 __consumer_offsets에 저장됩니다. 그룹 탭에서 CURRENT-OFFSET(커밋된 오프셋), LOG-END-OFFSET, 그리고 LAG = LOG-END-OFFSET − CURRENT-OFFSET을 비교해 보세요.',
      },
    },
    {
      atMs: 14_000,
      actions: [{ action: 'crashConsumer', member: 'analytics-2' }],
      target: 'group-analytics',
      text: {
        en: 'analytics-2 crashes. It had processed some records after its last commit. After session.timeout.ms (10 s) the coordinator gives its partitions to analytics-1.',
        ko: 'analytics-2가 크래시합니다. 마지막 커밋 뒤에도 레코드를 조금 더 처리한 상태였습니다. session.timeout.ms(10초)가 지나면 코디네이터가 그 파티션을 analytics-1에게 줍니다.',
      },
      question: {
        prompt: { en: 'Where does analytics-1 start reading those partitions?', ko: 'analytics-1은 그 파티션을 어디서부터 읽을까요?' },
        choices: [
          { en: 'Where analytics-2 really stopped', ko: 'analytics-2가 실제로 멈춘 곳부터' },
          { en: 'At the last committed offset', ko: '마지막으로 커밋된 오프셋부터' },
          { en: 'At the end of the log', ko: '로그 끝부터' },
        ],
        why: [
          { en: 'Where analytics-2 stopped lived only in its own memory (its position). The group stores committed offsets in __consumer_offsets and nothing else.', ko: 'analytics-2가 멈춘 위치(position)는 그 프로세스의 메모리에만 있었습니다. 그룹이 __consumer_offsets에 저장하는 것은 커밋된 오프셋뿐입니다.' },
          { en: 'The new owner fetches the committed offset and resumes there, so the records analytics-2 processed after its last commit are delivered again: at-least-once.', ko: '새 주인은 커밋된 오프셋을 받아 거기서부터 읽습니다. 그래서 analytics-2가 마지막 커밋 뒤에 처리한 레코드가 다시 전달됩니다. 최소 한 번(at-least-once)입니다.' },
          { en: 'auto.offset.reset=latest would apply only with no committed offset or on OFFSET_OUT_OF_RANGE; here a committed offset exists, so nothing is skipped.', ko: 'auto.offset.reset=latest는 커밋된 오프셋이 없거나 OFFSET_OUT_OF_RANGE일 때만 쓰입니다. 여기에는 커밋된 오프셋이 있으므로 건너뛰는 레코드가 없습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The group only knows committed offsets. analytics-1 resumes at CURRENT-OFFSET, so the records analytics-2 processed after its last commit are delivered again: at-least-once.',
          ko: '그룹은 커밋된 오프셋만 압니다. analytics-1은 CURRENT-OFFSET부터 다시 읽으므로 analytics-2가 마지막 커밋 뒤에 처리한 레코드가 다시 전달됩니다. 최소 한 번(at-least-once) 전달입니다.',
        },
      },
      playUntilMs: 24_000,
      speed: 4,
    },
    {
      tab: 'metrics',
      target: 'metrics-panel',
      text: {
        en: 'In Metrics, follow the LAG of analytics: it grew while analytics-2’s partitions waited for the session timeout, and drains now that analytics-1 reads all four.',
        ko: '지표 탭에서 analytics의 LAG을 따라가 보세요. analytics-2의 파티션이 세션 타임아웃을 기다리는 동안 커졌다가, 이제 analytics-1이 네 파티션을 모두 읽으면서 줄어듭니다.',
      },
      playUntilMs: 29_000,
      speed: 2,
    },
    {
      tab: 'groups',
      target: 'group-analytics',
      text: {
        en: 'At 30 s the members stop (LeaveGroup) and the group is Empty. At 35 s an operator runs kafka-consumer-groups --reset-offsets --to-earliest --execute (allowed only while the group is inactive). At 40 s two new members start.',
        ko: '30초에 멤버가 멈추고(LeaveGroup) 그룹은 Empty가 됩니다. 35초에 운영자가 kafka-consumer-groups --reset-offsets --to-earliest --execute를 실행합니다(그룹이 비활성일 때만 가능). 40초에 새 멤버 둘이 시작합니다.',
      },
      question: {
        prompt: { en: 'What do the new members read?', ko: '새 멤버는 무엇을 읽을까요?' },
        choices: [
          { en: 'Only the new records', ko: '새 레코드만' },
          { en: 'The whole topic again, from offset 0', ko: '오프셋 0부터 토픽 전체를 다시' },
        ],
        why: [
          { en: 'Reading deleted nothing: the records stay until retention removes them, and the reset moved the committed offsets back to 0.', ko: '읽었다고 지워진 것은 없습니다. 레코드는 보존 정책이 지울 때까지 남고, 재설정이 커밋된 오프셋을 0으로 되돌렸습니다.' },
          { en: '--reset-offsets --to-earliest set every committed offset to the log start, 0 here; the new members fetch those offsets and replay the history.', ko: '--reset-offsets --to-earliest가 커밋된 오프셋을 모두 로그 시작, 여기서는 0으로 바꿨습니다. 새 멤버는 그 오프셋을 받아 과거 데이터를 다시 읽습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The committed offsets are now 0 and the records are still there: Kafka keeps data after it is read (until retention), so history can be replayed. A queue would have deleted them. auto.offset.reset is not involved here: it applies only when a partition has no committed offset, or when the offset to read from is out of range (OFFSET_OUT_OF_RANGE, e.g. retention deleted those records).',
          ko: '커밋된 오프셋이 0이 되었고 레코드는 그대로 있습니다. Kafka는 읽은 뒤에도 (보존 기간까지) 데이터를 보관하므로 과거를 다시 재생할 수 있습니다. 큐였다면 지워졌을 것입니다. auto.offset.reset은 여기서 쓰이지 않습니다. 파티션에 커밋된 오프셋이 없을 때, 또는 읽을 오프셋이 범위를 벗어났을 때(OFFSET_OUT_OF_RANGE, 예: 보존 기간이 지나 그 레코드가 삭제된 경우)에만 쓰입니다.',
        },
      },
      playUntilMs: 44_000,
      speed: 4,
    },
    {
      target: 'group-analytics',
      text: {
        en: 'Look at the describe table: CURRENT-OFFSET started from 0, so LAG jumped to the whole log and now drains as the members read history again.',
        ko: 'describe 표를 보세요. CURRENT-OFFSET이 0부터 시작했으므로 LAG이 로그 전체 크기로 뛰었다가, 멤버가 과거 데이터를 다시 읽으면서 줄어듭니다.',
      },
      playUntilMs: 50_000,
      speed: 2,
    },
  ],
  tryThis: [
    { en: 'Click analytics-1 and press Crash in the inspector, then follow the LAG of analytics in the Metrics tab while its partitions wait for session.timeout.ms.', ko: 'analytics-1을 클릭하고 상세 탭에서 크래시를 누른 뒤, 파티션이 session.timeout.ms를 기다리는 동안 지표 탭에서 analytics의 LAG을 따라가 보세요.' },
    { en: 'Once the group is Empty, choose --to-latest under Reset offsets in its inspector, press “+ Add consumer” and see LAG drop to 0: the history is skipped.', ko: '그룹이 Empty일 때 상세 탭의 오프셋 재설정에서 --to-latest를 고르고 “+ 컨슈머 추가”를 누르세요. LAG이 0이 되고 과거 데이터는 건너뜁니다.' },
    { en: 'Open the Console tab and run kafka-consumer-groups --describe at two moments: CURRENT-OFFSET moves only when a member commits.', ko: '콘솔 탭에서 kafka-consumer-groups --describe를 두 시점에 실행해 보세요. CURRENT-OFFSET은 멤버가 커밋할 때만 움직입니다.' },
  ],
}
