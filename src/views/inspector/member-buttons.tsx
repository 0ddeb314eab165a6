// The three ways a member of a group goes away, as buttons: a crash, a restart of its process, and
// a clean close (it leaves the group). Consumer group members and share consumers show the same
// three; what each does to its group is said beside them, by the inspector of its kind.

import { useT } from '../../useT.ts'
import { runAction } from './run-action.ts'

const L = {
  crash: { en: 'Crash', ko: '크래시' },
  restart: { en: 'Restart', ko: '재시작' },
  remove: { en: 'Leave the group', ko: '그룹에서 나가기' },
}

/** `canCrash`: its process is up; `canLeave`: it is in the group now (no Leave button when undefined). */
export function MemberButtons({ id, canCrash, canLeave }: { id: string; canCrash: boolean; canLeave?: boolean }) {
  const t = useT()
  return (
    <div className="insp-actions">
      <button type="button" className="danger" disabled={!canCrash} data-testid={`inspector-member-${id}-crash`}
        onClick={() => runAction({ action: 'crashConsumer', member: id }, { en: `Crash ${id}`, ko: `${id} 크래시` })}>
        ✕ {t(L.crash)}
      </button>
      <button type="button" data-testid={`inspector-member-${id}-restart`}
        onClick={() => runAction({ action: 'restartConsumer', member: id, afterMs: 0 }, { en: `Restart ${id}`, ko: `${id} 재시작` })}>
        ↻ {t(L.restart)}
      </button>
      {canLeave === undefined ? null : (
        <button type="button" disabled={!canLeave} data-testid={`inspector-member-${id}-remove`}
          onClick={() => runAction({ action: 'removeConsumer', member: id }, { en: `Remove ${id}`, ko: `${id} 제거` })}>
          {t(L.remove)}
        </button>
      )}
    </div>
  )
}
