// Moving the run to a time from the timeline (a marker, a click on the axis, the playhead's keys).
// Going back replays the same run from the start (it is deterministic); playing goes on from there.

import { current } from '../../host/engine-host.ts'
import { seek } from '../../host/playback.ts'

export function seekTo(ms: number): void {
  if (!current()) return
  seek(Math.max(0, Math.round(ms)))
}
