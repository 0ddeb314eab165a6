// Moving the run to a time from the timeline (a marker, a click on the axis, the playhead's keys).
// Going back replays the same run from the start (it is deterministic). Playback keeps playing
// from the new time: toggling `playing` makes the playback loop take a fresh anchor.

import { advanceTo, current, publish } from '../../host/engine-host.ts'
import { usePlayback } from '../../store/playback-store.ts'

export function seekTo(ms: number): void {
  if (!current()) return
  const wasPlaying = usePlayback.getState().playing
  if (wasPlaying) usePlayback.setState({ playing: false })
  advanceTo(Math.max(0, Math.round(ms)))
  publish(true)
  if (wasPlaying) usePlayback.setState({ playing: true })
}
