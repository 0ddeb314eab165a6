// The event log's filters: the run's events (typed data, sim/kafka/events.ts) grouped by their
// kind into chips a learner can switch off, a search in the text of the UI's language, and a
// bounded list of the newest matches so a busy cluster's thousands of events stay cheap. Chips,
// the internal-topic switch and what a row selects all read the events' fields, never their text.

import { eventKind, formatEvent, parseTopicPartition, isInternalPartitionEvent, type EventLang, type Note } from '../../../sim/index.ts'
import type { Selection } from '../../store/ui-store.ts'

/** The chips of the event log; each covers one or two note kinds. */
export type NoteGroup = 'leader' | 'isr' | 'controller' | 'broker' | 'group' | 'producer' | 'action' | 'error' | 'topic'

export const NOTE_GROUPS: readonly NoteGroup[] = ['leader', 'isr', 'controller', 'broker', 'group', 'producer', 'topic', 'action', 'error']

const GROUP_OF_KIND: Readonly<Record<string, NoteGroup>> = {
  leader: 'leader',
  unclean: 'leader',
  isr: 'isr',
  controller: 'controller',
  raft: 'controller',
  broker: 'broker',
  group: 'group',
  consumer: 'group',
  producer: 'producer',
  action: 'action',
  error: 'error',
  topic: 'topic',
  config: 'topic',
  storage: 'topic',
}

/** The chip a note kind belongs to; a kind kafkascope does not know yet counts as an action. */
export function groupOfKind(kind: string): NoteGroup {
  return Object.prototype.hasOwnProperty.call(GROUP_OF_KIND, kind) ? GROUP_OF_KIND[kind]! : 'action'
}

export interface NoteRow {
  /** position in the run's notes: a stable React key */
  index: number
  note: Note
}

export interface NoteMatches {
  /** the newest `limit` matches, oldest first */
  rows: NoteRow[]
  /** how many notes match in all */
  total: number
}

export interface NoteFilter {
  shown: ReadonlySet<NoteGroup>
  query: string
  /** leader and Isr changes of internal topics (__consumer_offsets-N): fifty at once after a crash */
  internalPartitions: boolean
}

/** A leader or Isr change of an internal topic's partition (__consumer_offsets-7). */
export function isInternalPartitionNote(note: Note): boolean {
  return isInternalPartitionEvent(note)
}

/**
 * Events whose chip is shown and whose text in `lang` (or kind, or type) contains the query,
 * case-insensitively.
 */
export function matchingNotes(notes: readonly Note[], filter: NoteFilter, limit: number, lang: EventLang = 'en'): NoteMatches {
  const needle = filter.query.trim().toLowerCase()
  const rows: NoteRow[] = []
  let total = 0
  for (let i = notes.length - 1; i >= 0; i--) {
    const note = notes[i]!
    const kind = eventKind(note)
    if (!filter.shown.has(groupOfKind(kind))) continue
    if (!filter.internalPartitions && isInternalPartitionEvent(note)) continue
    if (needle !== '' && !kind.includes(needle) && !note.type.toLowerCase().includes(needle) && !formatEvent(note, lang).toLowerCase().includes(needle)) continue
    total += 1
    if (rows.length < limit) rows.push({ index: i, note })
  }
  rows.reverse()
  return { rows, total }
}

/** "orders-2" as a partition of one of `topics`, or null. */
function partitionOfName(tp: string, topics: readonly string[]): Selection | null {
  const name = parseTopicPartition(tp)
  return name && topics.includes(name.topic) ? { kind: 'partition', topic: name.topic, partition: name.partition } : null
}

/**
 * What an event is about, so clicking it can select that thing: a partition (a leader or Isr
 * change, the first assigned partition of a known topic), a group, or a broker.
 */
export function selectionOfEvent(e: Note, topics: readonly string[]): Selection | null {
  switch (e.type) {
    case 'LeaderElected':
    case 'IsrChanged':
    case 'ElrChanged':
    case 'ReassignmentStarted':
    case 'ReassignmentCompleted':
    case 'ReassignmentCancelled':
      return { kind: 'partition', topic: e.topic, partition: e.partition }
    case 'TruncationDetected':
      return partitionOfName(e.tp, topics)
    case 'AssignmentReceived':
      for (const tp of e.partitions) {
        const p = partitionOfName(tp, topics)
        if (p) return p
      }
      return { kind: 'group', id: e.groupId }
    case 'CoordinatorLoaded':
    case 'MemberJoined':
    case 'StaticMemberReturned':
    case 'GroupStateChanged':
    case 'MemberRemoved':
    case 'OffsetsReset':
    case 'ResetOffsetClamped':
    case 'ConsumerPollTimeout':
    case 'CoordinatorFound':
    case 'CoordinatorLost':
      return { kind: 'group', id: e.groupId }
    case 'BrokerRegistered':
    case 'BrokerUnfenced':
    case 'BrokerFenced':
    case 'BrokerAdded':
    case 'BrokerShutdownRequested':
    case 'BrokerControlledShutdown':
    case 'BrokerShutdownGranted':
    case 'BrokerStopped':
      return { kind: 'broker', id: e.broker }
    default:
      return null
  }
}

/** Why an action did not go through, from the error event it left (null for other events). */
export function failureReason(e: Note): string | null {
  if (e.type === 'ActionFailed') return e.message
  if (e.type === 'CreateTopicsFailed') return `${e.error}: ${e.message}`
  return null
}
