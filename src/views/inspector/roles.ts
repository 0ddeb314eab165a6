// Names for the states the inspector shows next to their colour, so state never rests on colour
// alone: broker states and replica roles, with the glyphs the cluster map uses for them.

import type { BrokerState, ReplicaRole } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'

export const BROKER_STATE: Record<BrokerState, { glyph: string; text: Text }> = {
  alive: { glyph: '●', text: { en: 'alive', ko: '정상' } },
  crashed: { glyph: '✕', text: { en: 'crashed', ko: '다운됨 (crashed)' } },
  fenced: { glyph: '⊘', text: { en: 'fenced', ko: 'fenced (차단됨)' } },
  isolated: { glyph: '⧄', text: { en: 'isolated', ko: '네트워크 고립' } },
  shuttingDown: { glyph: '⏻', text: { en: 'shutting down (controlled shutdown)', ko: '종료 중 (controlled shutdown)' } },
  stopped: { glyph: '■', text: { en: 'stopped (clean shutdown)', ko: '정상 종료됨' } },
}

export const REPLICA_ROLE: Record<ReplicaRole, { glyph: string; text: Text }> = {
  leader: { glyph: '★', text: { en: 'Leader', ko: 'Leader' } },
  insync: { glyph: '○', text: { en: 'in-sync follower', ko: 'Isr 팔로워' } },
  outofsync: { glyph: '!', text: { en: 'out-of-sync follower', ko: 'Isr 밖 팔로워' } },
  offline: { glyph: '—', text: { en: 'offline', ko: '오프라인' } },
}
