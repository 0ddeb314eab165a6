/**
 * The checks zod's shape cannot make, between the fields of one scenario, in file order:
 * the cluster (controller voters run on brokers 1..voters unless dedicated), topics (Kafka's topic
 * names, no two that collide on '.' and '_' as in Kafka's Topic.hasCollision, replication factor at
 * most the brokers as InvalidReplicationFactorException), producers, consumer groups (one
 * group.instance.id per member, as static membership needs), readers, client ids apart from group
 * members' names, the timeline (sorted by atMs, stably; each action's references as they stand at
 * its time, e.g. addPartitions only grows a topic, as Kafka's CreatePartitions), the expectations
 * (which refer to the state at the end), and the size of the run (run-size.ts).
 */
import type { ConfigMap, CountExpectation, Scenario, TimelineAction } from './types.ts'
import { ConfigError, resolveProducerConfig, showValue } from '../kafka/config.ts'
import { fail, formatPath } from './parse-errors.ts'
import { checkClientName, checkTopicName } from './names.ts'
import { References } from './references.ts'
import { MAX_BROKERS, MAX_MEMBERS } from './schema.ts'
import { estimateRunSize, runSizeProblem } from './run-size.ts'

/** Checks a scenario that has the right shape and returns it with its timeline sorted; throws ScenarioError at the first problem. */
/** Admin operations kafkascope runs through the KRaft controller only. */
const KRAFT_ONLY_ACTIONS: ReadonlySet<string> = new Set([
  'addBroker', 'shutdownBroker', 'reassignPartitions', 'verifyReassignment', 'cancelReassignment',
  'setTopicConfig', 'addPartitions', 'electPreferredLeaders', 'electLeaders',
])

export function checkScenario(s: Scenario): Scenario {
  return new Checker(s).run()
}

type ActionOf<N extends TimelineAction['action']> = Extract<TimelineAction, { action: N }>

class Checker extends References {
  /** brokers a shutdownBroker stopped and no restartBroker started again since, with that action's time */
  private readonly shutDown = new Map<string, number>()

  run(): Scenario {
    this.checkCluster()
    this.checkTopics()
    this.checkProducers()
    this.checkConsumers()
    this.checkShareGroups()
    this.checkReaders()
    this.checkClientIds()
    this.checkTimeline()
    this.expectations()
    this.checkRunSize()
    return this.s
  }

  /** Combined controllers run on brokers 1..voters; latencies are a range. */
  checkCluster(): void {
    const { brokers, controller, network } = this.s.cluster
    if (!controller.dedicated && controller.voters > brokers) {
      fail(
        'cluster.controller.voters',
        `${controller.voters} is more than the ${brokers} brokers (combined controllers run on brokers 1..voters; set "dedicated": true for separate controller nodes)`,
      )
    }
    if (network.maxLatencyMs < network.minLatencyMs) {
      fail('cluster.network.maxLatencyMs', `${network.maxLatencyMs} is less than minLatencyMs (${network.minLatencyMs})`)
    }
    for (const id of Object.keys(this.s.cluster.racks)) {
      const n = /^\d+$/.test(id) ? Number(id) : NaN
      if (!(n >= 1 && n <= brokers)) fail(formatPath(['cluster', 'racks', id]), `${showValue(id)} is not a broker (brokers are 1..${brokers})`)
    }
  }

  /** Topic names (names.ts), no '.'/'_' collisions (Kafka's Topic.hasCollision), replication factor <= brokers (InvalidReplicationFactorException). */
  checkTopics(): void {
    const brokers = this.s.cluster.brokers
    const collisionKeys = new Map<string, string>()
    this.s.topics.forEach((t, i) => {
      const path = `topics[${i}]`
      checkTopicName(t.name, `${path}.name`)
      if (this.topics.has(t.name)) fail(`${path}.name`, `topic ${showValue(t.name)} is defined twice`)
      const collisionKey = t.name.replace(/\./g, '_')
      const other = collisionKeys.get(collisionKey)
      if (other !== undefined) {
        fail(`${path}.name`, `topic ${showValue(t.name)} collides with ${showValue(other)} (Kafka treats '.' and '_' as the same in metric names and rejects the second)`)
      }
      collisionKeys.set(collisionKey, t.name)
      if (t.replicationFactor > brokers) {
        fail(`${path}.replicationFactor`, `${t.replicationFactor} is more than the ${brokers} broker${brokers === 1 ? '' : 's'}`)
      }
      this.topics.set(t.name, { partitions: t.partitions, replicationFactor: t.replicationFactor })
    })
  }

  /** Unique producer ids, each writing to a known topic. */
  checkProducers(): void {
    this.s.producers.forEach((p, i) => {
      const path = `producers[${i}]`
      checkClientName(p.id, `${path}.id`, 'producer id')
      if (this.producerConfigs.has(p.id)) fail(`${path}.id`, `${showValue(p.id)} is used by another producer`)
      this.requireTopic(p.topic, `${path}.topic`)
      this.producerConfigs.set(p.id, p.config)
    })
  }

  /** One entry per group, known topics, and group.instance.id only where it names one member. */
  checkConsumers(): void {
    this.s.consumers.forEach((c, i) => {
      const path = `consumers[${i}]`
      checkClientName(c.groupId, `${path}.groupId`, 'group id')
      if (this.s.cluster.controller.mode === 'zookeeper' && c.config['group.protocol'] === 'consumer') {
        fail(`${path}.config.group.protocol`, '"consumer" (KIP-848) needs a KRaft cluster; ZooKeeper-mode clusters (Kafka 3.x) run the classic protocol')
      }
      if (this.groups.has(c.groupId)) fail(`${path}.groupId`, `group ${showValue(c.groupId)} is defined twice (use "members" for more consumers in one group)`)
      c.topics.forEach((t, k) => {
        this.requireTopic(t, `${path}.topics[${k}]`)
        if (c.topics.indexOf(t) !== k) fail(`${path}.topics[${k}]`, `topic ${showValue(t)} is listed twice`)
      })
      if (c.config['group.instance.id'] !== undefined) {
        if (c.staticMembership) {
          fail(`${path}.config.group.instance.id`, 'cannot be combined with staticMembership: true (which gives each member its client id as group.instance.id)')
        }
        if (c.members > 1) {
          fail(`${path}.config.group.instance.id`, `would give all ${c.members} members the same group.instance.id; use staticMembership: true instead`)
        }
      }
      this.groups.set(c.groupId, c.members)
    })
  }

  /** KIP-932 share groups: group ids apart from every other group, known topics. */
  checkShareGroups(): void {
    this.s.shareGroups.forEach((g, i) => {
      const path = `shareGroups[${i}]`
      if (this.s.cluster.controller.mode === 'zookeeper') fail(path, 'share groups (KIP-932) need a KRaft cluster; ZooKeeper mode is Kafka 3.x')
      checkClientName(g.groupId, `${path}.groupId`, 'group id')
      if (this.groups.has(g.groupId)) fail(`${path}.groupId`, `group ${showValue(g.groupId)} is defined twice (a group id is a consumer group or a share group, once)`)
      g.topics.forEach((t, k) => {
        this.requireTopic(t, `${path}.topics[${k}]`)
        if (g.topics.indexOf(t) !== k) fail(`${path}.topics[${k}]`, `topic ${showValue(t)} is listed twice`)
      })
      this.groups.set(g.groupId, g.members)
    })
  }

  /** Reader ids apart from producer ids and each other, reading known topics. */
  checkReaders(): void {
    this.s.readers.forEach((r, i) => {
      const path = `readers[${i}]`
      checkClientName(r.id, `${path}.id`, 'reader id')
      if (this.producerConfigs.has(r.id)) fail(`${path}.id`, `${showValue(r.id)} is already a producer id (client ids must be unique)`)
      if (this.readers.has(r.id)) fail(`${path}.id`, `${showValue(r.id)} is used by another reader`)
      r.topics.forEach((t, k) => {
        this.requireTopic(t, `${path}.topics[${k}]`)
        if (r.topics.indexOf(t) !== k) fail(`${path}.topics[${k}]`, `topic ${showValue(t)} is listed twice`)
      })
      this.readers.add(r.id)
    })
  }

  /** Client ids must not look like a group member. */
  checkClientIds(): void {
    const s = this.s
    const named: [string, string][] = [
      ...s.producers.map((p, i): [string, string] => [p.id, `producers[${i}].id`]),
      ...s.readers.map((r, i): [string, string] => [r.id, `readers[${i}].id`]),
    ]
    for (const [id, path] of named) {
      const member = this.splitMember(id)
      if (member !== undefined) {
        fail(path, `${showValue(id)} is also the name of a member of group ${showValue(member[0])} (members are named ${member[0]}-1, ${member[0]}-2, ...)`)
      }
    }
  }

  /** The timeline, in time order (stable); paths keep the index in the file. */
  checkTimeline(): void {
    const s = this.s
    const order = s.timeline.map((_, i) => i).sort((a, b) => s.timeline[a].atMs - s.timeline[b].atMs || a - b)
    const sorted: TimelineAction[] = []
    for (const i of order) sorted.push(this.action(s.timeline[i], `timeline[${i}]`))
    s.timeline = sorted
  }

  /** The whole run must fit in a few minutes of work. */
  checkRunSize(): void {
    const s = this.s
    const tooBig = runSizeProblem(estimateRunSize(s, this.broker), s.durationMs)
    if (tooBig !== null) fail('durationMs', tooBig)
  }

  /** One timeline action's references, as they stand at its time; returns it with its node references normalised. */
  action(a: TimelineAction, path: string): TimelineAction {
    if (this.s.cluster.controller.mode === 'zookeeper' && KRAFT_ONLY_ACTIONS.has(a.action)) {
      fail(`${path}.action`, `${a.action} is not modelled in ZooKeeper mode (the legacy Kafka 3.x mode runs brokers, their failures and the controller's failover; use cluster.controller.mode "kraft")`)
    }
    switch (a.action) {
      case 'clientRequest':
        this.node(a.broker, `${path}.broker`, 'broker')
        return a
      case 'crashZooKeeper':
      case 'restartZooKeeper':
        return { ...a, server: this.zooKeeperServer(a.server, `${path}.server`) }
      case 'crashBroker':
        return { ...a, broker: this.node(a.broker, `${path}.broker`, 'broker') }
      case 'restartBroker': {
        const broker = this.node(a.broker, `${path}.broker`, 'broker')
        this.shutDown.delete(String(broker))
        return { ...a, broker }
      }
      case 'shutdownBroker': {
        const broker = this.node(a.broker, `${path}.broker`, 'broker')
        const before = this.shutDown.get(String(broker))
        if (before !== undefined) fail(`${path}.broker`, `broker ${showValue(broker)} is already shut down (shutdownBroker at ${before} ms); restartBroker it first`)
        this.shutDown.set(String(broker), a.atMs)
        return { ...a, broker }
      }
      case 'isolate':
      case 'resumeNode':
      case 'pauseNode':
        return { ...a, node: this.node(a.node, `${path}.node`, 'any') }
      case 'partitionNetwork':
        return this.networkSides(a, path)
      case 'healNetwork':
      case 'verifyReassignment':
        return a
      case 'crashRack':
      case 'restartRack': {
        const racks = [...new Set(Object.values(this.s.cluster.racks))].sort()
        if (!racks.includes(a.rack)) fail(`${path}.rack`, racks.length === 0 ? `no broker has a rack (set cluster.racks, e.g. {"1": "a", "2": "b"})` : `${showValue(a.rack)} is not a rack (racks: ${racks.join(', ')})`)
        return a
      }
      case 'addBroker':
        if (this.s.cluster.brokers + this.addedBrokers >= MAX_BROKERS) fail(`${path}.action`, `the cluster would have more than ${MAX_BROKERS} brokers`)
        this.addedBrokers++
        return a
      case 'slowLink':
      case 'cutLink': {
        const x = this.node(a.between[0], `${path}.between[0]`, 'any')
        const y = this.node(a.between[1], `${path}.between[1]`, 'any')
        if (x === y) fail(`${path}.between[1]`, `a link needs two different nodes (both are ${showValue(x)})`)
        return { ...a, between: [x, y] }
      }
      case 'crashController':
        return a.controller === undefined ? a : { ...a, controller: this.node(a.controller, `${path}.controller`, 'controller') }
      case 'crashConsumer':
      case 'restartConsumer':
        // a plain reader (readers[].id) crashes and restarts like a member
        if (this.readers.has(a.member)) return a
        this.requireMember(a.member, `${path}.member`)
        return a
      case 'removeConsumer':
        this.requireMember(a.member, `${path}.member`)
        return a
      case 'addConsumer':
        this.requireGroup(a.groupId, `${path}.groupId`)
        if ((this.groups.get(a.groupId) ?? 0) >= MAX_MEMBERS) fail(`${path}.groupId`, `group ${showValue(a.groupId)} would have more than ${MAX_MEMBERS} members`)
        this.groups.set(a.groupId, (this.groups.get(a.groupId) ?? 0) + 1)
        return a
      case 'stopProducer':
      case 'startProducer':
      case 'produce':
        this.requireProducer(a.producer, `${path}.producer`)
        return a
      case 'setProducerConfig':
        return this.producerConfigChange(a, path)
      case 'setTopicConfig':
        this.requireTopic(a.topic, `${path}.topic`)
        return a
      case 'setConsumerConfig':
        this.requireGroup(a.groupId, `${path}.groupId`)
        return a
      case 'addPartitions':
        return this.partitionsAdded(a, path)
      case 'electPreferredLeaders':
        if (a.topic !== undefined) this.requireTopic(a.topic, `${path}.topic`)
        return a
      case 'electLeaders': {
        if (a.partition !== undefined && a.topic === undefined) fail(`${path}.partition`, 'a partition needs its topic (kafka-leader-election --topic T --partition P)')
        if (a.topic === undefined) return a
        const info = this.requireTopic(a.topic, `${path}.topic`)
        if (a.partition !== undefined && a.partition >= info.partitions) fail(`${path}.partition`, `${a.topic} has ${info.partitions} partitions at this point (0..${info.partitions - 1})`)
        return a
      }
      case 'reassignPartitions': {
        const info = this.requireTopic(a.topic, `${path}.topic`)
        if (a.partition >= info.partitions) fail(`${path}.partition`, `${a.topic} has ${info.partitions} partitions at this point (0..${info.partitions - 1})`)
        a.replicas.forEach((b, j) => {
          this.node(b, `${path}.replicas[${j}]`, 'broker')
          if (a.replicas.indexOf(b) !== j) fail(`${path}.replicas[${j}]`, `broker ${b} is listed twice (each replica on a different broker)`)
        })
        return a
      }
      case 'cancelReassignment':
      case 'deleteRecords': {
        const info = this.requireTopic(a.topic, `${path}.topic`)
        if (a.partition >= info.partitions) fail(`${path}.partition`, `${a.topic} has ${info.partitions} partitions at this point (0..${info.partitions - 1})`)
        return a
      }
      case 'resetOffsets':
        this.requireGroup(a.groupId, `${path}.groupId`)
        if (a.topic !== undefined) this.requireTopic(a.topic, `${path}.topic`)
        return a
    }
  }

  /** The sides of a network partition: known nodes, each on one side only. */
  networkSides(a: ActionOf<'partitionNetwork'>, path: string): TimelineAction {
    const seen = new Map<string, string>()
    const sides = a.sides.map((side, si) =>
      side.map((ref, ni) => {
        const p = `${path}.sides[${si}][${ni}]`
        const n = this.node(ref, p, 'any')
        const key = String(n)
        const before = seen.get(key)
        if (before !== undefined) fail(p, `${showValue(n)} is already listed at ${before}`)
        seen.set(key, p)
        return n
      }),
    )
    return { ...a, sides }
  }

  /** The producer's config after this change must still be valid (ProducerConfig's cross-key rules). */
  producerConfigChange(a: ActionOf<'setProducerConfig'>, path: string): TimelineAction {
    this.requireProducer(a.producer, `${path}.producer`)
    const merged: ConfigMap = { ...this.producerConfigs.get(a.producer), ...a.config }
    try {
      resolveProducerConfig(merged)
    } catch (e) {
      if (e instanceof ConfigError) fail(`${path}.config.${e.key}`, `${e.what} (after this change the producer's config would be invalid)`)
      throw e
    }
    this.producerConfigs.set(a.producer, merged)
    return a
  }

  /** count is the new total, more than the topic has at this point (Kafka's CreatePartitions only adds). */
  partitionsAdded(a: ActionOf<'addPartitions'>, path: string): TimelineAction {
    const info = this.requireTopic(a.topic, `${path}.topic`)
    if (a.count <= info.partitions) {
      fail(
        `${path}.count`,
        `${a.count} is not more than the ${info.partitions} partitions ${a.topic} has at this point (count is the new total, as in Kafka's CreatePartitions; partitions can only be added)`,
      )
    }
    this.topics.set(a.topic, { ...info, partitions: a.count })
    return a
  }

  /** Expectations refer to the state at the end: partitions after addPartitions, groups, producers, brokers. */
  expectations(): void {
    const e = this.s.expect
    const counts = ['lostAckedWrites', 'duplicates', 'inconsistentOffsets', 'divergentReplicas', 'multipleLeaders', 'nonMonotonicPolls', 'hwAboveLeo', 'concurrentConsumers', 'partitionsOwnedTwice', 'committedBackwards', 'skippedRecords', 'compactionLostLatest', 'shareAckedByOther', 'shareAckedTwice', 'shareRecordsLost', 'shareDeliveriesOverLimit', 'redeliveries'] as const
    for (const key of counts) {
      const c = e[key]
      if (c !== undefined) checkCount(c, `expect.${key}`)
    }
    const brokers = this.s.cluster.brokers + this.addedBrokers // the end state: brokers added on the way count
    const partitionPath = (map: string, key: string) => formatPath(['expect', map, key])
    for (const [tp, leader] of Object.entries(e.leaderOf ?? {})) {
      const path = partitionPath('leaderOf', tp)
      this.requirePartition(tp, path, tp)
      if (leader === 0 || leader > brokers) fail(path, `${leader} is not a broker (brokers are 1..${brokers}; -1 means no leader)`)
    }
    for (const g of Object.keys(e.groupState ?? {})) this.requireGroup(g, partitionPath('groupState', g))
    if (e.isrOf !== undefined) this.expectedIsrs(e.isrOf)
    for (const [id, errors] of Object.entries(e.producerErrors ?? {})) {
      const path = partitionPath('producerErrors', id)
      this.requireProducer(id, path)
      for (const [name, c] of Object.entries(errors)) {
        const p = `${path}.${name}`
        if (!/^[A-Z][A-Z0-9_]*$/.test(name)) fail(p, `${showValue(name)} is not a Kafka error name (e.g. NOT_ENOUGH_REPLICAS, NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT)`)
        checkCount(c, p)
      }
    }
    for (const [id, c] of Object.entries(e.producerAcked ?? {})) {
      const path = partitionPath('producerAcked', id)
      this.requireProducer(id, path)
      checkCount(c, path)
    }
    for (const b of Object.keys(e.brokerState ?? {})) {
      const n = /^\d+$/.test(b) ? Number(b) : NaN
      if (!(n >= 1 && n <= brokers)) fail(partitionPath('brokerState', b), `${showValue(b)} is not a broker (brokers are 1..${brokers})`)
    }
  }

  /** expect.isrOf: brokers listed once each, no more than the replication factor; stored sorted. */
  expectedIsrs(isrOf: Record<string, number[]>): void {
    const brokers = this.s.cluster.brokers + this.addedBrokers
    for (const [tp, isr] of Object.entries(isrOf)) {
      const path = formatPath(['expect', 'isrOf', tp])
      const [, info] = this.requirePartition(tp, path, tp)
      isr.forEach((b, k) => {
        if (b > brokers) fail(`${path}[${k}]`, `${b} is not a broker (brokers are 1..${brokers})`)
        if (isr.indexOf(b) !== k) fail(`${path}[${k}]`, `broker ${b} is listed twice`)
      })
      if (isr.length > info.replicationFactor) fail(path, `lists ${isr.length} brokers but the replication factor is ${info.replicationFactor}`)
      isrOf[tp] = [...isr].sort((x, y) => x - y)
    }
  }
}

/** A count expectation given as {min, max} needs at least one of them, and min <= max. */
function checkCount(c: CountExpectation, path: string): void {
  if (typeof c === 'number') return
  if (c.min === undefined && c.max === undefined) fail(path, 'needs "min", "max" or both, e.g. {"min": 1}')
  if (c.min !== undefined && c.max !== undefined && c.min > c.max) fail(path, `min ${c.min} is more than max ${c.max}`)
}
