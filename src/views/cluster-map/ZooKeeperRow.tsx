// The ZooKeeper ensemble of the legacy ZooKeeper mode (Kafka 3.x, removed in 4.0) as its own row
// above the brokers, as ControllerRow draws dedicated KRaft controllers: each server zk-N with its
// mode as ZooKeeper's srvr prints it (leader, follower, looking for a quorum) or down, whether a
// majority serves (the quorum), and a label saying this is the legacy mode. A server is a button
// that opens it in the inspector (Crash / Restart there); each carries its network node id, so the
// message-flow overlay draws ZooKeeper traffic (ZkPing, ZkRequest, watch events) to it.

import type { ZooKeeperView } from '../../../sim/index.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { quorumText, ZK, ZK_ROLE } from './texts.ts'

export function ZooKeeperRow({ zk }: { zk: ZooKeeperView }) {
  const t = useT()
  const selection = useUi((s) => s.selection)
  const quorum = quorumText(zk.quorum, zk.servers.length)
  return (
    <div className="zk-row" role="group" aria-label={t(ZK.ensemble)} data-testid="zk-ensemble" data-quorum={zk.quorum}>
      <div className="zk-head">
        <span className="zk-legacy legacy-label" data-testid="zk-legacy-label" title={t(ZK.legacyHint)}>
          {t(ZK.legacy)}
        </span>
      </div>
      <div className="zk-servers">
        {zk.servers.map((s) => {
          const role = ZK_ROLE[s.role]
          const selected = selection?.kind === 'zookeeper' && selection.id === s.id
          return (
            <button
              key={s.id}
              type="button"
              className={`zk-server role-${s.role}${selected ? ' selected' : ''}`}
              data-node={s.id}
              data-node-kind="zookeeper"
              data-testid={`zk-server-${s.id}`}
              data-role={s.role}
              aria-pressed={selected}
              title={`${t(ZK.server)} ${s.id}: ${t(role.hint)}`}
              onClick={() => useUi.getState().select({ kind: 'zookeeper', id: s.id })}
            >
              {role.glyph ? <span aria-hidden="true">{role.glyph} </span> : null}
              {s.id} <span className="zk-role">{t(role.text)}</span>
            </button>
          )
        })}
        <span className={`zk-quorum ${zk.quorum ? 'ok' : 'lost'}`} data-testid="zk-quorum" title={t(quorum.hint)}>
          <span aria-hidden="true">{zk.quorum ? '✓ ' : '✕ '}</span>
          {t(quorum.text)}
        </span>
      </div>
    </div>
  )
}
