/**
 * The built-in scenarios: the JSON files in scenarios/ at the repository root (the same files the
 * CLI runs, e.g. `kafkascope run scenarios/leader-failover.json`), imported as raw JSON objects.
 * Each id is the file name without `.json`. They are unparsed on purpose: pass one to
 * parseScenario. Each one shows one piece of Kafka's behaviour (leader failover, ISR shrink and
 * min.insync.replicas, clean vs unclean leader election, controller failover, idempotence, consumer
 * groups and rebalancing, the KIP-848 consumer protocol, committed offsets, retention and compaction); its `description` says what
 * to watch for.
 */
import addPartitionsRebalance from '../../scenarios/add-partitions-rebalance.json' with { type: 'json' }
import lessonBatching from '../../scenarios/lesson-batching.json' with { type: 'json' }
import lessonCleanVsUnclean from '../../scenarios/lesson-clean-vs-unclean.json' with { type: 'json' }
import lessonIsrAcks from '../../scenarios/lesson-isr-acks.json' with { type: 'json' }
import classroomTour from '../../scenarios/classroom-tour.json' with { type: 'json' }
import eligibleLeaderReplicas from '../../scenarios/eligible-leader-replicas.json' with { type: 'json' }
import cleanElectionUnavailable from '../../scenarios/clean-election-unavailable.json' with { type: 'json' }
import consumerCrashSessionTimeout from '../../scenarios/consumer-crash-session-timeout.json' with { type: 'json' }
import consumerGroupRebalance from '../../scenarios/consumer-group-rebalance.json' with { type: 'json' }
import consumerJoinsRebalance from '../../scenarios/consumer-joins-rebalance.json' with { type: 'json' }
import controllerFailover from '../../scenarios/controller-failover.json' with { type: 'json' }
import coordinatorFailover from '../../scenarios/coordinator-failover.json' with { type: 'json' }
import eagerVsCooperative from '../../scenarios/eager-vs-cooperative.json' with { type: 'json' }
import rebalanceWithoutStopping from '../../scenarios/rebalance-without-stopping.json' with { type: 'json' }
import shareGroupQueue from '../../scenarios/share-group-queue.json' with { type: 'json' }
import idempotentRetries from '../../scenarios/idempotent-retries.json' with { type: 'json' }
import isrShrinkNotEnoughReplicas from '../../scenarios/isr-shrink-not-enough-replicas.json' with { type: 'json' }
import leaderFailover from '../../scenarios/leader-failover.json' with { type: 'json' }
import controlledShutdown from '../../scenarios/controlled-shutdown.json' with { type: 'json' }
import stuckReassignment from '../../scenarios/stuck-reassignment.json' with { type: 'json' }
import throttledReassignment from '../../scenarios/throttled-reassignment.json' with { type: 'json' }
import scaleOut from '../../scenarios/scale-out.json' with { type: 'json' }
import rackLoss from '../../scenarios/rack-loss.json' with { type: 'json' }
import moreMembersThanPartitions from '../../scenarios/more-members-than-partitions.json' with { type: 'json' }
import replayByResetOffsets from '../../scenarios/replay-by-reset-offsets.json' with { type: 'json' }
import replayFromATime from '../../scenarios/replay-from-a-time.json' with { type: 'json' }
import slowFollower from '../../scenarios/slow-follower.json' with { type: 'json' }
import staticMemberRestart from '../../scenarios/static-member-restart.json' with { type: 'json' }
import staticMembership from '../../scenarios/static-membership.json' with { type: 'json' }
import twoGroupsOneTopic from '../../scenarios/two-groups-one-topic.json' with { type: 'json' }
import uncleanElectionDataLoss from '../../scenarios/unclean-election-data-loss.json' with { type: 'json' }
import retentionDeletesSegments from '../../scenarios/retention-deletes-segments.json' with { type: 'json' }
import activeSegmentKept from '../../scenarios/active-segment-kept.json' with { type: 'json' }
import compactionLatestPerKey from '../../scenarios/compaction-latest-per-key.json' with { type: 'json' }
import tombstones from '../../scenarios/tombstones.json' with { type: 'json' }
import zooKeeperFailover from '../../scenarios/zookeeper-failover.json' with { type: 'json' }

export const DEFAULT_SCENARIO_ID = 'leader-failover'

/** Built-in scenario id -> the raw JSON object, in the order a menu should list them. */
export const builtInScenarios: Record<string, unknown> = {
  'leader-failover': leaderFailover,
  'controlled-shutdown': controlledShutdown,
  'scale-out': scaleOut,
  'stuck-reassignment': stuckReassignment,
  'throttled-reassignment': throttledReassignment,
  'rack-loss': rackLoss,
  'controller-failover': controllerFailover,
  'zookeeper-failover': zooKeeperFailover,
  'slow-follower': slowFollower,
  'isr-shrink-not-enough-replicas': isrShrinkNotEnoughReplicas,
  'unclean-election-data-loss': uncleanElectionDataLoss,
  'clean-election-unavailable': cleanElectionUnavailable,
  'eligible-leader-replicas': eligibleLeaderReplicas,
  'idempotent-retries': idempotentRetries,
  'consumer-joins-rebalance': consumerJoinsRebalance,
  'consumer-crash-session-timeout': consumerCrashSessionTimeout,
  'eager-vs-cooperative': eagerVsCooperative,
  'rebalance-without-stopping': rebalanceWithoutStopping,
  'share-group-queue': shareGroupQueue,
  'static-member-restart': staticMemberRestart,
  'coordinator-failover': coordinatorFailover,
  'two-groups-one-topic': twoGroupsOneTopic,
  'more-members-than-partitions': moreMembersThanPartitions,
  'add-partitions-rebalance': addPartitionsRebalance,
  'replay-by-reset-offsets': replayByResetOffsets,
  'replay-from-a-time': replayFromATime,
  'retention-deletes-segments': retentionDeletesSegments,
  'active-segment-kept': activeSegmentKept,
  'compaction-latest-per-key': compactionLatestPerKey,
  tombstones,
  'consumer-group-rebalance': consumerGroupRebalance,
  'static-membership': staticMembership,
  'classroom-tour': classroomTour,
  'lesson-isr-acks': lessonIsrAcks,
  'lesson-clean-vs-unclean': lessonCleanVsUnclean,
  'lesson-batching': lessonBatching,
}
