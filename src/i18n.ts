// The page's words in English and Korean. Kafka's own names (Leader, Replicas, Isr, acks, error
// names such as NOT_ENOUGH_REPLICAS) stay as Kafka writes them in both languages, so a learner meets
// the same words later in kafka-topics.sh and in the client logs.

export type Locale = 'en' | 'ko'

const en = {
  tagline:
    'A deterministic Apache Kafka 4.x (KRaft) cluster simulator: one seed and one scenario always give exactly the same run, in the browser and in Node.',
  switchLanguage: '한국어',
  scenario: 'Scenario',
  seed: 'seed',
  runTo: 'Run to',
  endOfScenario: (s: string) => `end of scenario (${s})`,
  running: 'running…',
  simTime: 'Simulated time',
  events: 'events',
  traceHash: 'Trace hash',
  brokers: 'Brokers',
  activeController: 'Active controller',
  epoch: 'epoch',
  broker: 'broker',
  controllerBadge: 'controller',
  partitions: 'Partitions',
  internalTopics: (n: number) => `Internal topics (${n} partitions)`,
  noPartitions: 'No partitions yet: the cluster is still starting.',
  producers: 'Producers',
  noProducers: 'This scenario has no producers.',
  readers: 'Readers',
  groups: 'Consumer groups',
  checks: 'Checks',
  checksOk: 'Every check holds.',
  checksFailed: 'The checker found anomalies.',
  firstAnomalies: 'First anomalies',
  moreAnomalies: (n: number) => `${n} more`,
  unknownScenario: (id: string, known: string) => `There is no built-in scenario "${id}". Known scenarios: ${known}.`,
  badSeed: (seed: string) => `The seed "${seed}" is not an integer; using the scenario's own seed.`,
  loadFailed: (message: string) => `The scenario could not be loaded: ${message}`,
  ranIn: (s: string) => `computed in ${s}`,
}

export type Strings = typeof en

const ko: Strings = {
  tagline:
    '결정론적 Apache Kafka 4.x (KRaft) 클러스터 시뮬레이터입니다. 같은 시드와 같은 시나리오는 브라우저에서도 Node에서도 언제나 똑같이 실행됩니다.',
  switchLanguage: 'English',
  scenario: '시나리오',
  seed: '시드',
  runTo: '실행 시점',
  endOfScenario: (s: string) => `시나리오 끝 (${s})`,
  running: '실행 중…',
  simTime: '시뮬레이션 시각',
  events: '이벤트',
  traceHash: '트레이스 해시',
  brokers: '브로커',
  activeController: '활성 컨트롤러',
  epoch: '에포크',
  broker: '브로커',
  controllerBadge: '컨트롤러',
  partitions: '파티션',
  internalTopics: (n: number) => `내부 토픽 (파티션 ${n}개)`,
  noPartitions: '아직 파티션이 없습니다. 클러스터가 시작하는 중입니다.',
  producers: '프로듀서',
  noProducers: '이 시나리오에는 프로듀서가 없습니다.',
  readers: '읽기 클라이언트 (reader)',
  groups: '컨슈머 그룹',
  checks: '검사',
  checksOk: '모든 검사를 통과했습니다.',
  checksFailed: '검사기가 이상 현상을 찾았습니다.',
  firstAnomalies: '처음 발견된 이상 현상',
  moreAnomalies: (n: number) => `${n}개 더 보기`,
  unknownScenario: (id: string, known: string) =>
    `"${id}"라는 내장 시나리오는 없습니다. 사용할 수 있는 시나리오: ${known}.`,
  badSeed: (seed: string) => `시드 "${seed}"는 정수가 아니므로 시나리오의 기본 시드를 사용합니다.`,
  loadFailed: (message: string) => `시나리오를 불러올 수 없습니다: ${message}`,
  ranIn: (s: string) => `계산 시간 ${s}`,
}

export const strings: Record<Locale, Strings> = { en, ko }

/** Korean when the browser's language is Korean, English otherwise. */
export function detectLocale(): Locale {
  const language = typeof navigator === 'undefined' ? '' : (navigator.language ?? '')
  return language.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}
