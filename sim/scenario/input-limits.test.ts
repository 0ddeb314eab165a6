// What untrusted input kafkascope refuses before it runs anything: nesting too deep (in time linear
// in the input), "__proto__" keys, seeds outside the one rule, a session's playhead after its run,
// and a run too big to finish in a few minutes. Each refusal is one ScenarioError naming the field.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parseScenario, ScenarioError } from './parse.ts'
import { parseSession } from './session.ts'
import { checkJsonInput, MAX_JSON_DEPTH } from './json-input.ts'
import { parseSeedText, seedProblem, SEED_MAX } from './seed.ts'
import { MAX_RUN_EVENTS, estimateRunSize } from './run-size.ts'
import { resolveBrokerConfig } from '../kafka/config.ts'
import { builtInScenarios } from './builtins.ts'

const leaderFailover = JSON.parse(readFileSync('scenarios/leader-failover.json', 'utf8'))

function refusal(run: () => unknown): ScenarioError {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError)
    return e as ScenarioError
  }
  throw new Error('expected a ScenarioError, but the input was accepted')
}

/** `depth` levels of nesting built without recursion: [[[...]]] or {"a":{"a":...}}. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v }
  return v
}

describe('nesting and "__proto__" keys', () => {
  test('200 KB of nesting is refused at once, naming the depth', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000) // 200,000 bytes
    const json = { name: 'deep', description: JSON.parse(text) }
    const started = performance.now()
    const e = refusal(() => parseScenario(json))
    const ms = performance.now() - started
    expect(e.what).toBe(`nested more than ${MAX_JSON_DEPTH} levels deep (kafkascope reads at most ${MAX_JSON_DEPTH} levels of nesting)`)
    expect(e.path).toBe('description[0][0][0][0][0]…')
    expect(ms).toBeLessThan(1000)
  })

  test('nesting up to the limit is read; one level more is refused, objects as arrays', () => {
    expect(() => checkJsonInput(nested(MAX_JSON_DEPTH, 'object'))).not.toThrow()
    expect(refusal(() => checkJsonInput(nested(MAX_JSON_DEPTH + 1, 'object'))).path).toBe('a.a.a.a.a.a…')
    expect(() => checkJsonInput(nested(MAX_JSON_DEPTH, 'array'))).not.toThrow()
    expect(refusal(() => checkJsonInput(nested(MAX_JSON_DEPTH + 1, 'array'))).what).toMatch(/^nested more than 32 levels deep/)
  })

  test('"__proto__" is refused at any depth, with its path', () => {
    const json = JSON.parse('{"name": "x", "topics": [{"name": "t", "partitions": 1, "replicationFactor": 1, "config": {"__proto__": {"x": 1}}}]}')
    expect(refusal(() => parseScenario(json)).message).toBe('topics[0].config.__proto__: is not allowed as a key')
  })

  test('a session nested 100,000 levels deep is a ScenarioError, not a stack overflow', () => {
    const session = { version: 1, scenario: { ...leaderFailover, description: nested(100_000, 'array') }, seed: 1, interventions: [], playheadMs: 0 }
    expect(refusal(() => parseSession(session)).path).toBe('scenario.description[0][0][0][0]…')
    const deepIntervention = { version: 1, scenario: leaderFailover, interventions: [nested(100_000, 'object')] }
    expect(refusal(() => parseSession(deepIntervention)).what).toMatch(/nested more than 32 levels deep/)
  })
})

describe('one rule for seeds', () => {
  test('digits only, 0 to 2^53-1', () => {
    expect(parseSeedText('7')).toEqual({ seed: 7 })
    expect(parseSeedText('0')).toEqual({ seed: 0 })
    expect(parseSeedText(String(SEED_MAX))).toEqual({ seed: SEED_MAX })
    for (const text of ['-1', '0x10', ' 7 ', '7 ', '1e3', '1.5', '+7', '', '9007199254740992', '١٢']) {
      expect(parseSeedText(text)).toHaveProperty('problem')
    }
    expect(parseSeedText('-1')).toEqual({ problem: 'a seed is a whole number from 0 to 9007199254740991 written in digits, got "-1"' })
  })

  test('the scenario, the session and the seed text give the same words', () => {
    expect(seedProblem(-1)).toBe('a seed is a whole number from 0 to 9007199254740991, got -1')
    expect(refusal(() => parseScenario({ ...leaderFailover, seed: -1 })).message).toBe(`seed: ${seedProblem(-1)}`)
    expect(refusal(() => parseSession({ version: 1, scenario: leaderFailover, seed: -1 })).message).toBe(`seed: ${seedProblem(-1)}`)
    expect(refusal(() => parseSession({ version: 1, scenario: leaderFailover, seed: '7' })).message).toBe(`seed: ${seedProblem('7')}`)
    expect(refusal(() => parseScenario({ ...leaderFailover, seed: 2 ** 53 })).message).toBe(`seed: ${seedProblem(2 ** 53)}`)
  })
})

describe('a session stops within its run', () => {
  test('a playhead after the scenario end is refused, naming playheadMs and the end', () => {
    const e = refusal(() => parseSession({ version: 1, scenario: leaderFailover, seed: 1, interventions: [], playheadMs: 2 ** 53 - 1 }))
    expect(e.message).toBe(
      "playheadMs: 9007199254740991 ms is after the scenario's end (durationMs 90000 ms); a session stops within its run",
    )
    expect(parseSession({ version: 1, scenario: leaderFailover, playheadMs: 90_000 }).playheadMs).toBe(90_000)
  })
})

describe('the size of one run', () => {
  const sizeOf = (raw: unknown) => {
    const s = parseScenario(raw)
    return estimateRunSize(s, resolveBrokerConfig(s.cluster.config)).events
  }

  test('every built-in scenario and the benchmark fit', () => {
    for (const raw of Object.values(builtInScenarios)) expect(sizeOf(raw)).toBeLessThan(MAX_RUN_EVENTS / 10)
    expect(sizeOf(JSON.parse(readFileSync('bench/standard.json', 'utf8')))).toBeLessThan(MAX_RUN_EVENTS)
  })

  test('the default scenario for 2^31-1 ms is refused on durationMs, saying how long it may be', () => {
    const e = refusal(() => parseScenario({ ...leaderFailover, durationMs: 2 ** 31 - 1 }))
    expect(e.path).toBe('durationMs')
    expect(e.what).toMatch(/^this run would take about [\d.]+ (billion|million) events \(about \d+ per simulated second for 2147483.647 s\)/)
    const fits = Number(/durationMs can be at most (\d+)/.exec(e.what)?.[1])
    expect(() => parseScenario({ ...leaderFailover, durationMs: fits })).not.toThrow()
    expect(() => parseScenario({ ...leaderFailover, durationMs: fits + 1000 })).toThrow(ScenarioError)
  })

  test('50 brokers, 5,000 partitions and 500,000 records/s are refused', () => {
    const big = {
      name: 'too big',
      cluster: { brokers: 50 },
      topics: Array.from({ length: 5 }, (_, i) => ({ name: `t${i}`, partitions: 1000, replicationFactor: 3 })),
      producers: Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, topic: `t${i}`, recordsPerSec: 100_000 })),
    }
    const e = refusal(() => parseScenario(big))
    expect(e.path).toBe('durationMs')
    expect(e.what).toMatch(/use fewer brokers, partitions, clients or records per second$/)
  })

  test('durationMs names its own maximum', () => {
    expect(refusal(() => parseScenario({ ...leaderFailover, durationMs: 2 ** 53 })).message).toBe('durationMs: 9007199254740992 must be at most 2147483647')
  })

  test('an unknown topic lists ten topics and says how many more', () => {
    const topics = Array.from({ length: 30 }, (_, i) => ({ name: `t${i}`, partitions: 1, replicationFactor: 1 }))
    const e = refusal(() => parseScenario({ name: 'x', topics, producers: [{ id: 'p', topic: 'nope' }] }))
    expect(e.message).toBe('producers[0].topic: unknown topic "nope" (topics are: t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, and 20 more)')
  })
})
