// Lesson 13: batching. linger.ms and batch.size decide how many records one Produce request
// carries: the same thousand records a second travel in hundreds of requests or in a couple of
// dozen. Batching is a large part of why Kafka is fast.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'
import scenario from '../../../scenarios/lesson-batching.json' with { type: 'json' }

export const lesson: Lesson = {
  id: 'batching',
  number: 13,
  title: lessonTitle('batching'),
  summary: {
    en: 'The same 1000 records a second travel in about 550, 24 or 110 Produce requests a second, depending on linger.ms and batch.size.',
    ko: '같은 초당 레코드 1000개가 linger.ms와 batch.size에 따라 초당 Produce 요청 약 550개, 24개, 110개에 실려 갑니다.',
  },
  scenario: { json: scenario },
  steps: [
    {
      text: {
        en: 'clickstream sends 1000 small records a second to clicks, with linger.ms=0: a batch leaves as soon as the connection has room. Press Play for a few seconds and watch the map: each dot is a request or a response, and the number beside a dot counts the records it carries. Here the producer sends about 550 Produce requests a second with about two records each.',
        ko: 'clickstream은 clicks에 작은 레코드를 초당 1000개 보내고, linger.ms=0이라 연결에 여유가 생기면 배치가 바로 떠납니다. 잠깐 재생하며 지도를 보세요. 점은 요청이나 응답이고, 점 옆 숫자는 실어 나르는 레코드 수입니다. 지금 프로듀서는 초당 약 550개의 Produce 요청을 보내고, 요청마다 레코드가 두 개쯤 실립니다.',
      },
      select: { kind: 'producer', id: 'clickstream' },
      playUntilMs: 10000,
    },
    {
      text: {
        en: 'At 20 s clickstream sets linger.ms=50: a batch may wait up to 50 ms for more records before it is sent.',
        ko: '20초에 clickstream이 linger.ms=50으로 바꿉니다. 배치는 레코드를 더 모으려고 최대 50ms까지 기다렸다가 보내집니다.',
      },
      question: {
        prompt: { en: 'What changes?', ko: '무엇이 달라질까요?' },
        choices: [
          { en: 'Fewer records per second', ko: '초당 레코드 수가 줄어든다' },
          { en: 'Far fewer requests for the same records', ko: '같은 레코드를 훨씬 적은 요청으로 보낸다' },
          { en: 'Nothing changes', ko: '아무것도 달라지지 않는다' },
        ],
        why: [
          { en: 'linger.ms delays a batch, not the producer: records still arrive at 1000 a second and all get sent, so the acknowledged rate in Metrics stays the same.', ko: 'linger.ms는 프로듀서가 아니라 배치를 늦춥니다. 레코드는 여전히 초당 1000개씩 들어와 모두 보내지므로 지표 탭의 응답 속도는 그대로입니다.' },
          { en: 'A batch now waits up to 50 ms to fill: about 24 requests a second carry about forty records each, instead of about 550 carrying two. The cost is up to 50 ms more latency.', ko: '배치가 이제 최대 50ms까지 기다리며 찹니다. 요청 약 550개가 두 개씩 나르던 것을 약 24개가 40개쯤씩 나릅니다. 대가는 최대 50ms의 추가 지연입니다.' },
          { en: 'linger.ms applies to every batch, keyed or not: waiting lets more records join a batch, so each request carries many more of them.', ko: 'linger.ms는 키가 있든 없든 모든 배치에 적용됩니다. 기다리는 동안 레코드가 더 모여 요청마다 훨씬 많이 실립니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Records per second stay at 1000 (the Metrics tab\'s acknowledged rate does not move), but about 24 requests a second now carry about forty records each. The cost: each record may wait up to 50 ms longer.',
          ko: '초당 레코드는 1000개 그대로이지만(메트릭 탭의 응답 속도는 변하지 않습니다), 이제 초당 약 24개의 요청이 각각 레코드 40개쯤을 싣습니다. 대가는 레코드마다 최대 50ms를 더 기다릴 수 있다는 점입니다.',
        },
      },
      tab: 'metrics',
      playUntilMs: 26000,
    },
    {
      text: {
        en: 'At 40 s batch.size drops from 16384 to 2048 bytes. A batch is full after nine of these records and leaves at once, without waiting for linger.ms.',
        ko: '40초에 batch.size가 16384에서 2048바이트로 줄어듭니다. 이 레코드라면 아홉 개로 배치가 가득 차, linger.ms를 기다리지 않고 바로 떠납니다.',
      },
      question: {
        prompt: { en: 'How many requests a second now?', ko: '이제 초당 요청은 몇 개쯤일까요?' },
        choices: [
          { en: 'About 110', ko: '약 110개' },
          { en: 'Still about 24', ko: '여전히 약 24개' },
          { en: 'About 1000', ko: '약 1000개' },
        ],
        why: [
          { en: 'A 2048-byte batch is full after nine of these records and leaves at once, without waiting for linger.ms: 1000 ÷ 9 is about 110 requests a second.', ko: '2048바이트 배치는 이 레코드 아홉 개로 가득 차 linger.ms를 기다리지 않고 바로 떠납니다. 1000 ÷ 9, 초당 약 110개의 요청입니다.' },
          { en: '24 a second came from linger.ms with room left in 16384-byte batches; now a batch fills long before 50 ms have passed.', ko: '초당 24개는 16384바이트 배치에 여유가 있을 때 linger.ms가 정한 값입니다. 이제는 50ms가 지나기 훨씬 전에 배치가 찹니다.' },
          { en: 'One request per record would need one-record batches; a 2048-byte batch still holds nine of these small records.', ko: '레코드마다 요청 하나가 되려면 배치에 레코드가 하나씩이어야 합니다. 2048바이트 배치에는 이 작은 레코드가 아홉 개 들어갑니다.' },
        ],
        answer: 0,
        explain: {
          en: 'batch.size caps a batch; linger.ms caps how long it waits. Whichever comes first sends it.',
          ko: 'batch.size는 배치의 크기 상한이고, linger.ms는 기다리는 시간 상한입니다. 둘 중 먼저 닿는 쪽이 배치를 보냅니다.',
        },
      },
      select: { kind: 'producer', id: 'clickstream' },
      playUntilMs: 46000,
      speed: 2,
    },
    {
      text: {
        en: 'Why Kafka is fast: it moves records in batches (one request, one disk append, one replication fetch for many records), appends them sequentially to a log, serves reads from the operating system\'s page cache and sends them to consumers with zero copy. The Metrics tab\'s records-per-second stayed the same throughout; what batching saves is requests, and the work each one costs.',
        ko: 'Kafka가 빠른 이유: 레코드를 배치로 옮기고(요청 하나, 디스크 쓰기 한 번, 복제 Fetch 한 번에 레코드 여러 개), 로그 끝에 순차적으로 쓰고, 읽기는 운영체제의 페이지 캐시에서 제로 카피로 컨슈머에 보냅니다. 메트릭 탭의 초당 레코드 수는 내내 같았습니다. 배치가 줄이는 것은 요청 수와 요청마다 드는 비용입니다.',
      },
      tab: 'metrics',
    },
  ],
  tryThis: [
    { en: 'On the timeline, go back to 10 s, 25 s and 45 s and compare the number beside the request dots on the map: about two, forty and nine records.', ko: '타임라인에서 10초, 25초, 45초로 돌아가 지도에서 요청 점 옆의 숫자를 비교해 보세요. 레코드 약 2개, 40개, 9개입니다.' },
    { en: 'Click clickstream, set acks to 0 and press Apply: Produce requests keep leaving in batches, but the producer no longer waits for any answer.', ko: 'clickstream을 클릭해 acks를 0으로 바꾸고 적용을 누르세요. Produce 요청은 계속 배치로 떠나지만 프로듀서는 더 이상 응답을 기다리지 않습니다.' },
  ],
}
