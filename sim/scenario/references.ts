/**
 * What a scenario's parts may refer to, as the cross-field checks go through it in file order:
 * the topics (with their partition counts as the timeline changes them), the consumer groups (with
 * their member counts), the producers (with their configs) and the readers. A reference to something
 * that does not exist, or not yet, fails with the names that do exist and a did-you-mean.
 *
 * Node references follow kafkascope's network nodes: brokers 1..N, the KRaft controller quorum
 * ("controller" for the active one; combined with brokers 1..voters, or dedicated controller-1..N
 * nodes), client ids, group members named <groupId>-N, and the roles "leader:<topic>-<p>",
 * "replica:<topic>-<p>:<i>" (the i-th replica of the assignment) and "coordinator:<groupId>" (the
 * group's coordinator broker, on __consumer_offsets). Partition references are <topic>-<partition>
 * as Kafka's TopicPartition prints them.
 */
import type { ConfigMap, NodeRef, Scenario } from './types.ts'
import { closestMatch, resolveBrokerConfig, showValue, type BrokerConfig } from '../kafka/config.ts'
import { parseTopicPartition } from '../kafka/topic-partition.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { fail, plural, quoteList } from './parse-errors.ts'

export interface TopicInfo {
  partitions: number
  replicationFactor: number
}

/** What a node reference must name: any network node, a broker, or a controller. */
export type NodeUse = 'any' | 'broker' | 'controller'

/** The names a scenario defines so far, and the lookups that fail with the path of a bad reference. */
export class References {
  readonly s: Scenario
  readonly broker: BrokerConfig
  readonly topics = new Map<string, TopicInfo>()
  readonly groups = new Map<string, number>()
  readonly producerConfigs = new Map<string, ConfigMap>()
  readonly readers = new Set<string>()
  /** brokers addBroker actions added so far (the timeline is checked in time order): ids after cluster.brokers */
  addedBrokers = 0

  constructor(s: Scenario) {
    this.s = s
    this.broker = resolveBrokerConfig(s.cluster.config)
  }

  topicNames(): string {
    return quoteList([...this.topics.keys()])
  }

  /** A topic that producers, consumers and actions may name (user topics only). */
  requireTopic(name: string, path: string): TopicInfo {
    const t = this.topics.get(name)
    if (t === undefined) {
      const guess = closestMatch(name, [...this.topics.keys()])
      const hint = guess !== undefined ? `did you mean "${guess}"? ` : ''
      fail(path, `unknown topic ${showValue(name)} (${hint}topics are: ${this.topicNames()})`)
    }
    return t
  }

  /** Topics that references may name, including __consumer_offsets. */
  anyTopic(name: string): TopicInfo | undefined {
    if (name === OFFSETS_TOPIC) {
      return {
        partitions: this.broker['offsets.topic.num.partitions'],
        replicationFactor: Math.min(this.broker['offsets.topic.replication.factor'], this.s.cluster.brokers),
      }
    }
    return this.topics.get(name)
  }

  requireGroup(groupId: string, path: string): void {
    if (!this.groups.has(groupId)) fail(path, `unknown group ${showValue(groupId)} (groups are: ${quoteList([...this.groups.keys()])})`)
  }

  requireProducer(id: string, path: string): void {
    if (!this.producerConfigs.has(id)) {
      fail(path, `unknown producer ${showValue(id)} (producers are: ${quoteList([...this.producerConfigs.keys()])})`)
    }
  }

  /** "<groupId>-N" -> [groupId, N] when groupId is a known group. */
  splitMember(member: string): [string, number] | undefined {
    for (const g of this.groups.keys()) {
      if (member.startsWith(`${g}-`)) {
        const rest = member.slice(g.length + 1)
        if (/^\d+$/.test(rest)) return [g, Number(rest)]
      }
    }
    return undefined
  }

  requireMember(member: string, path: string): void {
    const split = this.splitMember(member)
    if (split === undefined) {
      fail(path, `${showValue(member)} is not a consumer group member (members are named <groupId>-N; groups are: ${quoteList([...this.groups.keys()])})`)
    }
    const [g, n] = split
    const count = this.groups.get(g) ?? 0
    if (n < 1 || n > count) {
      fail(path, `${showValue(member)} does not exist at this point: group ${showValue(g)} has members ${count === 0 ? '(none)' : `${g}-1..${g}-${count}`}`)
    }
  }

  /** "orders-2" as a partition reference. */
  requirePartition(text: string, path: string, context: string): [string, TopicInfo, number] {
    const split = parseTopicPartition(text)
    if (split === null) fail(path, `${showValue(context)} is not of the form <topic>-<partition>`)
    const { topic, partition: p } = split
    const info = this.anyTopic(topic)
    if (info === undefined) fail(path, `unknown topic ${showValue(topic)} in ${showValue(context)} (topics are: ${this.topicNames()})`)
    if (p >= info.partitions) {
      fail(path, `partition ${p} does not exist in ${showValue(context)}: ${topic} has ${plural(info.partitions, 'partition')} (0..${info.partitions - 1})`)
    }
    return [topic, info, p]
  }

  clientIds(): string[] {
    const ids = [...this.producerConfigs.keys(), ...this.readers]
    for (const [g, n] of this.groups) for (let i = 1; i <= n; i++) ids.push(`${g}-${i}`)
    return ids
  }

  /**
   * A node reference. `use` says what the action needs: any network node, a broker, or a
   * controller. Numeric strings become numbers. Returns the normalised reference.
   */
  node(ref: NodeRef, path: string, use: NodeUse): NodeRef {
    const { controller } = this.s.cluster
    const brokers = this.s.cluster.brokers + this.addedBrokers
    const voters = controller.voters
    if (typeof ref === 'number' || /^\d+$/.test(ref)) return this.brokerNumber(ref, path, use)
    if (ref === 'controller') {
      if (use === 'broker' && controller.dedicated) {
        fail(path, `"controller" is a dedicated controller node, not a broker (use the crashController action, or a broker number)`)
      }
      return ref
    }
    if (/^zk-\d+$/.test(ref)) {
      this.zooKeeperServer(ref, path)
      if (use !== 'any') fail(path, `${showValue(ref)} is a ZooKeeper server, not a ${use === 'broker' ? 'broker' : 'controller'} (use crashZooKeeper for it)`)
      return ref
    }
    const ctl = /^controller-(\d+)$/.exec(ref)
    if (ctl !== null) return this.dedicatedController(ref, Number(ctl[1]), path, use)
    if (use === 'controller') {
      fail(path, `${showValue(ref)} is not a controller (use "controller", ${controller.dedicated ? `"controller-1".."controller-${voters}"` : `a broker number 1..${voters}`})`)
    }
    if (ref.startsWith('leader:')) {
      this.requirePartition(ref.slice('leader:'.length), path, ref)
      return ref
    }
    if (ref.startsWith('replica:')) return this.replica(ref, path)
    if (ref.startsWith('coordinator:')) {
      this.requireGroup(ref.slice('coordinator:'.length), path)
      return ref
    }
    if (use === 'broker') {
      fail(path, `${showValue(ref)} is not a broker (use a number 1..${brokers}, "leader:<topic>-<p>", "replica:<topic>-<p>:<i>", "coordinator:<groupId>"${controller.dedicated ? '' : ' or "controller"'})`)
    }
    return this.client(ref, path)
  }

  /** "zk-N": a server of the ZooKeeper ensemble, which exists only in ZooKeeper mode. */
  zooKeeperServer(ref: string, path: string): string {
    const zk = this.s.cluster.zookeeper
    if (zk === null) fail(path, `${showValue(ref)} does not exist: ZooKeeper servers exist only in ZooKeeper mode (cluster.controller.mode "zookeeper")`)
    const m = /^zk-(\d+)$/.exec(ref)
    const n = m ? Number(m[1]) : NaN
    if (!(n >= 1 && n <= zk.nodes)) fail(path, `${showValue(ref)} is not a ZooKeeper server (the ensemble is zk-1..zk-${zk.nodes})`)
    return ref
  }

  /** A broker number 1..brokers; as a controller, one of the combined voters 1..voters. */
  private brokerNumber(ref: number | string, path: string, use: NodeUse): number {
    const { controller } = this.s.cluster
    const brokers = this.s.cluster.brokers + this.addedBrokers
    const voters = controller.voters
    const n = Number(ref)
    if (!Number.isInteger(n) || n < 1 || n > brokers) fail(path, `${showValue(ref)} is not a broker (brokers are 1..${brokers})`)
    if (use === 'controller' && controller.mode !== 'zookeeper') {
      if (controller.dedicated) fail(path, `broker ${n} is not a controller: the quorum runs on dedicated nodes controller-1..controller-${voters} (or use "controller")`)
      if (n > voters) fail(path, `broker ${n} is not a controller voter (the quorum is brokers 1..${voters})`)
    }
    return n
  }

  /** "controller-N": the N-th dedicated controller node, which exists only with "dedicated": true. */
  private dedicatedController(ref: string, n: number, path: string, use: NodeUse): NodeRef {
    const { controller } = this.s.cluster
    const voters = controller.voters
    if (!controller.dedicated) {
      fail(path, `${showValue(ref)} does not exist: the controllers are combined with brokers 1..${voters} (use a broker number, or "controller" for the active one)`)
    }
    if (n < 1 || n > voters) fail(path, `${showValue(ref)} does not exist (controllers are controller-1..controller-${voters})`)
    if (use === 'broker') fail(path, `${showValue(ref)} is a controller node, not a broker`)
    return ref
  }

  /** "replica:<topic>-<p>:<i>": the i-th replica of an existing partition. */
  private replica(ref: string, path: string): NodeRef {
    const m = /^replica:(.+):(\d+)$/.exec(ref)
    if (m === null) fail(path, `${showValue(ref)} is not of the form "replica:<topic>-<partition>:<index>"`)
    const [topic, info] = this.requirePartition(m[1], path, ref)
    const i = Number(m[2])
    if (i >= info.replicationFactor) {
      fail(path, `replica index ${i} in ${showValue(ref)} does not exist: ${topic} has replication factor ${info.replicationFactor} (indexes 0..${info.replicationFactor - 1})`)
    }
    return ref
  }

  /** A producer id, a reader id or a group member that exists at this point. */
  private client(ref: string, path: string): NodeRef {
    const { brokers, controller } = this.s.cluster
    if (this.producerConfigs.has(ref) || this.readers.has(ref)) return ref
    if (this.splitMember(ref) !== undefined) {
      this.requireMember(ref, path)
      return ref
    }
    const clients = this.clientIds()
    const guess = closestMatch(ref, clients)
    const hint = guess !== undefined ? `did you mean "${guess}"? ` : ''
    fail(
      path,
      `unknown node ${showValue(ref)} (${hint}a node is a broker number 1..${brokers}, a client id (${quoteList(clients)}), "controller"${controller.dedicated ? ', "controller-N"' : ''}, "leader:<topic>-<p>", "replica:<topic>-<p>:<i>" or "coordinator:<groupId>")`,
    )
  }
}
