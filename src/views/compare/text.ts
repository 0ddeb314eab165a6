// The comparison's words in Korean and English: the settings a learner can flip, what each one
// does in Kafka, and the dialog's labels.

import type { Text } from '../../i18n.ts'
import type { SettingId, SettingOption } from '../../compare/variants.ts'

export const L = {
  title: { en: 'Compare two runs', ko: '두 실행 비교' },
  close: { en: 'Close', ko: '닫기' },
  setting: { en: 'Setting to change', ko: '바꿀 설정' },
  nothing: { en: 'This scenario has nothing these settings apply to (no producers, replicated topics or consumer groups).', ko: '이 시나리오에는 이 설정들이 적용될 대상(프로듀서, 복제된 토픽, 컨슈머 그룹)이 없습니다.' },
  play: { en: 'Play both', ko: '둘 다 재생' },
  pause: { en: 'Pause', ko: '일시정지' },
  speed: { en: 'Speed', ko: '속도' },
  clock: { en: 'Simulated time (both runs)', ko: '시뮬레이션 시각 (두 실행 공통)' },
  toEnd: { en: 'Jump to the end', ko: '끝으로 이동' },
  groupEpoch: { en: 'group epoch', ko: '그룹 에포크' },
  running: { en: 'running both to the end…', ko: '두 실행을 끝까지 진행하는 중…' },
  again: { en: 'Start again', ko: '처음부터 다시' },
  againHint: { en: 'Both runs again from 10 s', ko: '두 실행을 10초부터 다시' },
  brokers: { en: 'Brokers', ko: '브로커' },
  partition: { en: 'Partition', ko: '파티션' },
  groups: { en: 'Consumer groups', ko: '컨슈머 그룹' },
  diffTitle: { en: 'Differences', ko: '차이' },
  what: { en: 'What', ko: '항목' },
  meaning: { en: 'What it means', ko: '설명' },
  differs: { en: 'differs', ko: '다름' },
  same: { en: 'same', ko: '같음' },
  warmup: { en: 'start-up', ko: '시작 시' },
  checkedAt: { en: 'checked at', ko: '확인 시각' },
  changedDuringRun: { en: ' (changed during the run)', ko: ' (실행 중 바뀜)' },
  mixed: { en: ' (as in the scenario)', ko: ' (시나리오 그대로)' },
} satisfies Record<string, Text>

export function sameRun(seed: number): Text {
  return {
    en: `Same scenario, seed ${seed} and interventions in both; only this setting differs.`,
    ko: `두 실행 모두 같은 시나리오, 시드 ${seed}, 같은 개입입니다. 이 설정 하나만 다릅니다.`,
  }
}

export function differCount(n: number, total: number): Text {
  return { en: `${n} of ${total} rows differ`, ko: `${total}개 항목 중 ${n}개가 다름` }
}

/** What each setting does in Kafka, in one sentence. */
export const SETTING_ABOUT: Record<SettingId, Text> = {
  acks: {
    en: 'How many replicas must have a record before the leader acknowledges it: all in-sync replicas, or the leader alone.',
    ko: '리더가 레코드를 확인(ack)해 주기 전에 그 레코드를 가져야 하는 레플리카: Isr 전체, 또는 리더 하나.',
  },
  unclean: {
    en: 'Whether an out-of-sync replica may become leader when no in-sync replica is alive: the partition stays writable, but acknowledged records can be lost.',
    ko: '살아 있는 Isr 레플리카가 없을 때 Isr 밖의 레플리카가 리더가 될 수 있는지: 파티션은 계속 쓸 수 있지만 확인된 레코드를 잃을 수 있습니다.',
  },
  strategy: {
    en: 'How a group shares out partitions in a rebalance: range (EAGER: every member gives up everything first) or cooperative-sticky (COOPERATIVE: only what moves).',
    ko: '리밸런싱 때 그룹이 파티션을 나누는 방식: range (EAGER: 모든 멤버가 먼저 전부 내려놓음) 또는 cooperative-sticky (COOPERATIVE: 옮겨 가는 것만).',
  },
  protocol: {
    en: 'Which group protocol the members speak: classic (JoinGroup/SyncGroup; the members assign, and the group stops while it rebalances) or consumer (KIP-848: the coordinator assigns, and only the partitions that move stop).',
    ko: '멤버가 쓰는 그룹 프로토콜: classic (JoinGroup/SyncGroup: 멤버가 할당하고, 리밸런싱 동안 그룹이 멈춤) 또는 consumer (KIP-848: 코디네이터가 할당하고, 옮겨 가는 파티션만 멈춤).',
  },
  idempotence: {
    en: "Whether the broker recognises a producer's retried batch by its producer id and sequence numbers instead of writing it again.",
    ko: '브로커가 재시도된 배치를 프로듀서 id와 시퀀스 번호로 알아보고 다시 쓰지 않는지 여부.',
  },
  elr: {
    en: 'Eligible leader replicas (KIP-966, Kafka 4.1+): replicas that left the ISR while it was under min.insync.replicas stay eligible to lead, so a partition whose ISR emptied can elect one of them without loss; 0 is Kafka 4.0, where the partition waits for its last in-sync replica.',
    ko: '리더 자격 복제본(ELR, KIP-966, Kafka 4.1부터): ISR이 min.insync.replicas보다 작을 때 ISR에서 빠진 복제본은 리더 자격을 유지하므로, ISR이 빈 파티션도 그중 하나를 손실 없이 리더로 뽑을 수 있습니다. 0은 Kafka 4.0의 동작으로, 마지막 동기화 복제본이 돌아올 때까지 기다립니다.',
  },
  mode: {
    en: "Where the cluster's metadata lives and how the controller is elected: KRaft (Kafka 4.x: a Raft quorum of controllers, brokers fenced after broker.session.timeout.ms without a heartbeat) or ZooKeeper mode (legacy: Kafka 3.x, removed in 4.0: a broker is the controller through the /controller znode, and a failed broker is noticed only when its ZooKeeper session expires after zookeeper.session.timeout.ms). The two modes place replicas with different algorithms, so partitions may start with different leaders.",
    ko: '클러스터 메타데이터가 어디에 있고 컨트롤러를 어떻게 뽑는지: KRaft (Kafka 4.x: 컨트롤러들의 Raft 쿼럼, 하트비트가 broker.session.timeout.ms 동안 없으면 브로커를 펜싱) 또는 ZooKeeper 모드 (레거시: Kafka 3.x, 4.0에서 제거: 한 브로커가 /controller znode로 컨트롤러가 되고, 장애 난 브로커는 ZooKeeper 세션이 zookeeper.session.timeout.ms 뒤에 만료되어야 알려짐). 두 모드는 레플리카를 다른 알고리즘으로 배치하므로 파티션의 처음 리더가 다를 수 있습니다.',
  },
  shutdown: {
    en: 'How a broker stops: at once (a crash: its partitions have no working leader until the controller fences it) or by controlled shutdown (it hands its leaderships over and leaves the ISRs first).',
    ko: '브로커가 멈추는 방식: 곧바로 (크래시: 컨트롤러가 fence할 때까지 그 파티션들에 동작하는 리더가 없음) 또는 제어된 종료 (먼저 리더 역할을 넘기고 ISR에서 빠짐).',
  },
}

/** The select's option: "acks: all ↔ 1" ("enable.idempotence: true/false → false" when A's values differ). */
export function optionLabel(o: SettingOption): string {
  return `${o.key}: ${o.a} ${o.a.includes('/') ? '→' : '↔'} ${o.b}`
}

/** A run's name: "A: acks=all" / "B: acks=1". */
export function runName(side: 'A' | 'B', o: SettingOption): Text {
  const base = `${side}: ${o.key}=${side === 'A' ? o.a : o.b}`
  if (side === 'B') return { en: base, ko: base }
  const notes = [o.a.includes('/') ? L.mixed : null, o.changedDuringRun ? L.changedDuringRun : null].filter((x) => x !== null)
  return { en: base + notes.map((n) => n.en).join(''), ko: base + notes.map((n) => n.ko).join('') }
}
