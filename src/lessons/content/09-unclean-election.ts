// Lesson 9: clean and unclean leader election side by side. When the only in-sync replica dies,
// unclean.leader.election.enable=false leaves the partition without a leader (Leader: none; with
// Kafka 4.3's ELR the ISR is empty and the broker waits in the ELR) and loses nothing; true elects an out-of-sync replica and acknowledged records vanish (the checker).

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'
import scenario from '../../../scenarios/lesson-clean-vs-unclean.json' with { type: 'json' }

export const lesson: Lesson = {
  id: 'unclean-election',
  number: 9,
  title: lessonTitle('unclean-election'),
  summary: {
    en: 'The same failure hits two topics: one stays offline (Leader: none) and loses nothing, the other elects a stale replica and loses acknowledged records.',
    ko: '같은 장애가 두 토픽에 일어납니다. 한쪽은 리더 없이(Leader: none) 멈추지만 잃는 것이 없고, 다른 쪽은 뒤처진 복제본을 리더로 뽑아 응답까지 받은 레코드를 잃습니다.',
  },
  scenario: { json: scenario },
  steps: [
    {
      text: {
        en: 'Two topics live on the same two brokers, each with one partition, two replicas and min.insync.replicas=1. Both leaders are on broker 1. orders keeps Kafka\'s default unclean.leader.election.enable=false; clicks sets it to true. checkout writes orders and tracker writes clicks, both with acks=all.',
        ko: '두 토픽이 같은 브로커 두 대에 있습니다. 둘 다 파티션 하나, 복제본 둘, min.insync.replicas=1이고 리더는 모두 브로커 1입니다. orders는 Kafka 기본값 unclean.leader.election.enable=false를 그대로 쓰고, clicks는 true로 설정했습니다. checkout은 orders에, tracker는 clicks에 acks=all로 씁니다.',
      },
      target: 'partition-orders-0',
      atMs: 5000,
      playUntilMs: 9000,
    },
    {
      text: {
        en: 'At 10 s the link between the brokers becomes very slow. Broker 2 stops catching up, and after replica.lag.time.max.ms (10 s here) both leaders shrink their ISR to broker 1 alone. With min.insync.replicas=1, acks=all writes are still acknowledged — by one broker only.',
        ko: '10초에 두 브로커 사이 링크가 매우 느려집니다. 브로커 2는 더 이상 따라잡지 못하고, replica.lag.time.max.ms(여기서는 10초)가 지나자 두 리더 모두 ISR을 브로커 1 하나로 줄입니다. min.insync.replicas=1이라 acks=all 쓰기는 계속 응답을 받습니다. 복사본이 브로커 하나에만 있는데도요.',
      },
      target: 'partition-clicks-0',
      playUntilMs: 20500,
    },
    {
      text: {
        en: 'At 40 s broker 1 crashes. The controller fences it after broker.session.timeout.ms (9 s). Now no in-sync replica of either partition is alive; only broker 2, which is behind, is left.',
        ko: '40초에 브로커 1이 죽습니다. 컨트롤러는 broker.session.timeout.ms(9초) 뒤에 브로커 1을 펜싱합니다. 이제 두 파티션 모두 살아 있는 동기화 복제본이 없고, 뒤처진 브로커 2만 남았습니다.',
      },
      target: 'broker-1',
      question: {
        prompt: { en: 'What does the controller do with each partition?', ko: '컨트롤러는 각 파티션을 어떻게 할까요?' },
        choices: [
          { en: 'Both elect broker 2 and lose nothing', ko: '둘 다 브로커 2를 뽑고 잃는 것은 없다' },
          { en: 'orders waits, clicks elects broker 2', ko: 'orders는 기다리고 clicks는 브로커 2를 뽑는다' },
          { en: 'Both wait for broker 1', ko: '둘 다 브로커 1을 기다린다' },
        ],
        why: [
          { en: 'Broker 2 left the ISR and misses records that were acknowledged: orders forbids electing it, and for clicks electing it means losing those records.', ko: '브로커 2는 ISR에서 빠져 응답까지 받은 레코드를 갖고 있지 않습니다. orders는 그런 복제본을 뽑지 않고, clicks는 뽑는 대신 그 레코드를 잃습니다.' },
          { en: 'orders keeps unclean.leader.election.enable=false and shows Leader: none (its ISR is empty and broker 1 waits in the ELR, the eligible leader replicas); clicks allows an unclean election, so broker 2 leads with ISR [2] and only what it had copied.', ko: 'orders는 unclean.leader.election.enable=false라 Leader: none이 됩니다(ISR은 비고, 브로커 1은 ELR, 즉 리더 자격이 있는 복제본으로 남음). clicks는 언클린 선출을 허용해 브로커 2가 ISR [2]로 리더가 되고, 복사해 둔 것만 남습니다.' },
          { en: 'Only orders waits. clicks sets unclean.leader.election.enable=true, so the controller elects the out-of-sync broker 2 rather than leave it offline.', ko: '기다리는 것은 orders뿐입니다. clicks는 unclean.leader.election.enable=true라서 컨트롤러가 오프라인으로 두지 않고 뒤처진 브로커 2를 뽑습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'orders may only elect an in-sync replica, so it shows Leader: none. Since Kafka 4.1 the ISR may become empty: broker 1 moves to the ELR (eligible leader replicas, KIP-966), the replicas known to hold every acknowledged record, and is remembered as the last known leader (describe shows Isr: , Elr: 1, LastKnownElr: 1). clicks allows an unclean election: broker 2 becomes leader with ISR = [2] and only what it had copied.',
          ko: 'orders는 동기화 복제본만 리더가 될 수 있어 Leader: none이 됩니다. Kafka 4.1부터는 ISR이 빌 수 있습니다. 브로커 1은 ELR(eligible leader replicas, KIP-966), 즉 응답한 레코드를 모두 가진 것으로 알려진 복제본 목록으로 옮겨지고, 마지막 리더로도 기록됩니다(describe에 Isr: , Elr: 1, LastKnownElr: 1로 나옴). clicks는 언클린 선출을 허용하므로 브로커 2가 ISR = [2]로 리더가 되고, 자신이 복사해 둔 데이터만 갖습니다.',
        },
      },
      playUntilMs: 47300,
      speed: 2,
    },
    {
      text: {
        en: 'The checker compares every acknowledged record with the logs: clicks lost every record acknowledged after broker 2 fell behind (lost acknowledged writes), and new records now take their offsets. orders lost nothing: its records wait on broker 1\'s disk, and checkout keeps its unsent records until there is a leader.',
        ko: '검사기는 응답받은 모든 레코드를 로그와 비교합니다. clicks는 브로커 2가 뒤처진 뒤에 응답받은 레코드를 모두 잃었고(lost acknowledged writes), 새 레코드가 그 오프셋을 차지합니다. orders는 아무것도 잃지 않았습니다. 레코드는 브로커 1의 디스크에 있고, checkout은 리더가 생길 때까지 보내지 못한 레코드를 들고 기다립니다.',
      },
      tab: 'anomalies',
    },
    {
      text: {
        en: 'At 70 s broker 1 returns. It crashed rather than shutting down cleanly, so the controller first drops it from the ELR; but it was orders\' last known leader, so it leads again with all its records: unavailable, but not lossy. On clicks it truncates its log to broker 2\'s, so the lost records disappear from every replica.',
        ko: '70초에 브로커 1이 돌아옵니다. 정상 종료가 아니라 크래시였으므로 컨트롤러는 먼저 브로커 1을 ELR에서 뺍니다. 하지만 orders의 마지막 리더였으므로 모든 레코드를 가진 채 다시 리더가 됩니다. 잠시 쓸 수 없었을 뿐 잃은 것은 없습니다. clicks에서는 자기 로그를 브로커 2의 로그에 맞춰 잘라내므로, 잃은 레코드는 모든 복제본에서 사라집니다.',
      },
      target: 'partition-orders-0',
      playUntilMs: 72500,
      speed: 2,
    },
    {
      text: {
        en: 'Availability or durability: with unclean.leader.election.enable=false (the default) Kafka waits for an in-sync replica; with true it stays available and may lose acknowledged data. Choose per topic — clicks can lose a few events, orders cannot. The built-in scenarios clean-election-unavailable and unclean-election-data-loss show each case on its own.',
        ko: '가용성이냐 내구성이냐: unclean.leader.election.enable=false(기본값)이면 Kafka는 동기화 복제본을 기다리고, true면 계속 쓸 수 있지만 응답까지 받은 데이터를 잃을 수 있습니다. 토픽마다 고르세요. clicks는 이벤트 몇 개를 잃어도 되지만 orders는 안 됩니다. 내장 시나리오 clean-election-unavailable과 unclean-election-data-loss가 각 경우를 따로 보여 줍니다.',
      },
      target: 'partition-clicks-0',
    },
  ],
  tryThis: [
    { en: 'Press Crash on broker 2’s card and compare the two partitions in the partition log: which one gets a leader, and does the Anomalies tab report anything new?', ko: '브로커 2 카드의 크래시를 누르고 파티션 로그에서 두 파티션을 비교해 보세요. 어느 쪽이 리더를 얻는지, 이상 탭에 새로 보고되는 것이 있는지 확인하세요.' },
    { en: 'In the Anomalies tab press “Go to this moment” on a lost write of clicks-0 and step through what happened to it.', ko: '이상 탭에서 clicks-0의 잃어버린 쓰기에 “이 시점으로 이동”을 누르고 그 레코드에 무슨 일이 있었는지 따라가 보세요.' },
    { en: 'Pick the built-in scenario clean-election-unavailable, then unclean-election-data-loss, under Scenario and watch each case on its own.', ko: '시나리오에서 내장 시나리오 clean-election-unavailable과 unclean-election-data-loss를 차례로 골라 각 경우를 따로 지켜보세요.' },
  ],
}
