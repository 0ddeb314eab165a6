// What a timeline marker means. kafkascope's events are typed data (sim/kafka/events.ts); the
// timeline sorts them by type and fields
// into the categories a learner looks for: faults and interventions, leader elections (unclean
// ones stand out), ISR shrink/expand, controller changes, consumer-group rebalances, broker
// fencing, and the checkers' anomalies. Each category has its own shape, never colour alone.

import { mayLoseRecords, type SimEvent } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'

export type Category = 'fault' | 'leader' | 'unclean' | 'isr' | 'controller' | 'rebalance' | 'broker' | 'anomaly'

/**
 * A timeline row. Unclean elections share the leader row, and broker fencing the controller row
 * (the active controller fences and unfences brokers), each with a shape of its own; six rows
 * at most keep their names readable in a timeline 90 px high.
 */
export type Lane = 'fault' | 'leader' | 'isr' | 'controller' | 'rebalance' | 'anomaly'

export type Shape = 'triangle' | 'diamond' | 'star' | 'circle' | 'wye' | 'cross' | 'square' | 'x'

export interface CategoryInfo {
  lane: Lane
  shape: Shape
  /** a CSS colour (a token from app.css) */
  color: string
  label: Text
  /** more important categories win when markers of one row are clustered */
  rank: number
}

export const CATEGORIES: Record<Category, CategoryInfo> = {
  fault: { lane: 'fault', shape: 'triangle', color: 'var(--c-error)', label: { en: 'Fault / action', ko: '장애·조작' }, rank: 1 },
  leader: { lane: 'leader', shape: 'diamond', color: 'var(--c-leader)', label: { en: 'Leader election', ko: '리더 선출' }, rank: 1 },
  unclean: { lane: 'leader', shape: 'star', color: 'var(--c-error)', label: { en: 'UNCLEAN leader election', ko: 'UNCLEAN 리더 선출' }, rank: 2 },
  isr: { lane: 'isr', shape: 'circle', color: 'var(--c-insync)', label: { en: 'ISR change', ko: 'ISR 변경' }, rank: 1 },
  controller: { lane: 'controller', shape: 'wye', color: 'var(--c-controller)', label: { en: 'Controller change', ko: '컨트롤러 변경' }, rank: 1 },
  rebalance: { lane: 'rebalance', shape: 'cross', color: 'var(--c-group)', label: { en: 'Rebalance', ko: '리밸런스' }, rank: 1 },
  broker: { lane: 'controller', shape: 'square', color: 'var(--c-isolated)', label: { en: 'Broker fenced / unfenced', ko: '브로커 fence / unfence' }, rank: 1 },
  anomaly: { lane: 'anomaly', shape: 'x', color: 'var(--bad)', label: { en: 'Checker anomaly', ko: '검사기 이상 징후' }, rank: 1 },
}

export const LANES: { lane: Lane; label: Text; shape: Shape; color: string }[] = [
  { lane: 'fault', label: { en: 'Faults', ko: '장애·조작' }, shape: 'triangle', color: CATEGORIES.fault.color },
  { lane: 'leader', label: { en: 'Leader', ko: '리더 선출' }, shape: 'diamond', color: CATEGORIES.leader.color },
  { lane: 'isr', label: { en: 'ISR', ko: 'ISR' }, shape: 'circle', color: CATEGORIES.isr.color },
  { lane: 'controller', label: { en: 'Controller', ko: '컨트롤러' }, shape: 'wye', color: CATEGORIES.controller.color },
  { lane: 'rebalance', label: { en: 'Rebalance', ko: '리밸런스' }, shape: 'cross', color: CATEGORIES.rebalance.color },
  { lane: 'anomaly', label: { en: 'Anomaly', ko: '이상 징후' }, shape: 'x', color: CATEGORIES.anomaly.color },
]

/**
 * The category of an event, or null for events the timeline leaves to the event log. Read from the
 * event's type and fields: a group counts when it goes to PreparingRebalance (classic), or leaves
 * Stable or Empty for Assigning or Reconciling (KIP-848), a broker when it is
 * fenced or unfenced (registration alone is not shown).
 */
export function categorizeEvent(e: SimEvent): Category | null {
  switch (e.type) {
    case 'ActionApplied':
      // a real client's request through kafkascope serve is an input of the run, not a fault
      return e.action === 'clientRequest' ? null : 'fault'
    case 'ActionFailed':
    case 'CreateTopicsFailed':
      return 'fault'
    case 'LeaderElected':
      return mayLoseRecords(e) ? 'unclean' : 'leader'
    case 'IsrChanged':
    case 'ElrChanged':
      return 'isr'
    case 'ControllerElectionStarted':
    case 'ControllerActive':
    case 'ControllerResigned':
      return 'controller'
    case 'GroupStateChanged':
      return e.to === 'PreparingRebalance' || ((e.to === 'Assigning' || e.to === 'Reconciling') && (e.from === 'Stable' || e.from === 'Empty')) ? 'rebalance' : null
    case 'BrokerFenced':
    case 'BrokerUnfenced':
      return 'broker'
    default:
      return null
  }
}
