/**
 * Kafka's internal topics by name (org.apache.kafka.common.internals.Topic): the group
 * coordinator's `__consumer_offsets`, the transaction coordinator's `__transaction_state` and the
 * share coordinator's `__share_group_state`. kafkascope creates only `__consumer_offsets`; users
 * cannot create names starting with "__".
 */

/** Topic.GROUP_METADATA_TOPIC_NAME */
export const OFFSETS_TOPIC = '__consumer_offsets'
/** Topic.TRANSACTION_STATE_TOPIC_NAME */
export const TRANSACTION_STATE_TOPIC = '__transaction_state'
/** Topic.SHARE_GROUP_STATE_TOPIC_NAME */
export const SHARE_GROUP_STATE_TOPIC = '__share_group_state'

/** Topic.INTERNAL_TOPICS in 4.x. */
export const INTERNAL_TOPICS: ReadonlySet<string> = new Set([OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC, SHARE_GROUP_STATE_TOPIC])

/** Topic.isInternal(topic). */
export function isInternalTopic(topic: string): boolean {
  return INTERNAL_TOPICS.has(topic)
}
