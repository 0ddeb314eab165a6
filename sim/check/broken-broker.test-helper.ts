// For cli/cli.test.ts, loaded with `node --import` ahead of the CLI: it plants a bug in the broker so
// that --invariants can be tested end to end. From 10 s on, on its next tick, the leader of orders-0
// sets its high watermark above its log end offset. The simulator never imports this file.
import { NODE_BEHAVIOURS } from '../nodes/behaviours.ts'

const broker = NODE_BEHAVIOURS.find((b) => b.kind === 'broker')!
const onTimer = broker.onTimer
broker.onTimer = (w, n, kind, data) => {
  onTimer(w, n, kind, data)
  const r = w.brokers[String(n.broker)].replicas['orders-0']
  if (kind === 'broker.tick' && w.nowMs >= 10000 && r?.role === 'leader' && r.hw <= r.leo) r.hw = r.leo + 1000
}
