// What the person is told when they ask the run to go past its end (Play or Step at the
// scenario's end): a run ends at its scenario's durationMs, so every link to it opens again.

import { formatSimTime, type Text } from '../i18n.ts'
import { notify, useNotices } from '../notices.ts'

export function atEndText(durationMs: number): Text {
  const end = formatSimTime(durationMs)
  return {
    en: `The run is at the scenario's end (${end}): nothing more happens in it. Go back on the timeline to play again, or open another scenario.`,
    ko: `시나리오의 끝(${end})에 도달했습니다. 이후에는 아무 일도 일어나지 않습니다. 타임라인에서 앞 시점으로 돌아가 다시 재생하거나 다른 시나리오를 여세요.`,
  }
}

/** Say that the run is at its end (once: not again while the same notice is the latest shown). */
export function sayAtEnd(durationMs: number): void {
  const text = atEndText(durationMs)
  const latest = useNotices.getState().notices.at(-1)
  if (latest?.text.en === text.en) return
  notify(text)
}
