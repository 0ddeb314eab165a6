// Lesson 20: KRaft and ZooKeeper. The legacy ZooKeeper mode of Kafka 3.x (removed in 4.0) runs the
// same broker failure as lesson 10: the controller broker crashes. Nothing happens until ZooKeeper
// expires the broker's session (zookeeper.session.timeout.ms); then /controller is gone, another
// broker creates it with the next controller epoch, reads every partition state back from
// ZooKeeper and elects new leaders from the ISRs. Compare's controller.mode runs it under KRaft.

import type { Lesson } from '../types.ts'
import { lessonTitle } from '../catalog.ts'

export const lesson: Lesson = {
  id: 'kraft-and-zookeeper',
  number: 20,
  title: lessonTitle('kraft-and-zookeeper'),
  summary: {
    en: 'The legacy ZooKeeper mode (Kafka 3.x): the controller broker crashes, and nothing moves until ZooKeeper expires its session; then another broker takes /controller, reads the metadata back and elects new leaders. Compare it with KRaft.',
    ko: '레거시 ZooKeeper 모드(Kafka 3.x): 컨트롤러 브로커가 죽어도 ZooKeeper가 그 세션을 만료시킬 때까지 아무것도 바뀌지 않습니다. 그 뒤 다른 브로커가 /controller를 차지하고, 메타데이터를 다시 읽어 새 리더를 뽑습니다. KRaft와 비교해 보세요.',
  },
  scenario: { builtIn: 'zookeeper-failover' },
  steps: [
    {
      text: {
        en: 'This is Kafka 3.x in ZooKeeper mode, removed in Kafka 4.0. Beside the brokers runs a ZooKeeper ensemble of three servers, zk-1..zk-3. Each broker holds a ZooKeeper session and an ephemeral znode /brokers/ids/<id> that lives only as long as the session. Broker 3 created the ephemeral /controller first, so it is the controller (controller epoch 1 in /controller_epoch). The leaders and ISRs live in ZooKeeper, one state znode per partition; the controller writes them and sends them to the brokers with LeaderAndIsr and UpdateMetadata.',
        ko: 'Kafka 4.0에서 제거된 Kafka 3.x의 ZooKeeper 모드입니다. 브로커 옆에 ZooKeeper 서버 세 대(zk-1..zk-3)로 된 앙상블이 돌아갑니다. 각 브로커는 ZooKeeper 세션과, 세션이 살아 있는 동안만 존재하는 임시(ephemeral) znode /brokers/ids/<id>를 가집니다. 브로커 3이 임시 znode /controller를 가장 먼저 만들었으므로 컨트롤러입니다(/controller_epoch의 컨트롤러 에포크 1). 리더와 ISR은 파티션마다 하나씩 있는 ZooKeeper의 state znode에 있고, 컨트롤러가 이를 기록해 LeaderAndIsr와 UpdateMetadata로 브로커들에게 보냅니다.',
      },
      target: 'zk-ensemble',
      playUntilMs: 15000,
    },
    {
      text: {
        en: 'At 20 s broker 3 crashes: the controller, and the leader of orders-2, at once — the failure of lesson 10, where KRaft had a new controller within two seconds.',
        ko: '20초에 브로커 3이 죽습니다. 컨트롤러이자 orders-2의 리더가 한꺼번에 사라집니다. 10강과 같은 장애인데, KRaft에서는 2초 안에 새 컨트롤러가 생겼습니다.',
      },
      target: 'broker-3',
      question: {
        prompt: { en: 'When does the cluster react?', ko: '클러스터는 언제 반응할까요?' },
        choices: [
          { en: 'Within two seconds, as the KRaft quorum did', ko: 'KRaft 쿼럼처럼 2초 안에' },
          { en: 'Once ZooKeeper expires broker 3’s session', ko: 'ZooKeeper가 브로커 3의 세션을 만료시킬 때' },
          { en: 'Only when broker 3 comes back', ko: '브로커 3이 돌아와야' },
        ],
        why: [
          { en: 'No controller quorum votes here: the brokers learn of a failure only from ZooKeeper, through their watches on /controller and /brokers/ids.', ko: '여기에는 투표하는 컨트롤러 쿼럼이 없습니다. 브로커는 /controller와 /brokers/ids에 건 watch를 통해 ZooKeeper에게서만 장애를 알게 됩니다.' },
          { en: 'ZooKeeper deletes a session’s ephemeral znodes when it has heard nothing from it for zookeeper.session.timeout.ms (18 s); that deletion fires the watches.', ko: 'ZooKeeper는 세션에서 zookeeper.session.timeout.ms(18초) 동안 아무것도 듣지 못하면 그 세션의 임시 znode를 지웁니다. 그 삭제가 watch를 깨웁니다.' },
          { en: 'The metadata is safe in ZooKeeper, so another broker can take over without broker 3, once ZooKeeper says it is gone.', ko: '메타데이터는 ZooKeeper에 안전하게 있으므로, ZooKeeper가 브로커 3이 사라졌다고 알려 주면 다른 브로커가 브로커 3 없이 일을 넘겨받을 수 있습니다.' },
        ],
        answer: 1,
        explain: {
          en: 'For 13 s nothing moves: broker 3’s session is still open, /controller still names it, and orders-2 keeps a leader that is down. ZooKeeper counts zookeeper.session.timeout.ms (18 s) from the last ping it heard, which came a few seconds before the crash.',
          ko: '13초 동안 아무것도 바뀌지 않습니다. 브로커 3의 세션이 아직 열려 있고, /controller도 여전히 브로커 3을 가리키며, orders-2의 리더는 죽은 채로 남아 있습니다. ZooKeeper는 마지막으로 받은 ping부터 zookeeper.session.timeout.ms(18초)를 세는데, 그 ping은 크래시 몇 초 전에 왔습니다.',
        },
      },
      playUntilMs: 32000,
    },
    {
      text: {
        en: 'Now the session expires: ZooKeeper deletes /brokers/ids/3 and /controller, and the watches fire on brokers 1 and 2. Both try to create /controller; broker 1 wins, bumps /controller_epoch to 2 and reads every topic and partition state back from ZooKeeper (on a big cluster this read took minutes). Then it elects orders-2’s leader: the first replica in assignment order that is alive and in the ISR, broker 1, and takes broker 3 out of every ISR.',
        ko: '이제 세션이 만료됩니다. ZooKeeper가 /brokers/ids/3과 /controller를 지우고, 브로커 1과 2의 watch가 깨어납니다. 둘 다 /controller를 만들려 하고, 브로커 1이 이겨 /controller_epoch를 2로 올린 뒤 ZooKeeper에서 모든 토픽과 파티션 상태를 다시 읽습니다(큰 클러스터에서는 이 읽기에 몇 분이 걸렸습니다). 그다음 orders-2의 리더를 뽑습니다. 복제본 순서에서 처음으로 살아 있고 ISR에 있는 브로커 1입니다. 그리고 모든 ISR에서 브로커 3을 뺍니다.',
      },
      target: 'partition-orders-2',
      playUntilMs: 34000,
      tab: 'events',
    },
    {
      text: {
        en: 'Broker 3 restarts at 60 s with a new session and a new /brokers/ids/3 (its broker epoch is the zxid that created it). The controller sees /brokers/ids change, sends broker 3 its partitions with LeaderAndIsr, and broker 3 catches up and rejoins the ISRs. It does not take /controller back: broker 1 keeps it until its own session ends.',
        ko: '브로커 3이 60초에 새 세션과 새 /brokers/ids/3으로 다시 시작합니다(브로커 에포크는 그 znode를 만든 zxid입니다). 컨트롤러는 /brokers/ids가 바뀐 것을 보고 LeaderAndIsr로 브로커 3에게 파티션을 보내고, 브로커 3은 따라잡아 ISR에 다시 들어갑니다. /controller를 되찾지는 않습니다. 브로커 1이 자기 세션이 끝날 때까지 계속 맡습니다.',
      },
      target: 'broker-3',
      playUntilMs: 62000,
    },
    {
      text: {
        en: 'Now compare with KRaft: open Compare and choose controller.mode. Run B is this cluster in KRaft mode: its quorum has a new active controller about 1.6 s after the crash, holds the metadata in its own log (nothing to read back), and fences broker 3 after broker.session.timeout.ms (9 s). “Time with a crashed leader” says how much sooner orders-2 had a working leader.',
        ko: '이제 KRaft와 비교해 보세요. 비교를 열고 controller.mode를 고릅니다. B 실행은 같은 클러스터를 KRaft 모드로 돌린 것입니다. 쿼럼은 크래시 약 1.6초 뒤 새 활성 컨트롤러를 세우고, 메타데이터를 자기 로그에 갖고 있어 다시 읽을 것이 없으며, broker.session.timeout.ms(9초) 뒤 브로커 3을 펜싱합니다. “리더가 다운된 채 있던 시간”이 orders-2가 얼마나 빨리 동작하는 리더를 얻었는지 알려 줍니다.',
      },
    },
  ],
  tryThis: [
    { en: 'Crash two of the three ZooKeeper servers, then crash a broker: with no ZooKeeper quorum nothing can be written, so no leader moves until a server comes back.', ko: 'ZooKeeper 서버 셋 중 둘을 크래시한 뒤 브로커 하나를 크래시해 보세요. ZooKeeper 쿼럼이 없으면 아무것도 기록할 수 없어서, 서버가 돌아올 때까지 리더가 옮겨 가지 않습니다.' },
    { en: 'Open the Console tab and run kafka-topics --describe before and after the session expires: the Leader column still names broker 3 until then.', ko: '콘솔 탭에서 세션이 만료되기 전과 후에 kafka-topics --describe를 실행해 보세요. 그 전까지 Leader 열은 여전히 브로커 3을 가리킵니다.' },
  ],
}
