/**
 * The poll checker: a reader (a plain consumer or a group member) whose poll starts below where its
 * previous poll of that partition ended, with no reset on purpose (auto.offset.reset, seek, a
 * position from a committed offset) in between. Reads only the recorded History.
 */
import type { Anomaly } from '../trace/summary-types.ts'
import type { History } from '../history/history.ts'
import { getInt } from '../history/int-column.ts'

/**
 * A poll that starts below where the previous poll of the same reader and partition ended, with no
 * reset (auto.offset.reset, seek, position from a committed offset) recorded at or between the two
 * poll times. One anomaly per such poll, at its time.
 */
export function findNonMonotonicPolls(history: History): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const key of Object.keys(history.reads).sort()) {
    const log = history.reads[key]
    const { from, to, atMs, resets } = log
    let r = 0 // first reset not before the previous poll
    for (let i = 1; i < log.n; i++) {
      const prevTo = getInt(to, i - 1)
      const prevMs = getInt(atMs, i - 1)
      const pollFrom = getInt(from, i)
      const pollTo = getInt(to, i)
      const pollMs = getInt(atMs, i)
      while (r < resets.length && resets[r] < prevMs) r += 2
      if (pollFrom >= prevTo) continue
      if (r < resets.length && resets[r] <= pollMs) continue
      anomalies.push({
        kind: 'nonMonotonicPoll',
        atMs: pollMs,
        detail:
          `${log.tp} reader ${log.reader} polled offsets ${pollFrom}..${pollTo - 1} at ${pollMs} ms after ` +
          `polling up to offset ${prevTo - 1} at ${prevMs} ms, with no reset in between`,
        tp: log.tp,
        facts: { kind: 'nonMonotonicPoll', reader: log.reader, from: pollFrom, to: pollTo - 1, atMs: pollMs, previousTo: prevTo - 1, previousMs: prevMs },
      })
    }
  }
  return anomalies
}
