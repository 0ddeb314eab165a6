/**
 * The scenario parser (CONTRACT §3): turns untrusted JSON into a checked `Scenario`, or throws ONE
 * ScenarioError naming the field path of the first problem and what was expected, e.g.
 * `topics[0].replicationFactor: 4 is more than the 3 brokers`.
 *
 * Three passes. The input's depth and keys first (json-input.ts). Then the shape, with zod
 * (schema.ts: types, ranges, unknown fields, defaults, config maps through config.ts with Kafka's
 * key names and cross-key rules; zod-messages.ts words its issues). Then the cross-field checks
 * that follow Kafka's rules (cross-checks.ts: topic names as Kafka's Topic.validate, replication
 * factor <= brokers, controller voters, references between producers, consumers, readers, timeline
 * actions and expectations, the size of the run).
 *
 * Config maps stay as given (validated and normalised, e.g. acks "-1" -> "all"); defaults are merged
 * later by the resolvers in config.ts. The timeline is sorted by atMs, stably.
 */
import type { Scenario } from './types.ts'
import { ScenarioError, formatPath } from './parse-errors.ts'
import { checkJsonInput } from './json-input.ts'
import { clientRequestAction, scenarioSchema } from './schema.ts'
import type { TimelineAction } from './types.ts'
import { zodFailure } from './zod-messages.ts'
import { checkScenario } from './cross-checks.ts'

export { ScenarioError, formatPath }

/**
 * Check a scenario (already parsed from JSON) and fill in the defaults. Throws ScenarioError with
 * the field path of the first problem.
 */
export function parseScenario(json: unknown): Scenario {
  checkJsonInput(json)
  const result = scenarioSchema.safeParse(json)
  if (!result.success) throw zodFailure(result.error, json)
  const scenario: Scenario = result.data
  return checkScenario(scenario)
}

/**
 * A real client's request as kafkascope serve is about to record it, checked exactly as a session's
 * `clientRequest` action is when the session is opened (throws ScenarioError naming the field), so
 * every session serve writes opens again.
 */
export function checkClientRequest(action: unknown): Extract<TimelineAction, { action: 'clientRequest' }> {
  const result = clientRequestAction.safeParse(action)
  if (!result.success) throw zodFailure(result.error, action)
  return result.data as Extract<TimelineAction, { action: 'clientRequest' }>
}

/** Where a JSON.parse error happened, as " (line L, column C)" when the message gives a position. */
function jsonErrorPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message)
  if (m === null) return ''
  const pos = Math.min(Number(m[1]), text.length)
  let line = 1
  let col = 1
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      col = 1
    } else {
      col++
    }
  }
  return /line \d+/.test(message) ? '' : ` (line ${line}, column ${col})`
}

/** Parse scenario JSON text. A JSON syntax error becomes ScenarioError("(json)", message). */
export function parseScenarioText(text: string, source?: string): Scenario {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    throw new ScenarioError('(json)', `${message}${jsonErrorPosition(body, message)}`, source)
  }
  try {
    return parseScenario(json)
  } catch (e) {
    if (e instanceof ScenarioError && source !== undefined) throw new ScenarioError(e.path, e.what, source)
    throw e
  }
}
