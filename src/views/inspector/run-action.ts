// Everything a person does in the inspector goes through here: one timeline action applied now
// with act(), the same record a scenario file holds. The simulator notes an action it cannot
// carry out (an unknown node, NON_EMPTY_GROUP, no active controller...) as an "error" note instead
// of throwing; those notes, and anything thrown, become a notice that names what went wrong.

import { runNotes, type ActionInput } from '../../../sim/index.ts'
import { act, requireRun } from '../../host/engine-host.ts'
import { errorMessage, notify } from '../../notices.ts'
import type { Text } from '../../i18n.ts'
import { failureReason } from './note-filter.ts'

/** Apply `action` now; `what` names it for the person ("Crash broker 2"). True when it went through. */
export function runAction(action: ActionInput, what: Text): boolean {
  try {
    const before = runNotes(requireRun().sim).length
    act(action)
    const failures = runNotes(requireRun().sim)
      .slice(before)
      .map(failureReason)
      .filter((reason) => reason !== null)
    for (const reason of failures) failed(what, reason)
    return failures.length === 0
  } catch (error) {
    failed(what, errorMessage(error))
    return false
  }
}

function failed(what: Text, reason: string): void {
  notify({ en: `${what.en} did not work: ${reason}`, ko: `${what.ko}: 실행하지 못했습니다. ${reason}` })
}
