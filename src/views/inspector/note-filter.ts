// The event log's filters: the run's notes (Kafka-worded events such as "Partition orders-0:
// leader 1 → 2, epoch 4, ISR [2,3]") grouped into chips a learner can switch off, a text search,
// and a bounded list of the newest matches so a busy cluster's thousands of notes stay cheap.

import type { Note } from '../../../sim/index.ts'
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

/** A leader or Isr change of an internal topic's partition ("Partition __consumer_offsets-7: ..."). */
export function isInternalPartitionNote(note: Note): boolean {
  return (note.kind === 'leader' || note.kind === 'isr' || note.kind === 'unclean') && note.text.startsWith('Partition __')
}

/** Notes whose chip is shown and whose text (or kind) contains the query, case-insensitively. */
export function matchingNotes(notes: readonly Note[], filter: NoteFilter, limit: number): NoteMatches {
  const needle = filter.query.trim().toLowerCase()
  const rows: NoteRow[] = []
  let total = 0
  for (let i = notes.length - 1; i >= 0; i--) {
    const note = notes[i]!
    if (!filter.shown.has(groupOfKind(note.kind))) continue
    if (!filter.internalPartitions && isInternalPartitionNote(note)) continue
    if (needle !== '' && !note.text.toLowerCase().includes(needle) && !note.kind.includes(needle)) continue
    total += 1
    if (rows.length < limit) rows.push({ index: i, note })
  }
  rows.reverse()
  return { rows, total }
}

/**
 * What a note is about, so clicking it can select that thing: a partition ("Partition orders-0",
 * "orders-0" of a known topic), a group ("Group g"), or a broker ("Broker 2").
 */
export function selectionInNote(text: string, topics: readonly string[]): Selection | null {
  const partition = /Partition (\S+)-(\d+)\b/.exec(text)
  if (partition) return { kind: 'partition', topic: partition[1]!, partition: Number(partition[2]) }
  for (const topic of topics) {
    const m = new RegExp(`(?:^|[\\s(\\[,])${escapeRegExp(topic)}-(\\d+)\\b`).exec(text)
    if (m) return { kind: 'partition', topic, partition: Number(m[1]) }
  }
  const group = /\b[Gg]roup (\S+?):/.exec(text)
  if (group) return { kind: 'group', id: group[1]! }
  const broker = /\b[Bb]roker (\d+)\b/.exec(text)
  if (broker) return { kind: 'broker', id: Number(broker[1]) }
  return null
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** An error note reads `resetOffsets {"groupId":"g","to":"earliest"}: NON_EMPTY_GROUP`; keep the reason. */
export function withoutActionPrefix(text: string): string {
  const m = /^\w+ \{.*?\}: (.*)$/s.exec(text)
  return m ? m[1]! : text
}
