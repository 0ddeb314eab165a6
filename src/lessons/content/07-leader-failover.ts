// Lesson 7: a broker that leads a partition crashes; the controller fences it after
// broker.session.timeout.ms and elects a new leader from the ISR (leader epoch + 1); the producer
// gets errors, refreshes its metadata and carries on. Runs on the built-in leader-failover scenario.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'leader-failover',
  number: 7,
  title: lessonTitle('leader-failover'),
  summary: {
    en: 'Broker 3 leads orders-0 and crashes: watch the controller fence it and pick a new leader from the ISR.',
    ko: 'orders-0의 리더인 브로커 3이 크래시합니다. 컨트롤러가 브로커 3을 펜싱하고 ISR에서 새 리더를 뽑는 과정을 지켜봅니다.',
  },
  scenario: { builtIn: 'leader-failover' },
  steps: [
    {
      atMs: 12_000,
      target: 'partition-orders-0',
      text: {
        en: 'Look at partition orders-0 in the partition log: three replicas, on brokers 3, 1 and 2. Broker 3 is the Leader (★ on its broker card); 1 and 2 are in-sync followers, so the Isr lists 1, 2 and 3. The producer checkout writes with acks=all and min.insync.replicas=2.',
        ko: '파티션 로그에서 orders-0 파티션을 보세요. 복제본이 브로커 3, 1, 2에 하나씩 있습니다. 브로커 3이 Leader(브로커 카드의 ★)이고 1과 2는 동기화된 팔로워라서 Isr에는 1, 2, 3이 모두 있습니다. 프로듀서 checkout은 acks=all, min.insync.replicas=2로 씁니다.',
      },
    },
    {
      target: 'broker-3',
      text: {
        en: 'At 20 s broker 3 crashes (look at its card). It cannot say goodbye: the controller only notices when heartbeats stop.',
        ko: '20초에 브로커 3이 크래시합니다(카드를 보세요). 브로커는 작별 인사를 할 수 없으므로 컨트롤러는 하트비트가 끊긴 뒤에야 알아챕니다.',
      },
      question: {
        prompt: { en: 'Right after the crash, who does the cluster metadata name as the leader of orders-0?', ko: '크래시 직후, 클러스터 메타데이터는 orders-0의 리더를 누구라고 알려 줄까요?' },
        choices: [
          { en: 'Still broker 3', ko: '여전히 브로커 3' },
          { en: 'Broker 1, at once', ko: '즉시 브로커 1' },
          { en: 'No leader (-1)', ko: '리더 없음 (-1)' },
        ],
        why: [
          { en: 'The controller has not fenced broker 3 yet: it waits broker.session.timeout.ms without a heartbeat, so the metadata still says Leader: 3 and requests to it fail.', ko: '컨트롤러는 아직 브로커 3을 펜싱하지 않았습니다. 하트비트 없이 broker.session.timeout.ms를 기다려야 하므로 메타데이터에는 여전히 Leader: 3이고, 그쪽 요청은 실패합니다.' },
          { en: 'A crashed broker cannot announce anything; the new leader is chosen only after the controller fences broker 3, about 12 s later here.', ko: '크래시한 브로커는 아무것도 알릴 수 없습니다. 새 리더는 컨트롤러가 브로커 3을 펜싱한 뒤에야 정해지며, 여기서는 약 12초 뒤입니다.' },
          { en: 'Leader -1 appears only when no eligible replica is left; here nobody has even noticed the crash yet, and later brokers 1 and 2 are in sync.', ko: '리더 -1은 뽑을 수 있는 복제본이 하나도 없을 때만 나옵니다. 지금은 아직 아무도 크래시를 알아채지 못했고, 나중에도 브로커 1과 2가 동기화돼 있습니다.' },
        ],
        answer: 0,
        explain: {
          en: 'The controller has not fenced broker 3 yet, so the metadata still says Leader: 3. Requests to broker 3 fail (NETWORK_EXCEPTION) and the producer retries.',
          ko: '컨트롤러가 아직 브로커 3을 펜싱하지 않았으므로 메타데이터에는 여전히 Leader: 3입니다. 브로커 3으로 가는 요청은 실패(NETWORK_EXCEPTION)하고 프로듀서는 재시도합니다.',
        },
      },
      playUntilMs: 21_000,
      speed: 5,
    },
    {
      target: 'partition-orders-0',
      text: {
        en: 'The controller fences a broker after broker.session.timeout.ms (9 s) without a heartbeat. Here broker 3 also hosted the active controller, so a new controller is elected first. Watch orders-0’s leader and Isr.',
        ko: '컨트롤러는 하트비트 없이 broker.session.timeout.ms(9초)가 지나면 브로커를 펜싱합니다. 여기서는 브로커 3에 활성 컨트롤러도 있었기 때문에 먼저 새 컨트롤러가 선출됩니다. orders-0의 리더와 Isr을 지켜보세요.',
      },
      question: {
        prompt: { en: 'Who becomes the new leader of orders-0?', ko: 'orders-0의 새 리더는 누가 될까요?' },
        choices: [
          { en: 'Broker 1', ko: '브로커 1' },
          { en: 'Any broker, even one without a replica', ko: '복제본이 없는 브로커라도 아무나' },
          { en: 'Nobody until broker 3 returns', ko: '브로커 3이 돌아올 때까지 아무도 아님' },
        ],
        why: [
          { en: 'The controller picks the first replica in replica order that is in the ISR and alive: Replicas 3,1,2 gives broker 1, and the leader epoch goes from 0 to 1.', ko: '컨트롤러는 복제본 순서에서 ISR에 있고 살아 있는 첫 복제본을 고릅니다. Replicas 3,1,2이므로 브로커 1이고, 리더 에포크는 0에서 1이 됩니다.' },
          { en: 'Only a broker that holds a replica has the partition’s log; the leader is always one of the Replicas, and normally one in the ISR.', ko: '파티션의 로그는 복제본을 가진 브로커에만 있습니다. 리더는 언제나 Replicas 중 하나이고, 보통은 ISR에 있는 복제본입니다.' },
          { en: 'Brokers 1 and 2 are in sync and have every acknowledged record, so the controller need not wait; waiting happens only when no in-sync replica is alive (lesson 9).', ko: '브로커 1과 2는 동기화되어 확인된 레코드를 모두 갖고 있으므로 기다릴 필요가 없습니다. 살아 있는 동기화 복제본이 없을 때만 기다립니다(레슨 9).' },
        ],
        answer: 0,
        explain: {
          en: 'At 32.157 s broker 3 is fenced; the controller picks the first replica in the ISR, broker 1, and the leader epoch goes from 0 to 1. The Isr shrinks to 1,2. With two in-sync replicas, acks=all writes still succeed.',
          ko: '32.157초에 브로커 3이 펜싱되고, 컨트롤러는 ISR의 첫 번째 복제본인 브로커 1을 고릅니다. 리더 에포크는 0에서 1이 됩니다. Isr은 1,2로 줄어듭니다. 동기화 복제본이 둘이므로 acks=all 쓰기도 계속 성공합니다.',
        },
      },
      playUntilMs: 32_200,
      speed: 5,
    },
    {
      tab: 'metrics',
      target: 'metrics-panel',
      text: {
        en: 'In Metrics, look at the request errors and the produce rate. While broker 3 was down, requests to it failed with NETWORK_EXCEPTION and orders-0’s batches waited. After the election the producer refreshed its metadata, learned Leader: 1 and sent the waiting batches there. (A broker that is alive but no longer the leader answers NOT_LEADER_OR_FOLLOWER, which also makes the client refresh its metadata.)',
        ko: '지표 탭에서 요청 오류와 프로듀스 속도를 보세요. 브로커 3이 다운된 동안 그쪽으로 가는 요청은 NETWORK_EXCEPTION으로 실패했고 orders-0의 배치는 대기했습니다. 선출 후 프로듀서는 메타데이터를 새로 고쳐 Leader: 1을 알게 되었고, 대기 중인 배치를 그리로 보냈습니다. (살아 있지만 더 이상 리더가 아닌 브로커는 NOT_LEADER_OR_FOLLOWER로 응답하고, 이때도 클라이언트는 메타데이터를 새로 고칩니다.)',
      },
      playUntilMs: 40_000,
      speed: 4,
    },
    {
      atMs: 59_000,
      target: 'broker-3',
      text: {
        en: 'At 60 s broker 3 restarts. It comes back as a follower: it truncates its log to the new leader’s, catches up and rejoins the ISR.',
        ko: '60초에 브로커 3이 다시 시작합니다. 팔로워로 돌아와서 새 리더의 로그에 맞춰 자기 로그를 잘라 내고(truncate), 따라잡은 뒤 ISR에 다시 들어갑니다.',
      },
      question: {
        prompt: { en: 'Does broker 3 get its leadership of orders-0 back right away?', ko: '브로커 3이 orders-0의 리더 자리를 바로 되찾을까요?' },
        choices: [
          { en: 'Yes, right away', ko: '예, 바로 되찾는다' },
          { en: 'No, broker 1 stays leader for now', ko: '아니요, 당분간 브로커 1이 리더로 남는다' },
        ],
        why: [
          { en: 'A returning broker comes back as a follower; leadership moves to the preferred leader only in a preferred-leader election, every leader.imbalance.check.interval.seconds (300 s) or run by an operator.', ko: '돌아온 브로커는 팔로워로 돌아옵니다. 리더는 선호 리더 선출 때만 선호 리더로 옮겨 가며, 이는 leader.imbalance.check.interval.seconds(300초)마다 또는 운영자가 실행할 때입니다.' },
          { en: 'Broker 3 rejoins the Isr (1,2,3) but Leader stays 1 until a preferred-leader election; the P on the chip marks the preferred leader that is not leading.', ko: '브로커 3은 Isr(1,2,3)에 돌아오지만 선호 리더 선출 전까지 Leader는 1로 남습니다. 칩의 P는 리더가 아닌 선호 리더를 표시합니다.' },
        ],
        answer: 1,
        explain: {
          en: 'Broker 3 is back in the Isr (1,2,3) but Leader stays 1: the preferred-leader election runs only every leader.imbalance.check.interval.seconds (300 s). The chip shows P where the preferred leader is not leading.',
          ko: '브로커 3은 Isr(1,2,3)에 돌아왔지만 Leader는 여전히 1입니다. 선호 리더 선출은 leader.imbalance.check.interval.seconds(300초)마다만 실행됩니다. 선호 리더가 리더가 아닌 곳에는 칩에 P가 표시됩니다.',
        },
      },
      playUntilMs: 63_000,
      speed: 2,
    },
    {
      target: 'partition-orders-0',
      tab: 'console',
      text: {
        en: 'The Console shows kafka-topics.sh --describe now: orders-0 has Leader: 1, Replicas: 3,1,2, Isr: 1,2,3. No acknowledged record was lost: the new leader had every record the old one had acknowledged. Try Free play: crash broker 1 and watch the next election.',
        ko: '콘솔 탭에 지금의 kafka-topics.sh --describe 결과가 나옵니다. orders-0은 Leader: 1, Replicas: 3,1,2, Isr: 1,2,3입니다. 확인(ack)된 레코드는 하나도 잃지 않았습니다. 새 리더가 예전 리더가 확인한 모든 레코드를 갖고 있었기 때문입니다. 자유 실습에서 브로커 1을 크래시하고 다음 선출을 지켜보세요.',
      },
    },
  ],
  tryThis: [
    { en: 'Press Crash on broker 2’s card instead and watch which replica of orders-0 stays leader and how the Isr shrinks.', ko: '이번에는 브로커 2 카드의 크래시를 눌러 보세요. orders-0의 리더가 누구로 남는지, Isr이 어떻게 줄어드는지 지켜보세요.' },
    { en: 'Crash broker 1, the new leader, and watch the next election: broker 3, the first of Replicas 3,1,2 still in the Isr, takes over.', ko: '새 리더인 브로커 1을 크래시해서 다음 선출을 지켜보세요. Replicas 3,1,2 중 Isr에 남은 첫 번째인 브로커 3이 이어받습니다.' },
    { en: 'Select broker 3 and press Elect preferred leaders in the inspector: broker 3 leads orders-0 again.', ko: '브로커 3을 선택하고 상세 탭에서 preferred leader 선출을 누르세요. 브로커 3이 다시 orders-0의 리더가 됩니다.' },
  ],
}
