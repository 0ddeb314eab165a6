// What a learner can do from the map: crash or restart a broker. Each is a timeline action through
// the engine host (recorded, replayable); a failure becomes a notice instead of a broken page.

import { act } from '../../host/engine-host.ts'
import { errorMessage, notify } from '../../notices.ts'
import type { ActionInput } from '../../../sim/index.ts'
import { L } from './texts.ts'

function tryAct(action: ActionInput): void {
  try {
    act(action)
  } catch (error) {
    const why = errorMessage(error)
    notify({ en: `${L.actionFailed.en} (${action.action}): ${why}`, ko: `${L.actionFailed.ko} (${action.action}): ${why}` })
  }
}

export function crashBroker(id: number): void {
  tryAct({ action: 'crashBroker', broker: id })
}

export function restartBroker(id: number): void {
  tryAct({ action: 'restartBroker', broker: id })
}
