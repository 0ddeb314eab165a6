// Lesson 15: compaction. On a topic with cleanup.policy=compact each broker's log cleaner keeps the
// latest record of every key in the closed segments (the active segment is never cleaned); offsets
// never change, so the removed records leave gaps that a consumer reading from the start jumps over.
// A log is cleaned when its dirty ratio is above min.cleanable.dirty.ratio; a tombstone (a null
// value) deletes its key and stays delete.retention.ms after the first cleaning that keeps it;
// min.compaction.lag.ms keeps young records from being compacted.
// Runs on the built-in tombstones scenario, plus what the lesson does: search-index is stopped,
// reset to the earliest offset and started again (a rebuild from the compacted log), and
// min.compaction.lag.ms is set to 30 s.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'compaction',
  number: 15,
  title: lessonTitle('compaction'),
  summary: {
    en: 'The log cleaner keeps the latest record of each key in the closed segments, offsets keep their gaps, a tombstone deletes a key and goes after delete.retention.ms, and min.compaction.lag.ms holds young records back.',
    ko: '로그 클리너가 닫힌 세그먼트에서 키마다 최신 레코드만 남기고, 오프셋에는 빈칸이 그대로 남으며, 툼스톤은 키를 지운 뒤 delete.retention.ms가 지나면 사라지고, min.compaction.lag.ms는 최근 레코드를 정리하지 않고 남겨 둡니다.',
  },
  scenario: { builtIn: 'tombstones' },
  steps: [
    {
      target: 'partition-users-0',
      text: {
        en: 'Topic users is compacted: cleanup.policy=compact instead of the default, delete. Think of it as a table of user profiles kept as a log. The producer accounts writes about 50 records of 4000 bytes a second, each with a key from user-1 to user-4, and each new record replaces the last value of its key. Segments are 1 MiB (segment.bytes), so broker 3, the leader of users-0, rolls a new segment about every 5 s. Group search-index reads users from the start.',
        ko: 'users 토픽은 컴팩션되는 토픽입니다. cleanup.policy가 기본값 delete가 아니라 compact입니다. 사용자 프로필 표를 로그로 보관한다고 생각하면 됩니다. 프로듀서 accounts는 4000바이트짜리 레코드를 초당 약 50개 쓰고, 레코드마다 user-1부터 user-4까지의 키가 있으며, 새 레코드는 그 키의 이전 값을 대신합니다. 세그먼트는 1 MiB(segment.bytes)라서, users-0의 리더인 브로커 3은 약 5초마다 새 세그먼트를 시작(roll)합니다. search-index 그룹은 users를 처음부터 읽습니다.',
      },
      playUntilMs: 14_000,
    },
    {
      tab: 'events',
      target: 'partition-users-0',
      text: {
        en: 'users-0 now holds offsets 0–594: two closed segments (offsets 0–256 and 257–513) and the active segment from 514. Every 15 s (log.cleaner.backoff.ms) each broker’s log cleaner looks at its compacted logs. Nothing has been cleaned yet, so all of it is dirty.',
        ko: '이제 users-0에는 오프셋 0–594가 있습니다. 닫힌 세그먼트 두 개(오프셋 0–256, 257–513)와 514부터 시작하는 액티브 세그먼트입니다. 15초마다(log.cleaner.backoff.ms) 각 브로커의 로그 클리너가 자기의 컴팩션 대상 로그를 살핍니다. 아직 정리된 적이 없으니 로그 전체가 dirty 상태입니다.',
      },
      question: {
        prompt: { en: 'What does broker 3’s log cleaner leave of users-0 at 15 s?', ko: '15초에 브로커 3의 로그 클리너는 users-0에 무엇을 남길까요?' },
        choices: [
          { en: 'One record per user in the whole log', ko: '로그 전체에서 사용자마다 레코드 하나' },
          { en: 'One record per user in the closed segments, the active segment as it is', ko: '닫힌 세그먼트에서는 사용자마다 레코드 하나, 액티브 세그먼트는 그대로' },
          { en: 'One record per user, renumbered from offset 0', ko: '사용자마다 레코드 하나, 오프셋은 0부터 새로 매김' },
        ],
        why: [
          { en: 'The cleaner never touches the active segment: the leader is still writing to it, so it stays dirty with every record in it.', ko: '클리너는 액티브 세그먼트를 건드리지 않습니다. 리더가 아직 쓰고 있는 세그먼트라 모든 레코드가 남은 채 dirty 상태로 둡니다.' },
          { en: 'In the closed segments only the newest record of each key stays; the active segment is left as it is, dirty.', ko: '닫힌 세그먼트에서는 키마다 가장 새로운 레코드만 남고, 액티브 세그먼트는 dirty 상태 그대로 남습니다.' },
          { en: 'Compaction never changes an offset: the records it keeps stay where they were, and the ones it removes leave gaps.', ko: '컴팩션은 오프셋을 절대 바꾸지 않습니다. 남는 레코드는 원래 오프셋에 그대로 있고, 지워진 레코드 자리는 빈칸이 됩니다.' },
        ],
        answer: 1,
        explain: {
          en: 'In the Events tab: broker 3 compacted users-0 offsets 0..513 (dirty ratio 1), 510 older records removed. Of those 514 offsets four records are left, the newest of each user, at offsets 510–513; offsets 0–509 are now gaps, and the log start offset is still 0. The active segment, from offset 514, was not touched. Brokers 1 and 2 cleaned their own replicas the same way.',
          ko: '이벤트 탭을 보세요. 브로커 3이 users-0 오프셋 0..513을 컴팩션했고(dirty 비율 1), 오래된 레코드 510개를 제거했습니다. 514개 오프셋 가운데 사용자마다 가장 새로운 레코드 네 개만 오프셋 510–513에 남았습니다. 오프셋 0–509는 이제 빈칸이고, 로그 시작 오프셋은 여전히 0입니다. 오프셋 514부터의 액티브 세그먼트는 그대로입니다. 브로커 1과 2도 자기 복제본을 똑같이 정리했습니다.',
        },
      },
      playUntilMs: 15_500,
    },
    {
      tab: 'events',
      target: 'partition-users-0',
      text: {
        en: 'What the cleaner has cleaned is now the clean part of the log; what is written after it is dirty. The cleaner takes a log only when its dirty ratio (the dirty bytes in closed segments, divided by those plus the clean bytes) is above min.cleanable.dirty.ratio, 0.5 by default. At 20 s a new user, user-9, signs up: one record with key user-9.',
        ko: '클리너가 정리한 부분은 이제 로그의 clean 부분이고, 그 뒤에 쓰인 부분은 dirty입니다. 클리너는 로그의 dirty 비율(닫힌 세그먼트의 dirty 바이트를, 그 바이트와 clean 바이트를 더한 값으로 나눈 것)이 min.cleanable.dirty.ratio(기본값 0.5)보다 클 때만 그 로그를 정리합니다. 20초에는 새 사용자 user-9가 가입합니다. 키가 user-9인 레코드 하나입니다.',
      },
      question: {
        prompt: { en: 'What dirty ratio does the pass at 30 s find in users-0?', ko: '30초의 정리에서 users-0의 dirty 비율은 얼마일까요?' },
        choices: [
          { en: 'About 0.5', ko: '약 0.5' },
          { en: 'About 0.99', ko: '약 0.99' },
          { en: 'Zero', ko: '영(0)' },
        ],
        why: [
          { en: '0.5 is min.cleanable.dirty.ratio, the threshold the ratio is compared with, not the ratio itself; here the dirty part is far bigger than the clean one.', ko: '0.5는 비율을 비교하는 기준인 min.cleanable.dirty.ratio이지 비율 자체가 아닙니다. 여기서는 dirty 부분이 clean 부분보다 훨씬 큽니다.' },
          { en: 'The clean part is the four records kept at 15 s, about 16 KB; the dirty part is the three segments closed since, about 3 MiB. 3 MiB / (3 MiB + 16 KB) is about 0.99.', ko: 'clean 부분은 15초에 남은 레코드 네 개, 약 16 KB이고, dirty 부분은 그 뒤에 닫힌 세그먼트 세 개, 약 3 MiB입니다. 3 MiB / (3 MiB + 16 KB)는 약 0.99입니다.' },
          { en: 'The cleaning at 15 s made only the part below offset 514 clean; three full segments have been written and closed since, all of them dirty.', ko: '15초의 정리는 오프셋 514 아래만 clean으로 만들었습니다. 그 뒤로 세그먼트 세 개가 가득 차서 닫혔고, 모두 dirty입니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The Events tab shows broker 3 compacted users-0 offsets 0..1285 (dirty ratio 0.99), 771 older records removed. user-9’s record, at offset 895, stays: it is the only record of its key, so the newest. With four keys the clean part stays tiny and every pass cleans. A topic with millions of keys has a big clean part, and the cleaner waits until the new writes are about as big as it (0.5).',
          ko: '이벤트 탭에 브로커 3이 users-0 오프셋 0..1285를 컴팩션했고(dirty 비율 0.99) 오래된 레코드 771개를 제거했다고 나옵니다. 오프셋 895에 있는 user-9의 레코드는 남습니다. 그 키의 유일한 레코드이니 가장 새로운 레코드입니다. 키가 네 개뿐이라 clean 부분이 아주 작아서 정리할 때마다 기준을 넘습니다. 키가 수백만 개인 토픽은 clean 부분이 커서, 새로 쓴 데이터가 그만큼(0.5) 쌓일 때까지 클리너가 기다립니다.',
        },
      },
      playUntilMs: 30_500,
      speed: 2,
    },
    {
      tab: 'events',
      target: 'partition-users-0',
      text: {
        en: 'At 45 s user-9’s account is deleted. On a compacted topic a delete is a record too: key user-9 with a null value, a tombstone. accounts sends it just after the pass at 45 s, so it lands in the active segment and waits for the next passes.',
        ko: '45초에 user-9의 계정이 삭제됩니다. 컴팩션 토픽에서는 삭제도 레코드입니다. 키가 user-9이고 값이 null인 레코드, 툼스톤(tombstone)입니다. accounts는 45초 정리 직후에 이것을 보내므로, 툼스톤은 액티브 세그먼트에 들어가 다음 정리를 기다립니다.',
      },
      question: {
        prompt: { en: 'What does the pass at 60 s do with user-9’s sign-up record and its tombstone?', ko: '60초의 정리는 user-9의 가입 레코드와 툼스톤을 어떻게 할까요?' },
        choices: [
          { en: 'Removes both', ko: '둘 다 지운다' },
          { en: 'Removes the sign-up, keeps the tombstone', ko: '가입 레코드는 지우고 툼스톤은 남긴다' },
          { en: 'Keeps both', ko: '둘 다 남긴다' },
        ],
        why: [
          { en: 'Removing the tombstone at once would hide the delete from consumers that still hold user-9: they must get a chance to read it.', ko: '툼스톤을 바로 지우면 아직 user-9를 가진 컨슈머가 삭제를 알 길이 없습니다. 툼스톤을 읽을 기회가 있어야 합니다.' },
          { en: 'The tombstone is the newest record of user-9, so the sign-up goes like any older value; the tombstone stays, so that consumers learn that user-9 was deleted.', ko: '툼스톤이 user-9의 가장 새로운 레코드이므로 가입 레코드는 다른 오래된 값처럼 지워집니다. 툼스톤은 컨슈머가 user-9의 삭제를 알 수 있도록 남습니다.' },
          { en: 'A tombstone is a newer record of user-9 like any other: the sign-up before it is an older value of the same key.', ko: '툼스톤도 user-9의 더 새로운 레코드입니다. 그 앞의 가입 레코드는 같은 키의 오래된 값입니다.' },
        ],
        answer: 1,
        explain: {
          en: 'In the Events tab the pass at 60 s removed 772 older records, one more than the passes before: user-9’s sign-up at offset 895. The tombstone, at offset 2146, stays. The cleaning that first keeps a tombstone stamps its batch with a delete horizon: now plus delete.retention.ms, here 30 s (the default is 1 day), so 90 s.',
          ko: '이벤트 탭을 보면 60초 정리가 오래된 레코드 772개를 제거했습니다. 앞선 정리보다 하나 많은데, 오프셋 895에 있던 user-9의 가입 레코드입니다. 오프셋 2146의 툼스톤은 남습니다. 툼스톤을 처음 남긴 정리가 그 배치에 삭제 기한(delete horizon)을 찍습니다. 지금 시각에 delete.retention.ms(여기서는 30초, 기본값은 1일)를 더한 90초입니다.',
        },
      },
      playUntilMs: 60_500,
      speed: 3,
    },
    {
      tab: 'groups',
      target: 'group-search-index',
      actions: [{ action: 'removeConsumer', member: 'search-index-1' }],
      text: {
        en: 'Compaction is what makes a topic like users a source to rebuild from. The search-index team wants to rebuild its index from scratch, reading users from offset 0 as a new application would. First they stop search-index-1 (LeaveGroup): the group becomes Empty, and Kafka lets them reset its offsets.',
        ko: '컴팩션 덕분에 users 같은 토픽은 상태를 다시 만드는 원천이 됩니다. search-index 팀이 인덱스를 처음부터 다시 만들려고 합니다. 새 애플리케이션처럼 users를 오프셋 0부터 읽는 것입니다. 먼저 search-index-1을 멈춥니다(LeaveGroup). 그룹이 Empty가 되면 Kafka가 오프셋 재설정을 허용합니다.',
      },
      playUntilMs: 61_000,
    },
    {
      tab: 'groups',
      target: 'group-search-index',
      actions: [
        { action: 'resetOffsets', groupId: 'search-index', to: 'earliest' },
        { action: 'addConsumer', groupId: 'search-index' },
      ],
      text: {
        en: 'At 61 s they run kafka-consumer-groups --reset-offsets --to-earliest --execute: CURRENT-OFFSET goes back to 0 as soon as the coordinator has written the reset to __consumer_offsets, a few milliseconds later. A new member, search-index-2, starts. Below offset 2829 the cleaner has cleaned the log; from 2829 on nothing is cleaned yet.',
        ko: '61초에 kafka-consumer-groups --reset-offsets --to-earliest --execute를 실행합니다. 코디네이터가 재설정을 __consumer_offsets에 기록하면(몇 밀리초 뒤) CURRENT-OFFSET이 다시 0이 됩니다. 새 멤버 search-index-2가 시작합니다. 오프셋 2829 아래는 클리너가 정리한 부분이고, 2829부터는 아직 정리되지 않았습니다.',
      },
      question: {
        prompt: { en: 'search-index-2 reads users-0 from offset 0. What does it get below offset 2829?', ko: 'search-index-2가 users-0을 오프셋 0부터 읽습니다. 오프셋 2829 아래에서 무엇을 받을까요?' },
        choices: [
          { en: 'Every record written there, 2829 of them', ko: '그곳에 쓰인 레코드 전부, 2829개' },
          { en: 'Five records, the newest of each key', ko: '키마다 가장 새로운 레코드, 5개' },
          { en: 'Nothing from the cleaned part', ko: '정리된 부분에서는 아무것도' },
        ],
        why: [
          { en: 'The older values are gone from every replica: compaction removed them, and only their offsets are left, as gaps.', ko: '오래된 값은 모든 복제본에서 사라졌습니다. 컴팩션이 지웠고, 오프셋만 빈칸으로 남았습니다.' },
          { en: 'Offset 2146 (user-9’s tombstone) and 2825–2828 (the newest profile of user-1 to user-4). A fetch from offset 0 returns the next records that exist, so the position jumps over the gaps.', ko: '오프셋 2146(user-9의 툼스톤)과 2825–2828(user-1~user-4의 최신 프로필)입니다. 오프셋 0부터 fetch하면 그 뒤에 실제로 있는 레코드가 돌아오므로, 위치는 빈칸을 건너뜁니다.' },
          { en: 'The cleaned part is what a new reader needs most, the newest value of every key, and a fetch from offset 0 returns it.', ko: '정리된 부분이야말로 새로 읽는 쪽에 가장 필요한, 키마다의 최신 값입니다. 오프셋 0부터 fetch하면 그것이 돌아옵니다.' },
        ],
        answer: 1,
        explain: {
          en: 'search-index-2 got its partition at 64 s (after group.initial.rebalance.delay.ms, 3 s) and went straight to the log end; after its next commit the Groups tab shows CURRENT-OFFSET 3348, LAG 49. Below 2829 it read five records, user-9’s tombstone and each user’s newest profile, so the rebuilt index knows that user-9 was deleted. From 2829 on it read every record: that part is not cleaned yet. A consumer of a compacted topic must never expect offset + 1 to exist.',
          ko: 'search-index-2는 64초에(group.initial.rebalance.delay.ms 3초 뒤) 파티션을 받아 곧바로 로그 끝까지 읽었습니다. 다음 커밋 뒤 그룹 탭에는 CURRENT-OFFSET 3348, LAG 49가 보입니다. 2829 아래에서 읽은 레코드는 user-9의 툼스톤과 사용자마다의 최신 프로필, 다섯 개뿐이고, 그래서 다시 만든 인덱스도 user-9가 삭제된 것을 압니다. 2829부터는 아직 정리되지 않은 부분이라 레코드를 전부 읽었습니다. 컴팩션 토픽의 컨슈머는 오프셋 + 1이 반드시 있다고 가정하면 안 됩니다.',
        },
      },
      playUntilMs: 70_000,
    },
    {
      tab: 'events',
      target: 'partition-users-0',
      text: {
        en: 'The tombstone’s delete horizon is 90 s: 60 s, when a cleaning first kept it, plus delete.retention.ms. The cleaner passes again at 75 s and at 90 s.',
        ko: '툼스톤의 삭제 기한은 90초입니다. 정리가 처음 툼스톤을 남긴 60초에 delete.retention.ms를 더한 값입니다. 클리너는 75초와 90초에 다시 정리합니다.',
      },
      question: {
        prompt: { en: 'What happens to user-9’s tombstone?', ko: 'user-9의 툼스톤은 어떻게 될까요?' },
        choices: [
          { en: 'It goes at 75 s', ko: '75초에 지워진다' },
          { en: 'It stays at 75 s and goes at 90 s', ko: '75초에는 남고 90초에 지워진다' },
          { en: 'It stays as long as the topic', ko: '토픽이 있는 한 계속 남는다' },
        ],
        why: [
          { en: 'search-index has read it, but reading has nothing to do with it: at 75 s the horizon, 90 s, has not come, and the cleaner keeps the tombstone.', ko: 'search-index가 이미 읽었지만 읽은 것과는 상관이 없습니다. 75초에는 삭제 기한인 90초가 아직 오지 않았으니 클리너가 툼스톤을 남깁니다.' },
          { en: 'At 75 s it is kept; the pass at 90 s is at its delete horizon and removes it.', ko: '75초에는 남고, 90초 정리는 삭제 기한에 이르렀으니 툼스톤을 지웁니다.' },
          { en: 'Tombstones that stayed for good would keep every deleted key in the log for ever; delete.retention.ms bounds how long one stays.', ko: '툼스톤이 영원히 남는다면 지워진 키가 모두 로그에 계속 쌓입니다. delete.retention.ms가 툼스톤이 남는 기간을 정합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Events: the pass at 75 s removed 771 older records, the pass at 90 s 772, “1 past delete.retention.ms among them”: the tombstone. No record of user-9 is left, and a consumer reading users from the start now never hears of user-9. So delete.retention.ms (1 day by default) must be longer than any consumer stays away: one that read user-9’s profile and comes back after the tombstone is gone keeps user-9 for ever.',
          ko: '이벤트 탭을 보면 75초 정리는 오래된 레코드 771개를, 90초 정리는 772개를 제거했고 “그중 delete.retention.ms가 지난 툼스톤 1개”라고 나옵니다. 이제 user-9의 레코드는 하나도 없고, 지금 users를 처음부터 읽는 컨슈머는 user-9가 있었다는 것조차 모릅니다. 그래서 delete.retention.ms(기본값 1일)는 어떤 컨슈머가 멈춰 있는 시간보다 길어야 합니다. user-9의 프로필을 읽은 뒤 툼스톤이 지워지고 나서야 돌아온 컨슈머는 user-9를 영원히 가지고 있게 됩니다.',
        },
      },
      playUntilMs: 90_500,
      speed: 2,
    },
    {
      tab: 'events',
      target: 'partition-users-0',
      actions: [{ action: 'setTopicConfig', topic: 'users', config: { 'min.compaction.lag.ms': 30_000 } }],
      text: {
        en: 'So far a record could be compacted away seconds after it was written, as soon as its segment closed. min.compaction.lag.ms (default 0) keeps every record out of the cleaner’s reach for at least that long, so that consumers see every change, not only the latest. An operator sets min.compaction.lag.ms=30000 on users now.',
        ko: '지금까지는 레코드가 쓰이고 몇 초 만에, 세그먼트가 닫히자마자 컴팩션으로 지워질 수 있었습니다. min.compaction.lag.ms(기본값 0)는 모든 레코드를 적어도 그 시간 동안 클리너가 건드리지 못하게 해서, 컨슈머가 최신 값만이 아니라 모든 변경을 볼 수 있게 합니다. 운영자가 지금 users에 min.compaction.lag.ms=30000을 설정합니다.',
      },
      question: {
        prompt: { en: 'What does the log cleaner do with users-0 until 135 s?', ko: '135초까지 로그 클리너는 users-0을 어떻게 정리할까요?' },
        choices: [
          { en: 'Cleans every closed segment at each pass', ko: '정리할 때마다 닫힌 세그먼트를 모두 정리한다' },
          { en: 'Cleans only segments whose newest record is 30 s old', ko: '가장 새 레코드가 30초 지난 세그먼트만 정리한다' },
          { en: 'Stops cleaning while the lag is set', ko: 'lag가 설정된 동안은 정리하지 않는다' },
        ],
        why: [
          { en: 'Closed segments written in the last 30 s hold records younger than min.compaction.lag.ms: the cleaner must leave them alone.', ko: '최근 30초 안에 쓰인 닫힌 세그먼트에는 min.compaction.lag.ms보다 어린 레코드가 있으니, 클리너는 그대로 두어야 합니다.' },
          { en: 'At 105 s and at 120 s no dirty segment is old enough; at 135 s those whose newest record is from before 105 s are.', ko: '105초와 120초에는 충분히 오래된 dirty 세그먼트가 없고, 135초에는 가장 새 레코드가 105초 이전인 세그먼트들이 정리됩니다.' },
          { en: 'The lag delays cleaning, it does not stop it: once a dirty segment’s newest record is 30 s old, the segment can be cleaned.', ko: 'lag는 정리를 늦출 뿐 멈추지는 않습니다. dirty 세그먼트의 가장 새 레코드가 30초를 넘기면 그 세그먼트는 정리될 수 있습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The Events tab shows no compaction at 105 s or at 120 s: the oldest dirty segment (offsets 4371–4627) got its newest record at about 94.6 s, less than 30 s before. At 135 s broker 3 compacted offsets 0..5141 only, though the active segment starts at 6427: the five closed segments from 5142 on got records after 105 s. The pass at 150 s takes the next two, as they turn 30 s old.',
          ko: '이벤트 탭을 보면 105초와 120초에는 컴팩션이 없습니다. 가장 오래된 dirty 세그먼트(오프셋 4371–4627)의 가장 새 레코드가 약 94.6초에 쓰여서, 30초가 지나지 않았기 때문입니다. 135초에 브로커 3은 오프셋 0..5141만 컴팩션했습니다. 액티브 세그먼트는 6427부터인데도, 5142부터의 닫힌 세그먼트 다섯 개는 105초 이후에 레코드를 받았기 때문입니다. 150초 정리는 30초가 지난 다음 두 세그먼트를 정리합니다.',
        },
      },
      playUntilMs: 135_500,
      speed: 3,
    },
  ],
  tryThis: [
    {
      en: 'Click users-0 and look at the inspector’s Log storage section: cleanup.policy, min.cleanable.dirty.ratio, delete.retention.ms and min.compaction.lag.ms. Set min.compaction.lag.ms back to 0 and play on: the pass at 150 s cleans every closed segment, up to the active one.',
      ko: 'users-0을 클릭하고 상세 탭의 로그 저장 설정을 보세요. cleanup.policy, min.cleanable.dirty.ratio, delete.retention.ms, min.compaction.lag.ms가 있습니다. min.compaction.lag.ms를 0으로 되돌리고 계속 재생하면, 150초 정리가 액티브 세그먼트 앞까지 닫힌 세그먼트를 모두 정리합니다.',
    },
    {
      en: 'In the Events tab, search for users-0: one compaction after another, each with its offsets, its dirty ratio and the records it removed.',
      ko: '이벤트 탭에서 users-0을 검색해 보세요. 컴팩션이 차례로 나오고, 각각 오프셋 범위, dirty 비율, 제거한 레코드 수가 보입니다.',
    },
    {
      en: 'In the Scenario menu choose “Compaction keeps the latest value of every key” and play to 125 s: late-cache starts at 120 s from the earliest offset and finds the newest price of each of six symbols, not every price since 0 s.',
      ko: '시나리오 메뉴에서 “컴팩션은 키마다 최신 값을 남깁니다”를 골라 125초까지 재생해 보세요. late-cache가 120초에 가장 처음(earliest)부터 읽기 시작해, 0초부터의 모든 가격이 아니라 여섯 종목 각각의 최신 가격을 얻습니다.',
    },
  ],
}
