// The scenario builder's words, in English and Korean. Kafka's names (configs, acks values,
// assignors) stay as Kafka spells them in both.

export const L = {
  title: { en: 'Build your own cluster', ko: '직접 클러스터 만들기' },
  intro: {
    en: 'Starts from the scenario on the page. Run opens it here (share links and session export carry it); Export scenario writes a file that `kafkascope run` runs with the same trace hash.',
    ko: '지금 화면의 시나리오에서 시작합니다. 실행하면 여기에서 열리고(공유 링크와 세션 내보내기에 함께 담깁니다), 시나리오 내보내기는 `kafkascope run`으로 같은 트레이스 해시를 내는 파일을 씁니다.',
  },
  close: { en: 'Close', ko: '닫기' },
  run: { en: 'Run', ko: '실행' },
  exportScenario: { en: 'Export scenario', ko: '시나리오 내보내기' },
  cancel: { en: 'Cancel', ko: '취소' },
  ok: { en: 'The scenario is valid.', ko: '시나리오가 올바릅니다.' },
  problemAt: { en: 'Fix this first', ko: '먼저 고칠 곳' },
  goTo: { en: 'Go to the field', ko: '입력란으로 이동' },

  scenario: { en: 'Scenario', ko: '시나리오' },
  name: { en: 'Name', ko: '이름' },
  seed: { en: 'Seed', ko: '시드' },
  description: { en: 'Description', ko: '설명' },
  duration: { en: 'Duration (durationMs)', ko: '실행 길이 (durationMs)' },

  cluster: { en: 'Brokers and controllers', ko: '브로커와 컨트롤러' },
  brokers: { en: 'Brokers', ko: '브로커 수' },
  mode: { en: 'Controller mode', ko: '컨트롤러 모드' },
  kraft: { en: 'KRaft (Kafka 4.x)', ko: 'KRaft (Kafka 4.x)' },
  zooKeeper: { en: 'ZooKeeper (legacy: Kafka 3.x, removed in 4.0)', ko: 'ZooKeeper (레거시: Kafka 3.x, 4.0에서 제거)' },
  zooKeeperNodes: { en: 'ZooKeeper servers', ko: 'ZooKeeper 서버 수' },
  zooKeeperNodesHint: { en: 'zk-1..zk-N; empty: 3', ko: 'zk-1..zk-N, 비우면 3' },
  zooKeeperNote: {
    en: 'One broker is the controller, elected through ZooKeeper (/controller); a broker failure is noticed when its session expires (zookeeper.session.timeout.ms). No KRaft quorum, no ELR, no share groups or KIP-848 groups; timeline actions that need the KRaft controller are refused.',
    ko: '브로커 하나가 ZooKeeper(/controller)로 선출되어 컨트롤러가 됩니다. 브로커 장애는 그 세션이 만료되어야(zookeeper.session.timeout.ms) 알게 됩니다. KRaft 쿼럼, ELR, 셰어 그룹, KIP-848 그룹은 없고, KRaft 컨트롤러가 필요한 타임라인 동작은 거부됩니다.',
  },
  voters: { en: 'Controller voters', ko: '컨트롤러 voter 수' },
  votersHint: { en: 'empty: min(3, brokers)', ko: '비우면 min(3, 브로커 수)' },
  placement: { en: 'Controller placement (KRaft)', ko: '컨트롤러 배치 (KRaft)' },
  combined: { en: 'combined with brokers 1..voters', ko: '브로커 1..voter와 함께 (combined)' },
  dedicated: { en: 'dedicated nodes controller-1..N', ko: '전용 노드 controller-1..N (dedicated)' },
  brokerConfig: { en: 'Other broker configs (key=value lines)', ko: '그 밖의 브로커 설정 (key=value 줄)' },

  topics: { en: 'Topics', ko: '토픽' },
  topic: { en: 'Topic', ko: '토픽' },
  topicName: { en: 'Topic name', ko: '토픽 이름' },
  partitions: { en: 'Partitions', ko: '파티션 수' },
  replicationFactor: { en: 'Replication factor', ko: '복제 계수 (replication factor)' },
  otherTopicConfig: { en: 'Other topic configs (key=value lines)', ko: '그 밖의 토픽 설정 (key=value 줄)' },
  addTopic: { en: '+ Add topic', ko: '+ 토픽 추가' },
  remove: { en: 'Remove', ko: '삭제' },

  producers: { en: 'Producers', ko: '프로듀서' },
  producer: { en: 'Producer', ko: '프로듀서' },
  producerId: { en: 'Producer id', ko: '프로듀서 id' },
  rate: { en: 'Records per second', ko: '초당 레코드 수' },
  keys: { en: 'Keys', ko: '키' },
  keysNone: { en: 'none (null keys, sticky partitioning)', ko: '없음 (null 키, sticky 파티셔닝)' },
  keysPool: { en: 'a pool of distinct keys', ko: '서로 다른 키 묶음 (pool)' },
  keysList: { en: 'a list of keys', ko: '키 목록 (list)' },
  poolSize: { en: 'Distinct keys', ko: '키 개수' },
  keyList: { en: 'Keys (comma-separated)', ko: '키 (쉼표로 구분)' },
  valueBytes: { en: 'Value bytes', ko: '값 크기 (바이트)' },
  otherProducerConfig: { en: 'Other producer configs (key=value lines)', ko: '그 밖의 프로듀서 설정 (key=value 줄)' },
  addProducer: { en: '+ Add producer', ko: '+ 프로듀서 추가' },

  groups: { en: 'Consumer groups', ko: '컨슈머 그룹' },
  group: { en: 'Group', ko: '그룹' },
  groupId: { en: 'Group id', ko: '그룹 id' },
  groupTopics: { en: 'Subscribed topics', ko: '구독할 토픽' },
  members: { en: 'Members', ko: '멤버 수' },
  processing: { en: 'Processing ms per record', ko: '레코드당 처리 시간 (ms)' },
  staticMembership: { en: 'Static membership (group.instance.id)', ko: '정적 멤버십 (group.instance.id)' },
  otherConsumerConfig: { en: 'Other consumer configs (key=value lines)', ko: '그 밖의 컨슈머 설정 (key=value 줄)' },
  addGroup: { en: '+ Add consumer group', ko: '+ 컨슈머 그룹 추가' },
  noTopics: { en: 'Add a topic first.', ko: '먼저 토픽을 추가하세요.' },

  kafkaDefault: { en: 'Kafka default', ko: 'Kafka 기본값' },
  carried: { en: 'Also from the scenario', ko: '시나리오에서 함께 가져올 것' },
  keepTimeline: { en: 'Keep its timeline', ko: '타임라인 유지' },
  keepReaders: { en: 'Keep its readers', ko: '리더(reader) 유지' },
  keepExpect: { en: 'Keep its expectations (expect)', ko: '기대 결과(expect) 유지' },
  actions: { en: 'actions', ko: '개 동작' },
}

/** "Kafka default (all)" */
export function defaultLabel(locale: 'en' | 'ko', value: string): string {
  return `${L.kafkaDefault[locale]} (${value})`
}
