// What a share group's (KIP-932) record states mean, in English and Korean, for every view that
// shows them (the groups panel's share window table, the partition log's share cells and legend,
// the cluster map). Kafka's names (AVAILABLE, ACQUIRED, ACKNOWLEDGED, ARCHIVED, SPSO, SPEO, ACCEPT,
// RELEASE, REJECT, the group.share.* configs) stay as Kafka writes them in both languages.
// A record AVAILABLE again after a delivery (released, or its lock ran out) is told apart as
// "released": it is delivered again. share-states.css gives each state its colour and pattern.

import type { ShareRecordCell } from '../../sim/index.ts'
import type { Text } from '../i18n.ts'

export type ShareRecordState = ShareRecordCell['state']

/** How a record cell is drawn: its state, AVAILABLE split into never delivered and released. */
export type ShareCellKind = 'available' | 'released' | 'acquired' | 'acknowledged' | 'archived'

export const SHARE_STATES: readonly ShareRecordState[] = ['AVAILABLE', 'ACQUIRED', 'ACKNOWLEDGED', 'ARCHIVED']

export const SHARE_CELL_KINDS: readonly ShareCellKind[] = ['available', 'released', 'acquired', 'acknowledged', 'archived']

export function shareCellKind(cell: Pick<ShareRecordCell, 'state' | 'deliveries'>): ShareCellKind {
  if (cell.state === 'AVAILABLE') return cell.deliveries > 0 ? 'released' : 'available'
  return cell.state === 'ACQUIRED' ? 'acquired' : cell.state === 'ACKNOWLEDGED' ? 'acknowledged' : 'archived'
}

/** Each drawn kind in words: Kafka's state name first. */
export const SHARE_CELL_TEXT: Record<ShareCellKind, Text> = {
  available: { en: 'AVAILABLE: waiting for a member', ko: 'AVAILABLE: 멤버를 기다림' },
  released: { en: 'AVAILABLE again: released or its lock ran out, delivered again', ko: '다시 AVAILABLE: RELEASE됐거나 잠금이 풀려 다시 전달됨' },
  acquired: { en: 'ACQUIRED: one member holds it, locked', ko: 'ACQUIRED: 한 멤버가 잠그고 처리 중' },
  acknowledged: { en: 'ACKNOWLEDGED: processed (ACCEPT)', ko: 'ACKNOWLEDGED: 처리 완료 (ACCEPT)' },
  archived: { en: 'ARCHIVED: never delivered again (REJECT or delivery limit)', ko: 'ARCHIVED: 다시 전달하지 않음 (REJECT 또는 전달 한도)' },
}

/** A record state in a table: Kafka's name and what it means. */
export const SHARE_STATE_TEXT: Record<ShareRecordState, Text> = {
  AVAILABLE: { en: 'can be delivered to a member (new, released, or its lock ran out)', ko: '멤버에게 전달할 수 있음 (새 레코드, RELEASE, 잠금 만료)' },
  ACQUIRED: { en: 'delivered to one member and locked until it acknowledges or the lock runs out', ko: '한 멤버에게 전달되어, 확인하거나 잠금이 풀릴 때까지 잠김' },
  ACKNOWLEDGED: { en: 'processed: the member accepted it (ACCEPT)', ko: '처리됨: 멤버가 ACCEPT로 확인' },
  ARCHIVED: { en: 'done, never delivered again: rejected (REJECT) or delivered group.share.delivery.count.limit times', ko: '끝남, 다시 전달하지 않음: REJECT 또는 group.share.delivery.count.limit번 전달됨' },
}

export const SHARE_WORDS = {
  spso: { en: 'SPSO: share-partition start offset; every record below it is ACKNOWLEDGED or ARCHIVED', ko: 'SPSO: 셰어 파티션 시작 오프셋, 그 아래 레코드는 모두 ACKNOWLEDGED 또는 ARCHIVED' },
  speo: { en: 'SPEO: share-partition end offset, the last offset in flight', ko: 'SPEO: 셰어 파티션 끝 오프셋, 처리 중인 마지막 오프셋' },
  nothingInFlight: { en: 'nothing in flight', ko: '처리 중인 레코드 없음' },
  window: {
    en: 'share group window [SPSO, SPEO]: one cell per record; below SPSO every record is done',
    ko: '셰어 그룹의 창 [SPSO, SPEO]: 레코드마다 한 칸, SPSO 아래는 모두 끝난 레코드',
  },
} satisfies Record<string, Text>

/** A record cell's tooltip: offset, state, delivery count, holder. */
export function shareCellTitle(groupId: string, cell: ShareRecordCell, deliveryLimit: number | null): Text {
  const limit = deliveryLimit === null ? '' : ` / ${deliveryLimit}`
  const holder = cell.holder ? { en: ` · held by ${cell.holder}`, ko: ` · 잡고 있는 멤버 ${cell.holder}` } : { en: '', ko: '' }
  const kind = SHARE_CELL_TEXT[shareCellKind(cell)]
  return {
    en: `${groupId} · offset ${cell.offset} · ${kind.en} · delivery count ${cell.deliveries}${limit}${holder.en}`,
    ko: `${groupId} · 오프셋 ${cell.offset} · ${kind.ko} · 전달 횟수 ${cell.deliveries}${limit}${holder.ko}`,
  }
}
