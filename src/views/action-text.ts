// A timeline action (a scenario's or one the person made) told in words, in both languages:
// "Crash broker 3", "브로커 3 크래시". Kafka's names (configs, topics, members, node references such
// as leader:orders-0) stay as Kafka and the scenario file write them. The inspector lists the
// person's changes and what the scenario still has to do with these; the timeline's markers for
// actions to come use them too.

import type { NodeRef, TimelineAction } from '../../sim/index.ts'
import type { Text } from '../i18n.ts'

/** A node as the person named it: "broker 3" for a number, the reference itself otherwise. */
function node(ref: NodeRef): Text {
  return typeof ref === 'number' ? { en: `broker ${ref}`, ko: `브로커 ${ref}` } : { en: ref, ko: ref }
}

/** A duration or a time in whole or decimal seconds: "20 s", "20초". */
export const seconds = (ms: number): Text => ({ en: `${ms / 1000} s`, ko: `${ms / 1000}초` })

function configs(config: Readonly<Record<string, unknown>>): string {
  return Object.entries(config)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ')
}

function join(parts: Text[], sep: string): Text {
  return { en: parts.map((p) => p.en).join(sep), ko: parts.map((p) => p.ko).join(sep) }
}

/** What the action does, as a short sentence without its time. */
export function actionText(a: TimelineAction): Text {
  switch (a.action) {
    case 'crashBroker': {
      const n = node(a.broker)
      return { en: `Crash ${n.en}`, ko: `${n.ko} 크래시` }
    }
    case 'restartBroker': {
      const n = node(a.broker)
      return { en: `Restart ${n.en}`, ko: `${n.ko} 재시작` }
    }
    case 'shutdownBroker': {
      const n = node(a.broker)
      return { en: `Shut ${n.en} down (controlled shutdown)`, ko: `${n.ko} 정상 종료 (controlled shutdown)` }
    }
    case 'isolate': {
      const n = node(a.node)
      return { en: `Cut ${n.en} off the network`, ko: `${n.ko} 고립 (네트워크에서 끊음)` }
    }
    case 'partitionNetwork': {
      const sides = a.sides.map((side) => join(side.map(node), ', '))
      return { en: `Split the network: ${sides.map((s) => `[${s.en}]`).join(' | ')}`, ko: `네트워크 분할: ${sides.map((s) => `[${s.ko}]`).join(' | ')}` }
    }
    case 'healNetwork':
      return { en: 'Heal the network', ko: '네트워크 복구' }
    case 'addBroker':
      return { en: 'Add a broker', ko: '브로커 추가' }
    case 'crashRack':
      return { en: `Lose rack ${a.rack} (crash its brokers)`, ko: `랙 ${a.rack} 장애 (그 랙의 브로커 모두 크래시)` }
    case 'restartRack':
      return { en: `Restart rack ${a.rack}`, ko: `랙 ${a.rack} 재시작` }
    case 'reassignPartitions':
      return { en: `Move ${a.topic}-${a.partition} to brokers ${a.replicas.join(',')}`, ko: `${a.topic}-${a.partition}을(를) 브로커 ${a.replicas.join(',')}(으)로 재할당` }
    case 'verifyReassignment':
      return { en: 'Verify the moves (and remove their throttles once done)', ko: '재할당 확인 (끝났으면 속도 제한 제거)' }
    case 'cancelReassignment':
      return { en: `Cancel the move of ${a.topic}-${a.partition}`, ko: `${a.topic}-${a.partition} 재할당 취소` }
    case 'slowLink': {
      const [x, y] = a.between.map(node)
      const d = seconds(a.extraLatencyMs)
      return { en: `Slow the link ${x.en} ↔ ${y.en} by ${d.en}`, ko: `${x.ko} ↔ ${y.ko} 링크를 ${d.ko} 느리게` }
    }
    case 'cutLink': {
      const [x, y] = a.between.map(node)
      return { en: `Cut the link ${x.en} ↔ ${y.en}`, ko: `${x.ko} ↔ ${y.ko} 링크 끊기` }
    }
    case 'pauseNode': {
      const n = node(a.node)
      const d = a.durationMs === undefined ? null : seconds(a.durationMs)
      return { en: `Pause ${n.en}${d ? ` for ${d.en}` : ''}`, ko: `${n.ko} 일시 정지${d ? ` (${d.ko})` : ''}` }
    }
    case 'resumeNode': {
      const n = node(a.node)
      return { en: `Resume ${n.en}`, ko: `${n.ko} 재개` }
    }
    case 'crashController': {
      const n = a.controller === undefined ? { en: 'the active controller', ko: '활성 컨트롤러' } : node(a.controller)
      return { en: `Crash ${n.en}`, ko: `${n.ko} 크래시` }
    }
    case 'clientRequest':
      return { en: `${a.client} sends ${a.request.api} to broker ${a.broker}`, ko: `${a.client}이(가) 브로커 ${a.broker}에 ${a.request.api} 전송` }
    case 'crashZooKeeper':
      return { en: `Crash ZooKeeper server ${a.server}`, ko: `ZooKeeper 서버 ${a.server} 크래시` }
    case 'restartZooKeeper':
      return { en: `Restart ZooKeeper server ${a.server}`, ko: `ZooKeeper 서버 ${a.server} 재시작` }
    case 'crashConsumer':
      return { en: `Crash consumer ${a.member}`, ko: `컨슈머 ${a.member} 크래시` }
    case 'addConsumer':
      return { en: `Add a consumer to group ${a.groupId}`, ko: `그룹 ${a.groupId}에 컨슈머 추가` }
    case 'removeConsumer':
      return { en: `Remove consumer ${a.member} (it leaves the group)`, ko: `컨슈머 ${a.member} 제거 (그룹을 떠남)` }
    case 'restartConsumer': {
      const d = seconds(a.afterMs)
      return { en: `Restart consumer ${a.member} after ${d.en}`, ko: `${d.ko} 뒤 컨슈머 ${a.member} 재시작` }
    }
    case 'stopProducer':
      return { en: `Stop producer ${a.producer}`, ko: `프로듀서 ${a.producer} 중지` }
    case 'startProducer':
      return { en: `Start producer ${a.producer}`, ko: `프로듀서 ${a.producer} 시작` }
    case 'setTopicConfig':
      return { en: `Topic ${a.topic}: ${configs(a.config)}`, ko: `토픽 ${a.topic}: ${configs(a.config)}` }
    case 'setProducerConfig':
      return { en: `Producer ${a.producer}: ${configs(a.config)}`, ko: `프로듀서 ${a.producer}: ${configs(a.config)}` }
    case 'setConsumerConfig':
      return { en: `Group ${a.groupId}: ${configs(a.config)}`, ko: `그룹 ${a.groupId}: ${configs(a.config)}` }
    case 'addPartitions':
      return { en: `Grow topic ${a.topic} to ${a.count} partitions`, ko: `토픽 ${a.topic}의 파티션을 ${a.count}개로 늘림` }
    case 'produce': {
      const key = a.key === undefined ? null : a.key === null ? 'null' : a.key
      return { en: `Producer ${a.producer} sends one record${key ? ` (key ${key})` : ''}`, ko: `프로듀서 ${a.producer}: 레코드 하나 전송${key ? ` (키 ${key})` : ''}` }
    }
    case 'electPreferredLeaders': {
      const what = a.topic === undefined ? { en: 'every topic', ko: '모든 토픽' } : { en: `topic ${a.topic}`, ko: `토픽 ${a.topic}` }
      return { en: `Elect preferred leaders for ${what.en}`, ko: `${what.ko}에 preferred 리더 선출` }
    }
    case 'electLeaders': {
      const where = a.topic === undefined ? { en: 'every partition', ko: '모든 파티션' } : a.partition === undefined ? { en: `topic ${a.topic}`, ko: `토픽 ${a.topic}` } : { en: `${a.topic}-${a.partition}`, ko: `${a.topic}-${a.partition}` }
      return a.electionType === 'PREFERRED'
        ? { en: `Elect preferred leaders for ${where.en}`, ko: `${where.ko}에 preferred 리더 선출` }
        : { en: `Unclean leader election for ${where.en} (acknowledged records may be lost)`, ko: `${where.ko}에 unclean 리더 선출 (확인된 레코드를 잃을 수 있음)` }
    }
    case 'deleteRecords': {
      const before = a.beforeOffset < 0 ? { en: 'the high watermark', ko: '하이 워터마크' } : { en: `offset ${a.beforeOffset}`, ko: `오프셋 ${a.beforeOffset}` }
      return { en: `Delete records of ${a.topic}-${a.partition} before ${before.en}`, ko: `${a.topic}-${a.partition}에서 ${before.ko} 이전 레코드 삭제` }
    }
    case 'resetOffsets': {
      const to =
        typeof a.to === 'number'
          ? { en: `offset ${a.to}`, ko: `오프셋 ${a.to}` }
          : typeof a.to === 'string'
            ? { en: a.to, ko: a.to }
            : 'timestamp' in a.to
              ? { en: `the first record at or after ${a.to.timestamp / 1000} s`, ko: `${a.to.timestamp / 1000}초 이후 첫 레코드` }
              : { en: `${a.to.durationMs / 1000} s ago`, ko: `${a.to.durationMs / 1000}초 전` }
      const topic = a.topic === undefined ? '' : ` (${a.topic})`
      return { en: `Reset group ${a.groupId}'s offsets${topic} to ${to.en}`, ko: `그룹 ${a.groupId}의 오프셋${topic}을 ${to.ko}(으)로 재설정` }
    }
  }
}
