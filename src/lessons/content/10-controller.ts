// Lesson 10: the KRaft controller. Three brokers are also the controller quorum's voters; the
// active controller (the Raft leader) takes broker heartbeats and elects partition leaders. When
// its broker crashes, the quorum elects a new one within seconds; the new controller fences the
// crashed broker only after broker.session.timeout.ms, then moves its partition leaders. A step
// opens Compare on controller.mode: the same crash in the legacy ZooKeeper mode (lesson 20).

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'controller',
  number: 10,
  title: lessonTitle('controller'),
  summary: {
    en: 'The active KRaft controller crashes: the quorum elects a new one, which fences the dead broker after broker.session.timeout.ms and moves its leaders.',
    ko: '활성 KRaft 컨트롤러가 죽으면 쿼럼이 새 컨트롤러를 뽑고, 새 컨트롤러는 broker.session.timeout.ms 뒤 죽은 브로커를 펜싱하고 리더를 옮깁니다.',
  },
  scenario: { builtIn: 'controller-failover' },
  steps: [
    {
      text: {
        en: 'Each of the three brokers is also a voter of the KRaft controller quorum (combined mode). The voters replicate the metadata log, __cluster_metadata, with Raft; their leader is the active controller — broker 3 here. Every broker registers with it and sends it a heartbeat every 2 s (broker.heartbeat.interval.ms); it decides partition leaders and ISRs and writes them to the metadata log.',
        ko: '브로커 세 대가 각각 KRaft 컨트롤러 쿼럼의 투표자이기도 합니다(combined 모드). 투표자들은 메타데이터 로그 __cluster_metadata를 Raft로 복제하고, 그 리더가 활성 컨트롤러입니다. 여기서는 브로커 3입니다. 모든 브로커는 활성 컨트롤러에 등록하고 2초마다(broker.heartbeat.interval.ms) 하트비트를 보냅니다. 활성 컨트롤러는 파티션 리더와 ISR을 정해 메타데이터 로그에 기록합니다.',
      },
      target: 'broker-3',
      playUntilMs: 15000,
    },
    {
      text: {
        en: 'At 20 s broker 3 crashes: the active controller and the leader of orders-0 at once.',
        ko: '20초에 브로커 3이 죽습니다. 활성 컨트롤러이자 orders-0의 리더가 한꺼번에 사라집니다.',
      },
      target: 'broker-3',
      question: {
        prompt: { en: 'What happens first?', ko: '가장 먼저 무슨 일이 일어날까요?' },
        choices: [
          { en: 'The remaining voters elect a new controller', ko: '남은 투표자들이 새 컨트롤러를 뽑는다' },
          { en: 'Nothing until broker 3 returns', ko: '브로커 3이 돌아올 때까지 아무 일도 없다' },
          { en: 'The producer picks a new controller', ko: '프로듀서가 새 컨트롤러를 고른다' },
        ],
        why: [
          { en: 'A voter that hears nothing from the leader for controller.quorum.fetch.timeout.ms (2 s) starts an election; two of three is a majority, and the winner already has the metadata log.', ko: 'controller.quorum.fetch.timeout.ms(2초) 동안 리더에게서 소식이 없으면 투표자가 선거를 시작합니다. 셋 중 둘이면 과반이고, 당선자는 이미 메타데이터 로그를 갖고 있습니다.' },
          { en: 'The metadata log __cluster_metadata is replicated to every voter with Raft, so brokers 1 and 2 have it too, and two of three voters can carry on.', ko: '메타데이터 로그 __cluster_metadata는 Raft로 모든 투표자에게 복제되어 있어 브로커 1과 2도 갖고 있고, 셋 중 둘로 계속 진행할 수 있습니다.' },
          { en: 'Clients have no vote: only the voters of the controller quorum elect the active controller, and producers learn the new metadata from brokers.', ko: '클라이언트에게는 투표권이 없습니다. 컨트롤러 쿼럼의 투표자만 활성 컨트롤러를 뽑고, 프로듀서는 브로커에게서 새 메타데이터를 받습니다.' },
        ],
        answer: 0,
        explain: {
          en: 'A voter that hears nothing from the leader for controller.quorum.fetch.timeout.ms (2 s) asks for votes; two of three is a majority. The winner already has the whole metadata log, so it takes over at once, with a higher epoch.',
          ko: 'controller.quorum.fetch.timeout.ms(2초) 동안 리더에게서 소식이 없으면 투표자가 선거를 시작합니다. 셋 중 둘이면 과반입니다. 당선된 컨트롤러는 이미 메타데이터 로그 전체를 갖고 있어 더 높은 epoch로 바로 일을 넘겨받습니다.',
        },
      },
      playUntilMs: 21800,
    },
    {
      text: {
        en: 'The new controller learns heartbeats afresh, so it fences broker 3 only after broker.session.timeout.ms (9 s) without one. Until then broker 3 still leads orders-0 and sits in every ISR, so acks=all writes wait. Once it is fenced, orders-0 gets a new leader from its ISR and the ISRs shrink: the producer carries on.',
        ko: '새 컨트롤러는 하트비트 기록을 처음부터 다시 쌓기 때문에, broker.session.timeout.ms(9초) 동안 하트비트가 없어야 브로커 3을 펜싱합니다. 그 전까지 브로커 3은 여전히 orders-0의 리더이고 모든 ISR에 들어 있어 acks=all 쓰기가 기다립니다. 펜싱되면 orders-0은 ISR에서 새 리더를 얻고 ISR들이 줄어들어 프로듀서가 다시 진행합니다.',
      },
      target: 'partition-orders-0',
      playUntilMs: 30900,
      speed: 2,
    },
    {
      text: {
        en: 'Now broker 3 restarts. It registers with the new controller, stays fenced until it has replayed the metadata log, then catches up on its partitions and rejoins their ISRs. It is a voter again, but a follower: the active controller stays broker 2.',
        ko: '이제 브로커 3을 다시 시작합니다. 새 컨트롤러에 등록하고, 메타데이터 로그를 따라잡을 때까지 펜싱된 상태로 있다가, 파티션을 따라잡아 ISR에 다시 들어갑니다. 다시 투표자가 되지만 팔로워입니다. 활성 컨트롤러는 그대로 브로커 2입니다.',
      },
      target: 'broker-3',
      atMs: 35000,
      actions: [{ action: 'restartBroker', broker: 3 }],
      playUntilMs: 37500,
    },
    {
      text: {
        en: 'Before Kafka 4.0 a cluster could keep its metadata in ZooKeeper instead. Open Compare and choose controller.mode: run B is this cluster in that legacy ZooKeeper mode. There no quorum notices the crash: one broker is the controller because it created the /controller znode, and ZooKeeper says broker 3 is gone only when its session expires, zookeeper.session.timeout.ms (18 s) after the last ping it heard. In B a new controller takes over, reads all metadata back from ZooKeeper and moves the leaders at about 33 s, against 21.6 s for the new controller and 30.6 s for the new leader here: see “Time with a crashed leader”. Lesson 20 follows that run step by step.',
        ko: 'Kafka 4.0 이전에는 메타데이터를 ZooKeeper에 둘 수도 있었습니다. 비교를 열고 controller.mode를 고르세요. B 실행은 같은 클러스터를 그 레거시 ZooKeeper 모드로 돌린 것입니다. 거기서는 크래시를 알아차리는 쿼럼이 없습니다. /controller znode를 만든 브로커 하나가 컨트롤러이고, ZooKeeper는 브로커 3의 세션이 만료되어야, 즉 마지막으로 받은 ping부터 zookeeper.session.timeout.ms(18초)가 지나야 브로커 3이 사라졌다고 알립니다. B에서는 약 33초에 새 컨트롤러가 일을 넘겨받아 ZooKeeper에서 메타데이터를 모두 다시 읽고 리더를 옮깁니다. 여기서는 새 컨트롤러가 21.6초, 새 리더가 30.6초였습니다. “리더가 다운된 채 있던 시간”을 보세요. 20강에서 그 실행을 한 단계씩 따라갑니다.',
      },
    },
    {
      text: {
        en: 'Kafka 4 runs KRaft only. The Events tab lists every step you just watched: the vote, the new epoch, the fencing and the leader moves.',
        ko: 'Kafka 4는 KRaft만 씁니다. 이벤트 탭에서 방금 본 투표, 새 epoch, 펜싱, 리더 이동을 모두 확인할 수 있습니다.',
      },
      tab: 'events',
    },
  ],
  tryThis: [
    { en: 'Press Crash on broker 2’s card, the active controller now: brokers 1 and 3 elect a new one and, after broker.session.timeout.ms, it fences broker 2.', ko: '지금 활성 컨트롤러인 브로커 2 카드의 크래시를 눌러 보세요. 브로커 1과 3이 새 컨트롤러를 뽑고, 새 컨트롤러는 broker.session.timeout.ms 뒤 브로커 2를 펜싱합니다.' },
    { en: 'Then crash a second broker: one voter of three is no majority, so no new active controller can be elected: check the Events tab.', ko: '이어서 브로커를 하나 더 크래시해 보세요. 셋 중 한 투표자로는 과반이 안 되므로, 새 활성 컨트롤러를 뽑을 수 없습니다. 이벤트 탭에서 확인해 보세요.' },
  ],
}
