// Lesson 8: what acks=0/1/all promise, how a slow follower leaves the ISR after
// replica.lag.time.max.ms, why acks=all gets NOT_ENOUGH_REPLICAS once the ISR is smaller than
// min.insync.replicas, and why the high watermark decides what consumers may read.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'
import scenario from '../../../scenarios/lesson-isr-acks.json' with { type: 'json' }

export const lesson: Lesson = {
  id: 'isr-acks',
  number: 8,
  title: lessonTitle('isr-acks'),
  summary: {
    en: 'A slow follower leaves the ISR, a crash leaves the leader alone, and acks=all is refused with NOT_ENOUGH_REPLICAS while acks=1 writes stay unreadable.',
    ko: '느린 팔로워가 ISR에서 빠지고, 장애로 리더만 남으면 acks=all은 NOT_ENOUGH_REPLICAS로 거절되고 acks=1로 쓴 레코드는 읽을 수 없게 됩니다.',
  },
  scenario: { json: scenario },
  steps: [
    {
      text: {
        en: 'ledger-0 has three replicas on brokers 1, 2 and 3; broker 3 is the leader and all three are in sync (Isr). The topic sets min.insync.replicas=2. Two producers write to it: payments with acks=all (the leader answers once every in-sync replica has the record) and metrics with acks=1 (the leader answers as soon as it has written it). The reader auditor may read only below the high watermark: the offset every in-sync replica has reached.',
        ko: 'ledger-0에는 브로커 1, 2, 3에 복제본이 세 개 있고, 리더는 브로커 3이며 셋 모두 동기화 상태(Isr)입니다. 토픽 설정은 min.insync.replicas=2입니다. 프로듀서 두 개가 씁니다. payments는 acks=all(모든 동기화 복제본이 레코드를 받은 뒤에 리더가 응답), metrics는 acks=1(리더가 자기 로그에 쓰자마자 응답)입니다. 컨슈머 auditor는 하이 워터마크, 즉 모든 동기화 복제본이 도달한 오프셋보다 앞의 레코드만 읽을 수 있습니다.',
      },
      target: 'partition-ledger-0',
      playUntilMs: 12000,
    },
    {
      text: {
        en: 'At 15 s the link between the leader and broker 2 gets 15 s slower each way. Broker 2 still fetches, but every answer is old by the time it arrives, so it never catches up.',
        ko: '15초에 리더와 브로커 2 사이의 링크가 양방향으로 15초씩 느려집니다. 브로커 2는 계속 Fetch하지만 응답이 도착할 때면 이미 오래된 데이터라 끝내 따라잡지 못합니다.',
      },
      target: 'broker-2',
      question: {
        prompt: {
          en: 'Broker 2 is still in the ISR. What happens to payments (acks=all) in the next few seconds?',
          ko: '브로커 2는 아직 ISR에 있습니다. 앞으로 몇 초 동안 payments(acks=all)는 어떻게 될까요?',
        },
        choices: [
          { en: 'Acknowledged as before', ko: '전처럼 응답을 받는다' },
          { en: 'Its acknowledgements stall', ko: '응답이 멈춘다' },
          { en: 'NOT_ENOUGH_REPLICAS at once', ko: '바로 NOT_ENOUGH_REPLICAS를 받는다' },
        ],
        why: [
          { en: 'acks=all waits for every replica in the ISR, and broker 2 is still in it: its late fetches hold the high watermark back.', ko: 'acks=all은 ISR의 모든 복제본을 기다리는데 브로커 2가 아직 ISR에 있습니다. 늦게 도착하는 페치가 하이 워터마크를 붙잡아 둡니다.' },
          { en: 'The high watermark is the smallest log end in the ISR, so it stops at broker 2; acks=all requests wait in the leader (purgatory) until it passes them.', ko: '하이 워터마크는 ISR 중 가장 작은 로그 끝이라 브로커 2에서 멈춥니다. acks=all 요청은 하이 워터마크가 지나갈 때까지 리더 안(purgatory)에서 기다립니다.' },
          { en: 'NOT_ENOUGH_REPLICAS compares the ISR size with min.insync.replicas=2; with three in the ISR the leader accepts the writes, it just cannot acknowledge them yet.', ko: 'NOT_ENOUGH_REPLICAS는 ISR 크기를 min.insync.replicas=2와 비교한 결과입니다. ISR에 셋이 있으니 리더는 쓰기를 받아들이고, 아직 응답하지 못할 뿐입니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The high watermark is the smallest log end of the in-sync replicas, so it stops at broker 2. acks=all requests wait in the leader (purgatory) until the high watermark passes them. metrics (acks=1) is still acknowledged, but its records are not readable yet either.',
          ko: '하이 워터마크는 동기화 복제본들의 로그 끝 중 가장 작은 값이라 브로커 2에서 멈춥니다. acks=all 요청은 하이 워터마크가 지나갈 때까지 리더 안(purgatory)에서 기다립니다. metrics(acks=1)는 여전히 응답을 받지만, 그 레코드도 아직 읽을 수는 없습니다.',
        },
      },
      playUntilMs: 22000,
    },
    {
      text: {
        en: 'Broker 2 has not caught up for replica.lag.time.max.ms (10 s here; the leader checks every half of that), so the leader removes it from the ISR with an AlterPartition: Isr is now 3,1 (Kafka keeps the stored order and removes broker 2). The high watermark jumps forward, and with two in-sync replicas (= min.insync.replicas) acks=all carries on.',
        ko: '브로커 2가 replica.lag.time.max.ms(여기서는 10초, 리더는 그 절반마다 검사) 동안 따라잡지 못하자 리더가 AlterPartition으로 ISR에서 뺍니다. 이제 Isr은 3,1입니다(Kafka는 저장된 순서를 유지한 채 브로커 2만 뺍니다). 하이 워터마크가 한 번에 앞으로 나가고, 동기화 복제본이 둘(= min.insync.replicas)이라 acks=all도 계속 진행됩니다.',
      },
      target: 'partition-ledger-0',
      playUntilMs: 25300,
    },
    {
      text: {
        en: 'At 30 s broker 1, the other follower, crashes. After broker.session.timeout.ms (9 s) without a heartbeat the controller fences it and the ISR is the leader alone.',
        ko: '30초에 다른 팔로워인 브로커 1이 죽습니다. broker.session.timeout.ms(9초) 동안 하트비트가 없으면 컨트롤러가 브로커 1을 펜싱하고, ISR에는 리더만 남습니다.',
      },
      target: 'broker-1',
      question: {
        prompt: {
          en: 'One in-sync replica, min.insync.replicas=2. What do the producers get?',
          ko: '동기화 복제본 하나, min.insync.replicas=2. 프로듀서들은 어떤 응답을 받을까요?',
        },
        choices: [
          { en: 'Both are acknowledged', ko: '둘 다 응답을 받는다' },
          { en: 'payments is refused, metrics acknowledged', ko: 'payments는 거절되고 metrics는 응답을 받는다' },
          { en: 'Both are refused', ko: '둘 다 거절된다' },
        ],
        why: [
          { en: 'For acks=all the leader checks the ISR size against min.insync.replicas before appending: with one in-sync replica, payments is refused.', ko: 'acks=all이면 리더가 쓰기 전에 ISR 크기를 min.insync.replicas와 비교합니다. 동기화 복제본이 하나뿐이라 payments는 거절됩니다.' },
          { en: 'payments (acks=all) gets NOT_ENOUGH_REPLICAS and retries; metrics (acks=1) is never checked against min.insync.replicas and is acknowledged once the leader has written.', ko: 'payments(acks=all)는 NOT_ENOUGH_REPLICAS를 받고 재시도합니다. metrics(acks=1)는 min.insync.replicas 검사를 받지 않아 리더가 쓰자마자 응답을 받습니다.' },
          { en: 'min.insync.replicas only applies to acks=all: metrics with acks=1 is acknowledged as soon as the leader has the record.', ko: 'min.insync.replicas는 acks=all에만 적용됩니다. acks=1인 metrics는 리더가 레코드를 갖자마자 응답을 받습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'With acks=all the leader refuses a write before appending it when the ISR is smaller than min.insync.replicas: NOT_ENOUGH_REPLICAS, which the producer retries. The requests already written first waited and timed out (REQUEST_TIMED_OUT, request.timeout.ms is 12 s here). acks=1 is never checked against min.insync.replicas.',
          ko: 'acks=all이면 ISR이 min.insync.replicas보다 작을 때 리더가 쓰기 전에 거절합니다(NOT_ENOUGH_REPLICAS, 프로듀서는 재시도). 이미 쓰인 요청들은 먼저 기다리다가 타임아웃됐습니다(REQUEST_TIMED_OUT, 여기서 request.timeout.ms는 12초). acks=1은 min.insync.replicas 검사를 받지 않습니다.',
        },
      },
      playUntilMs: 46000,
      speed: 2,
    },
    {
      text: {
        en: 'metrics is acknowledged, but its records are not readable: the high watermark cannot advance while the ISR is smaller than min.insync.replicas, so auditor gets nothing new. Written is not the same as committed — if the leader failed now, those records could be lost. Now metrics switches to acks=0: it does not even wait for the leader to answer.',
        ko: 'metrics는 응답을 받지만 그 레코드는 읽을 수 없습니다. ISR이 min.insync.replicas보다 작으면 하이 워터마크가 움직이지 못해 auditor는 새 레코드를 하나도 받지 못합니다. 쓰였다고 커밋된 것은 아닙니다. 지금 리더가 죽으면 이 레코드들은 사라질 수 있습니다. 이제 metrics를 acks=0으로 바꿉니다. 리더의 응답조차 기다리지 않습니다.',
      },
      select: { kind: 'partition', topic: 'ledger', partition: 0 },
      actions: [{ action: 'setProducerConfig', producer: 'metrics', config: { acks: '0', 'enable.idempotence': false } }],
      playUntilMs: 52000,
    },
    {
      text: {
        en: 'At 60 s the slow link heals. Broker 2 catches up to the high watermark and the leader adds it back: Isr 2,3 meets min.insync.replicas again. The high watermark jumps, auditor reads everything that was written, and payments\' retried records go in.',
        ko: '60초에 느린 링크가 복구됩니다. 브로커 2가 하이 워터마크까지 따라잡자 리더가 다시 ISR에 넣습니다. Isr 2,3이 다시 min.insync.replicas를 만족합니다. 하이 워터마크가 한 번에 나아가고, auditor는 쓰여 있던 레코드를 모두 읽으며, payments가 재시도하던 레코드도 들어갑니다.',
      },
      target: 'partition-ledger-0',
      playUntilMs: 61500,
      speed: 2,
    },
  ],
  tryThis: [
    { en: 'Press Restart on broker 1’s card: it catches up, the Isr grows back to three and the high watermark follows.', ko: '브로커 1 카드의 재시작을 눌러 보세요. 따라잡은 뒤 Isr이 다시 셋이 되고 하이 워터마크도 따라갑니다.' },
    { en: 'Click the producer metrics, set acks to all and press Apply, then press Crash on broker 2’s card: now metrics gets NOT_ENOUGH_REPLICAS too.', ko: '프로듀서 metrics를 클릭해 acks를 all로 바꾸고 적용을 누른 뒤, 브로커 2 카드의 크래시를 눌러 보세요. 이제 metrics도 NOT_ENOUGH_REPLICAS를 받습니다.' },
    { en: 'In the Console tab compare the Isr of ledger-0 before and after each change.', ko: '콘솔 탭에서 변경할 때마다 ledger-0의 Isr을 전후로 비교해 보세요.' },
  ],
}
