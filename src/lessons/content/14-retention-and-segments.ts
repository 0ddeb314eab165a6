// Lesson 14: a partition's log is a list of segments; the active (last) one rolls when the next
// batch would pass segment.bytes, or is more than segment.ms newer than its first batch. Every
// log.retention.check.interval.ms each broker deletes whole old segments (retention.ms: the
// newest record is older than that) and the log start offset moves up; a consumer whose position
// falls below it gets OFFSET_OUT_OF_RANGE and auto.offset.reset applies. A segment that is still
// written to keeps a recent newest record, so records older than retention.ms stay in it.
// Runs on the built-in retention-deletes-segments scenario, plus two topic config changes the
// lesson adds: segment.bytes back to Kafka's default (one active segment that never rolls), then
// segment.ms=60000 (it rolls by time).

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'retention-and-segments',
  number: 14,
  title: lessonTitle('retention-and-segments'),
  summary: {
    en: 'Segments roll, retention.ms deletes whole old segments and moves the log start offset, a slow consumer gets OFFSET_OUT_OF_RANGE, and an active segment keeps records older than retention.ms.',
    ko: '세그먼트가 롤(roll)되고, retention.ms가 오래된 세그먼트를 통째로 지워 로그 시작 오프셋을 올리며, 느린 컨슈머는 OFFSET_OUT_OF_RANGE를 받고, 액티브 세그먼트에는 retention.ms보다 오래된 레코드가 남습니다.',
  },
  scenario: { builtIn: 'retention-deletes-segments' },
  steps: [
    {
      target: 'partition-logs-0',
      text: {
        en: 'Topic logs: two partitions, three replicas each. A partition’s log is not one file but a list of segments; the leader appends only to the last one, the active segment (outlined in the partition log). logs sets segment.bytes=1 MiB (Kafka’s minimum; the default is 1 GiB) and retention.ms=60000, one minute (the default is 7 days). The producer app writes about 100 records of 1000 bytes a second to each partition.',
        ko: 'logs 토픽은 파티션이 2개이고, 파티션마다 복제본이 3개입니다. 파티션의 로그는 파일 하나가 아니라 세그먼트의 목록이고, 리더는 마지막 세그먼트, 즉 액티브 세그먼트(파티션 로그에서 테두리로 표시)에만 씁니다. logs는 segment.bytes=1 MiB(Kafka의 최솟값, 기본값은 1 GiB), retention.ms=60000, 즉 1분(기본값은 7일)으로 설정되어 있습니다. 프로듀서 app은 파티션마다 1000바이트짜리 레코드를 초당 약 100개씩 씁니다.',
      },
    },
    {
      tab: 'events',
      target: 'partition-logs-0',
      text: {
        en: 'logs-0’s active segment is close to 1 MiB. Before each append the leader checks whether the batch would push the active segment past segment.bytes.',
        ko: 'logs-0의 액티브 세그먼트가 1 MiB에 가까워졌습니다. 리더는 배치를 덧붙이기 전에 매번, 이 배치로 액티브 세그먼트가 segment.bytes를 넘는지 확인합니다.',
      },
      question: {
        prompt: { en: 'What happens when the next batch does not fit?', ko: '다음 배치가 들어갈 자리가 없으면 어떻게 될까요?' },
        choices: [
          { en: 'The oldest records are deleted', ko: '가장 오래된 레코드가 지워진다' },
          { en: 'The leader starts a new active segment', ko: '리더가 새 액티브 세그먼트를 시작한다' },
          { en: 'The producer is refused until there is room', ko: '자리가 생길 때까지 프로듀서가 거절된다' },
        ],
        why: [
          { en: 'Segment size has nothing to do with deleting: retention.ms and retention.bytes decide that at the retention passes. A full segment is just closed.', ko: '세그먼트 크기는 삭제와 관계가 없습니다. 삭제는 리텐션 검사 때 retention.ms와 retention.bytes가 정합니다. 가득 찬 세그먼트는 닫힐 뿐입니다.' },
          { en: 'The log rolls: the full segment is closed for good, a new empty active segment starts at the next offset, and the batch goes there.', ko: '로그가 롤(roll)됩니다. 가득 찬 세그먼트는 닫혀 다시 쓰이지 않고, 다음 오프셋에서 비어 있는 새 액티브 세그먼트가 시작되어 배치가 그곳에 들어갑니다.' },
          { en: 'segment.bytes is no limit on the partition: writing goes on in a new segment, so the producer notices nothing.', ko: 'segment.bytes는 파티션의 한도가 아닙니다. 새 세그먼트에 계속 쓰므로 프로듀서는 아무것도 알아채지 못합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'In the Events tab: broker 3, the leader of logs-0, rolled a new segment at offset 1007 (segment.bytes reached), and broker 1 did the same for logs-1. The partition log marks each segment boundary. Nothing was deleted: the log start offset is still 0.',
          ko: '이벤트 탭을 보세요. logs-0의 리더인 브로커 3이 오프셋 1007에서 새 세그먼트를 시작했고(segment.bytes 도달), logs-1에서는 브로커 1이 같은 일을 했습니다. 파티션 로그에는 세그먼트 경계가 표시됩니다. 지워진 것은 없습니다. 로그 시작 오프셋은 아직 0입니다.',
        },
      },
      playUntilMs: 15_000,
    },
    {
      tab: 'events',
      target: 'partition-logs-0',
      text: {
        en: 'A segment rolls about every 10 s per partition. Every 15 s (log.retention.check.interval.ms; the first pass at 30 s) each broker checks its logs against retention.ms. logs-0’s first segment holds offsets 0–1006; its newest record was written at about 11 s.',
        ko: '파티션마다 약 10초에 한 번 새 세그먼트가 시작(roll)됩니다. 15초마다(log.retention.check.interval.ms, 첫 검사는 30초) 각 브로커가 자기 로그를 retention.ms와 비교합니다. logs-0의 첫 세그먼트에는 오프셋 0–1006이 있고, 그 가장 새로운 레코드는 약 11초에 쓰였습니다.',
      },
      question: {
        prompt: { en: 'What does the retention pass at 75 s do to logs-0?', ko: '75초의 리텐션 검사는 logs-0에 무엇을 할까요?' },
        choices: [
          { en: 'Deletes each record older than a minute', ko: '1분보다 오래된 레코드를 하나하나 지운다' },
          { en: 'Deletes the first segment, whole', ko: '첫 세그먼트를 통째로 지운다' },
          { en: 'Nothing while archive has not read it', ko: 'archive가 읽기 전까지는 아무것도 지우지 않는다' },
        ],
        why: [
          { en: 'Retention never deletes single records. Its unit is the segment: once the newest record in it is older than retention.ms, all of it goes.', ko: '리텐션은 레코드를 하나씩 지우지 않습니다. 단위는 세그먼트이고, 그 안의 가장 새로운 레코드가 retention.ms보다 오래되면 세그먼트 전체가 지워집니다.' },
          { en: 'At 75 s its newest record is about 64 s old, older than retention.ms: broker 3 deletes the whole segment and the log start offset moves from 0 to 1007.', ko: '75초에 이 세그먼트의 가장 새로운 레코드는 약 64초 전 것이라 retention.ms보다 오래됐습니다. 브로커 3은 세그먼트 전체를 지우고, 로그 시작 오프셋은 0에서 1007로 올라갑니다.' },
          { en: 'Retention looks at time and size, never at consumers: a group’s committed offset or LAG keeps no record from being deleted.', ko: '리텐션은 시간과 크기만 보고 컨슈머는 보지 않습니다. 그룹의 커밋된 오프셋이나 LAG은 레코드를 지켜 주지 않습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The log start offset is now 1007 on every replica. The next segment’s first records are older than a minute too, yet they stay until its newest record is. retention.bytes (off by default) also deletes whole segments, oldest first, while the partition is bigger than it.',
          ko: '이제 모든 복제본의 로그 시작 오프셋이 1007입니다. 다음 세그먼트의 앞쪽 레코드도 1분이 넘었지만, 그 세그먼트의 가장 새로운 레코드가 1분을 넘길 때까지 남습니다. retention.bytes(기본값은 꺼짐)도 파티션이 그보다 크면 가장 오래된 세그먼트부터 통째로 지웁니다.',
        },
      },
      playUntilMs: 75_500,
      speed: 5,
    },
    {
      target: 'partition-logs-0',
      actions: [{ action: 'setTopicConfig', topic: 'logs', config: { 'segment.bytes': 1_073_741_824 } }],
      text: {
        en: 'Now an operator sets segment.bytes of logs back to Kafka’s default, 1 GiB, as on most real topics. At about 100 KB a second a partition needs some three hours to fill that, so from now on each partition keeps writing into its current active segment. The closed segments still age out: watch the pass at 90 s.',
        ko: '이제 운영자가 logs의 segment.bytes를 실제 토픽 대부분이 쓰는 Kafka 기본값, 1 GiB로 되돌립니다. 초당 약 100 KB라면 파티션 하나가 이만큼 채우는 데 세 시간쯤 걸리므로, 이제부터 각 파티션은 지금의 액티브 세그먼트에 계속 씁니다. 닫힌 세그먼트는 여전히 차례로 지워집니다. 90초의 검사를 지켜보세요.',
      },
      playUntilMs: 90_500,
      speed: 2,
    },
    {
      tab: 'events',
      target: 'group-archive',
      text: {
        en: 'Group archive has one member, archive-1, that takes 25 ms per record: 40 records a second, while 200 arrive. It falls further behind while retention moves the log start offset up every 15 s, until archive-1 fetches an offset the leader no longer has.',
        ko: 'archive 그룹의 멤버 archive-1은 레코드 하나에 25ms가 걸립니다. 초당 200개가 들어오는데 40개밖에 처리하지 못합니다. 리텐션이 15초마다 로그 시작 오프셋을 올리는 동안 점점 더 뒤처지다가, 결국 리더에 더는 없는 오프셋을 fetch합니다.',
      },
      question: {
        prompt: { en: 'What happens to that fetch? archive sets auto.offset.reset=earliest.', ko: '그 fetch는 어떻게 될까요? archive는 auto.offset.reset=earliest입니다.' },
        choices: [
          { en: 'A follower sends the deleted records', ko: '팔로워가 지워진 레코드를 보내 준다' },
          { en: 'OFFSET_OUT_OF_RANGE, then archive-1 jumps to the log start', ko: 'OFFSET_OUT_OF_RANGE를 받고 archive-1이 로그 시작으로 건너뛴다' },
          { en: 'archive-1 reads again from offset 0', ko: 'archive-1이 오프셋 0부터 다시 읽는다' },
        ],
        why: [
          { en: 'Every broker runs retention over its own replicas, and followers take the leader’s log start offset: no replica has those records any more.', ko: '브로커마다 자기 복제본에 리텐션을 적용하고, 팔로워는 리더의 로그 시작 오프셋을 따라갑니다. 그 레코드를 가진 복제본은 더 이상 없습니다.' },
          { en: 'The position is below the log start offset, so the leader answers OFFSET_OUT_OF_RANGE. With auto.offset.reset=earliest the consumer asks for the earliest offset (ListOffsets), the log start, and reads on from there.', ko: '위치가 로그 시작 오프셋보다 아래라 리더가 OFFSET_OUT_OF_RANGE로 응답합니다. auto.offset.reset=earliest이면 컨슈머는 가장 이른 오프셋(ListOffsets), 즉 로그 시작 오프셋을 물어 거기서부터 읽습니다.' },
          { en: 'Offset 0 is gone for good and offsets are never reused: earliest means the oldest offset still stored, the log start offset.', ko: '오프셋 0은 영영 사라졌고 오프셋은 다시 쓰이지 않습니다. earliest는 아직 저장된 가장 오래된 오프셋, 즉 로그 시작 오프셋을 뜻합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'In the Events tab archive-1’s fetch of logs-1 got OFFSET_OUT_OF_RANGE; at its next poll archive-1 went on from the log start. It never read the records in between: retention deleted them. With latest it would jump to the end of the log; with none, poll() throws an error.',
          ko: '이벤트 탭을 보면 archive-1의 logs-1 fetch가 OFFSET_OUT_OF_RANGE를 받았고, archive-1은 다음 poll에서 로그 시작 오프셋부터 다시 읽었습니다. 그 사이의 레코드는 읽지 못했습니다. 리텐션이 지운 것입니다. latest였다면 로그 끝으로 건너뛰고, none이었다면 poll()이 오류를 던집니다.',
        },
      },
      playUntilMs: 136_000,
      speed: 4,
    },
    {
      target: 'partition-logs-0',
      text: {
        en: 'Since 75.5 s no segment has rolled, and the pass at 135 s deleted the last closed ones: each partition of logs is now one active segment, from offset 7048. Its first records were written at about 72 s, more than a minute ago.',
        ko: '75.5초 이후로 새 세그먼트가 시작되지 않았고, 135초 검사가 마지막 닫힌 세그먼트들을 지웠습니다. 이제 logs의 각 파티션은 오프셋 7048부터 시작하는 액티브 세그먼트 하나뿐입니다. 그 첫 레코드는 약 72초에 쓰였으니 1분이 넘었습니다.',
      },
      question: {
        prompt: { en: 'What does the retention pass at 150 s delete from logs-0?', ko: '150초의 리텐션 검사는 logs-0에서 무엇을 지울까요?' },
        choices: [
          { en: 'The records older than a minute', ko: '1분보다 오래된 레코드' },
          { en: 'Nothing', ko: '아무것도 지우지 않는다' },
          { en: 'The whole active segment', ko: '액티브 세그먼트 전체' },
        ],
        why: [
          { en: 'Retention never cuts a segment in two: it deletes a whole segment or nothing, and this segment is the only one left.', ko: '리텐션은 세그먼트를 쪼개지 않습니다. 세그먼트를 통째로 지우거나 아무것도 지우지 않으며, 남은 세그먼트는 이것 하나뿐입니다.' },
          { en: 'A segment is old when its newest record is older than retention.ms. The active segment got a record a moment ago, so it is not old, however old its first records are.', ko: '세그먼트는 가장 새로운 레코드가 retention.ms보다 오래됐을 때 오래된 것입니다. 액티브 세그먼트에는 방금도 레코드가 들어왔으니, 첫 레코드가 아무리 오래됐어도 오래된 세그먼트가 아닙니다.' },
          { en: 'The active segment goes too once its newest record is older than retention.ms, after a minute without writes; app writes all the time.', ko: '액티브 세그먼트도 가장 새로운 레코드가 retention.ms보다 오래되면, 즉 1분 동안 쓰기가 없으면 지워집니다. 하지만 app은 쉬지 않고 씁니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Nothing was deleted: the log start offset stays 7048 though those records are now about 78 s old. This is why a topic with retention.ms of 10 minutes can show hour-old records: with the defaults (segment.bytes 1 GiB, segment.ms 7 days) a quiet topic’s active segment holds hours or days of records, and retention waits for the whole segment.',
          ko: '아무것도 지워지지 않았습니다. 그 레코드들은 이제 약 78초 전 것인데도 로그 시작 오프셋은 7048 그대로입니다. 그래서 retention.ms가 10분인 토픽에서도 한 시간 전 레코드가 보일 수 있습니다. 기본값(segment.bytes 1 GiB, segment.ms 7일)이면 조용한 토픽의 액티브 세그먼트에 몇 시간, 며칠 치 레코드가 쌓이고, 리텐션은 세그먼트 전체를 기다립니다.',
        },
      },
      playUntilMs: 150_500,
      speed: 2,
    },
    {
      tab: 'events',
      target: 'partition-logs-0',
      actions: [{ action: 'setTopicConfig', topic: 'logs', config: { 'segment.ms': 60_000 } }],
      text: {
        en: 'The cure is a time limit on the active segment: segment.ms (default 7 days). An operator sets segment.ms=60000 on logs: a segment takes batches for at most a minute after its first batch.',
        ko: '해결책은 액티브 세그먼트에 시간 제한을 두는 segment.ms(기본값 7일)입니다. 운영자가 logs에 segment.ms=60000을 설정합니다. 세그먼트는 첫 배치 뒤 최대 1분 동안만 배치를 받습니다.',
      },
      question: {
        prompt: { en: 'The active segment’s first batch is about 78 s old. What happens at the next batch?', ko: '액티브 세그먼트의 첫 배치는 약 78초 전 것입니다. 다음 배치가 오면 어떻게 될까요?' },
        choices: [
          { en: 'It goes into the same segment', ko: '같은 세그먼트에 들어간다' },
          { en: 'The log rolls a new segment', ko: '로그가 새 세그먼트를 시작한다(roll)' },
          { en: 'The active segment is deleted at once', ko: '액티브 세그먼트가 바로 지워진다' },
        ],
        why: [
          { en: 'The batch is more than segment.ms newer than the segment’s first batch: that rolls the segment by time, however far below segment.bytes it is.', ko: '이 배치는 세그먼트의 첫 배치보다 segment.ms 넘게 새롭습니다. segment.bytes에 한참 못 미쳐도 시간 기준으로 새 세그먼트가 시작됩니다.' },
          { en: 'Before appending, the leader compares the batch’s timestamp with the segment’s first batch: more than segment.ms apart, so the log rolls (segment.ms reached).', ko: '리더는 덧붙이기 전에 배치의 타임스탬프를 세그먼트의 첫 배치와 비교합니다. segment.ms보다 많이 벌어졌으니 새 세그먼트를 시작합니다(segment.ms 도달).' },
          { en: 'segment.ms decides when a segment is closed, not when it is deleted; deleting stays the job of the retention passes.', ko: 'segment.ms는 세그먼트를 언제 닫을지 정할 뿐, 언제 지울지는 정하지 않습니다. 삭제는 여전히 리텐션 검사가 합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The Events tab shows both leaders rolling a new segment (segment.ms reached). The closed segment’s newest record is brand new, so it goes at the first pass after that record is a minute old: at 225 s, after this run ends. From now on no record stays much longer than retention.ms plus segment.ms.',
          ko: '이벤트 탭에서 두 리더가 새 세그먼트를 시작한 것이 보입니다(segment.ms 도달). 닫힌 세그먼트의 가장 새로운 레코드는 방금 쓰인 것이라, 그 레코드가 1분을 넘긴 뒤 첫 검사인 225초에 지워집니다. 이 실행이 끝난 뒤입니다. 이제 어떤 레코드도 retention.ms + segment.ms보다 크게 오래 남지 않습니다.',
        },
      },
      playUntilMs: 152_000,
    },
  ],
  tryThis: [
    {
      en: 'Click logs-1 in the partition log: in the inspector’s Replica logs table every replica’s Log start has moved up, the followers’ too.',
      ko: '파티션 로그에서 logs-1을 클릭해 보세요. 상세 탭의 레플리카 로그 표에서 팔로워까지 모든 복제본의 Log start가 올라가 있습니다.',
    },
    {
      en: 'In the Events tab, search for logs-1: its rolls, its deleted segments and archive-1’s OFFSET_OUT_OF_RANGE, in order.',
      ko: '이벤트 탭에서 logs-1을 검색해 보세요. 세그먼트 시작(roll), 세그먼트 삭제, archive-1의 OFFSET_OUT_OF_RANGE가 순서대로 나옵니다.',
    },
    {
      en: 'In the Scenario menu choose “Retention is 30 seconds, yet old records stay: the active segment” and play to 150 s: segment.ms rolls the old active segment at 120 s and the pass at 150 s deletes it.',
      ko: '시나리오 메뉴에서 “리텐션 30초인데 오래된 레코드가 남아 있는 이유: 액티브 세그먼트”를 골라 150초까지 재생해 보세요. 120초에 segment.ms 때문에 새 세그먼트가 시작되면, 150초 검사가 이전 세그먼트를 지웁니다.',
    },
  ],
}
