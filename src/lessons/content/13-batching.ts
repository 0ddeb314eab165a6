// Lesson 13: batching. linger.ms and batch.size decide how many records one Produce request
// carries: the same thousand records a second travel in hundreds of requests or in a couple of
// dozen. Batching is a large part of why Kafka is fast.

import type { Lesson } from '../types.ts'
import scenario from '../../../scenarios/lesson-batching.json' with { type: 'json' }

export const lesson: Lesson = {
  id: 'batching',
  number: 13,
  title: { en: 'Batching and throughput', ko: '배치와 처리량' },
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
          { en: 'Fewer records per second: the producer waits', ko: '초당 레코드 수가 줄어든다: 프로듀서가 기다리니까' },
          { en: 'About twenty times fewer requests carry the same records per second', ko: '같은 초당 레코드를 약 20분의 1의 요청이 실어 나른다' },
          { en: 'Nothing: linger.ms only matters when records have keys', ko: '아무것도: linger.ms는 키가 있을 때만 의미가 있다' },
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
          { en: 'About 110: 1000 records in batches of nine', ko: '약 110개: 레코드 1000개를 아홉 개씩' },
          { en: 'Still about 24', ko: '여전히 약 24개' },
          { en: 'About 1000: one per record', ko: '약 1000개: 레코드마다 하나' },
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
}
