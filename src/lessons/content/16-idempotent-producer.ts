// Lesson 16: the idempotent producer. A produce request that was written but whose response came
// too late is sent again; without idempotence the broker writes it twice (the checker counts the
// duplicates), with it the broker recognises the producer id and sequence numbers.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'idempotent-producer',
  number: 16,
  title: lessonTitle('idempotent-producer'),
  summary: {
    en: 'Late responses make two producers retry; only the one with enable.idempotence=false writes duplicates.',
    ko: '응답이 늦으면 두 프로듀서 모두 재시도하지만, 중복을 쓰는 것은 enable.idempotence=false인 쪽뿐입니다.',
  },
  scenario: { builtIn: 'idempotent-retries' },
  steps: [
    {
      text: {
        en: 'Two producers write to payments with acks=all and request.timeout.ms=2000. safe-payer is idempotent (enable.idempotence=true, the default since Kafka 3.0): it gets a producer id and numbers every batch per partition. legacy-payer sets enable.idempotence=false.',
        ko: '프로듀서 두 개가 acks=all, request.timeout.ms=2000으로 payments에 씁니다. safe-payer는 멱등성 프로듀서(enable.idempotence=true, Kafka 3.0부터 기본값)라 프로듀서 ID를 받고 파티션마다 배치에 시퀀스 번호를 붙입니다. legacy-payer는 enable.idempotence=false입니다.',
      },
      select: { kind: 'producer', id: 'legacy-payer' },
      playUntilMs: 15000,
    },
    {
      text: {
        en: 'From 20 s both producers\' links to the leader get 1.5 s slower each way. A request still arrives and is written, but its response comes back after the 2 s timeout, so the producer sends the same batch again.',
        ko: '20초부터 두 프로듀서와 리더 사이 링크가 양방향으로 1.5초씩 느려집니다. 요청은 도착해 쓰이지만 응답이 2초 타임아웃 뒤에 돌아오므로, 프로듀서는 같은 배치를 다시 보냅니다.',
      },
      question: {
        prompt: { en: 'Both retry after REQUEST_TIMED_OUT. What ends up in the log?', ko: '둘 다 REQUEST_TIMED_OUT 뒤에 재시도합니다. 로그에는 무엇이 남을까요?' },
        choices: [
          { en: 'Both write duplicates', ko: '두 프로듀서 모두 중복을 쓴다' },
          { en: 'Only legacy-payer writes duplicates', ko: 'legacy-payer만 중복을 쓴다' },
          { en: 'Neither writes duplicates', ko: '둘 다 중복을 쓰지 않는다' },
        ],
        why: [
          { en: 'safe-payer’s retries carry its producer id and the same sequence numbers; the leader sees it already has that batch and answers with the original offsets instead of appending.', ko: 'safe-payer의 재시도는 같은 프로듀서 ID와 시퀀스 번호를 답니다. 리더는 이미 받은 배치임을 알아보고 다시 쓰지 않고 원래 오프셋으로 답합니다.' },
          { en: 'legacy-payer’s retry looks like a new batch to the broker and is appended again; safe-payer’s is recognised by producer id and sequence number and written once.', ko: 'legacy-payer의 재시도는 브로커에게 새 배치로 보여 다시 쓰입니다. safe-payer의 재시도는 프로듀서 ID와 시퀀스 번호로 알아보므로 한 번만 쓰입니다.' },
          { en: 'Without idempotence the broker cannot tell a retry from a new batch, so legacy-payer’s retried batches are written a second time.', ko: '멱등성이 없으면 브로커는 재시도와 새 배치를 구분하지 못합니다. 그래서 legacy-payer가 재시도한 배치는 한 번 더 쓰입니다.' },
        ],
        answer: 1,
        explain: {
          en: 'The broker cannot tell legacy-payer\'s retry from a new batch, so it appends it again. safe-payer\'s retry carries the same producer id and sequence numbers: the leader sees that it already has them and answers with the original offsets.',
          ko: '브로커는 legacy-payer의 재시도를 새 배치와 구분할 수 없어 다시 씁니다. safe-payer의 재시도는 같은 프로듀서 ID와 시퀀스 번호를 달고 오므로, 리더는 이미 받은 배치임을 알고 원래 오프셋으로 답합니다.',
        },
      },
      playUntilMs: 30000,
      speed: 2,
    },
    {
      text: {
        en: 'The checker finds every record that appears at two offsets. Every duplicate it reports is legacy-payer\'s; safe-payer counted as many REQUEST_TIMED_OUT errors but wrote each record once.',
        ko: '검사기는 두 오프셋에 들어간 레코드를 모두 찾아냅니다. 보고된 중복은 전부 legacy-payer의 것이고, safe-payer는 REQUEST_TIMED_OUT을 똑같이 겪었지만 레코드를 한 번씩만 썼습니다.',
      },
      tab: 'anomalies',
    },
    {
      text: {
        en: 'At 35 s the links heal and both producers catch up. Idempotence needs acks=all and at most five requests in flight per connection (the broker remembers each producer\'s last five batches). With acks=0 or 1 it is silently switched off unless you asked for it.',
        ko: '35초에 링크가 복구되고 두 프로듀서 모두 밀린 레코드를 보냅니다. 멱등성에는 acks=all과 연결당 진행 중 요청 다섯 개 이하가 필요합니다(브로커는 프로듀서마다 마지막 배치 다섯 개를 기억합니다). 직접 켜지 않았다면 acks=0이나 1일 때 조용히 꺼집니다.',
      },
      select: { kind: 'producer', id: 'safe-payer' },
      playUntilMs: 40000,
    },
  ],
  tryThis: [
    { en: 'Press Previous back to step 2, choose Free play, click safe-payer, set acks to 1 and press Apply (this also turns idempotence off), then play on: its retries now write duplicates too.', ko: '이전을 눌러 2단계로 돌아가 자유 실습을 고르고, safe-payer를 클릭해 acks를 1로 바꾼 뒤 적용을 누르세요(멱등성도 꺼집니다). 계속 재생하면 이제 그 재시도도 중복을 씁니다.' },
    { en: 'In the Anomalies tab press “Go to this moment” on a duplicate and find its two offsets in the partition log.', ko: '이상 탭에서 중복 하나에 “이 시점으로 이동”을 누르고 파티션 로그에서 그 레코드의 두 오프셋을 찾아보세요.' },
  ],
}
