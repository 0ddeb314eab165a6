// What the person reads: a refused input names the field and what is wrong; an internal error is
// never passed off as the reason; a seed is refused with the seed rule's own words (and in Korean).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseSeedText, seedProblem, ScenarioError } from '../../sim/index.ts'
import { addressSeedRefused, boxSeedRefused, scenarioRefused, seedRuleText, sessionRefused } from './refusals.ts'
import { readSession, SessionError } from './session.ts'

afterEach(() => vi.restoreAllMocks())

function problemOf(text: string): string {
  const r = parseSeedText(text)
  if (!('problem' in r)) throw new Error(`${text} was accepted`)
  return r.problem
}

describe('refusals', () => {
  it('a refused session names the path and what is wrong, in both languages', () => {
    const text = sessionRefused('link', new ScenarioError('playheadMs', 'is after the end'))
    expect(text.en).toBe("This link's session could not be opened: playheadMs: is after the end. Your previous session is shown instead.")
    expect(text.ko).toContain('playheadMs: is after the end')
    expect(text.ko).toContain('이 링크의 세션을 열 수 없습니다')
    const file = sessionRefused('file', new SessionError('the session is not valid JSON', '세션이 올바른 JSON이 아닙니다'))
    expect(file.en).toContain('This session file could not be opened: the session is not valid JSON')
    expect(file.ko).toContain('세션이 올바른 JSON이 아닙니다')
  })

  it('readSession refuses a too-deep session with the depth rule, not a stack overflow', () => {
    let deep: unknown = 0
    for (let i = 0; i < 100_000; i++) deep = [deep]
    const attempt = () => readSession({ version: 1, scenario: {}, interventions: deep })
    expect(attempt).toThrow(SessionError)
    expect(attempt).toThrow(/nested more than 32 levels deep/)
  })

  it('an internal error is said plainly and goes to the console, never shown as the reason', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const text = sessionRefused('link', new RangeError('Maximum call stack size exceeded'))
    expect(text.en).toContain('could not be opened because of an internal error in kafkascope')
    expect(text.ko).toContain('kafkascope 내부 오류 때문에')
    expect(text.en + text.ko).not.toContain('Maximum call stack')
    expect(logged).toHaveBeenCalledTimes(1)
    const scenario = scenarioRefused(new TypeError("Cannot read properties of undefined (reading 'x')"))
    expect(scenario.en).toContain('internal error in kafkascope')
    expect(scenario.en).not.toContain('Cannot read')
  })

  it('seeds: the rule in its own English words and the same rule in Korean', () => {
    for (const bad of ['-1', '0x10', ' 7 ', '1e3', '9007199254740992']) {
      const problem = problemOf(bad)
      const rule = seedRuleText(problem)
      expect(rule.en).toBe(problem)
      expect(rule.ko).toContain('9007199254740991')
      expect(rule.ko).toContain(JSON.stringify(bad))
      expect(addressSeedRefused(problem, 5).en).toContain(problem)
      expect(addressSeedRefused(problem, 5).ko).toContain('(5)')
      expect(boxSeedRefused(problem).en).toContain(problem)
    }
    expect(seedRuleText(problemOf('-1')).ko).toContain('숫자(0–9)로만')
    const value = seedRuleText(seedProblem(-1)!)
    expect(value.en).toBe(seedProblem(-1))
    expect(value.ko).toBe('시드는 0부터 9007199254740991까지의 정수여야 합니다. 받은 값: -1')
  })
})
