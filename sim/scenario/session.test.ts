// Sessions carry the engine version that made them (CONTRACT §7): a session of this engine opens
// silently; one of another engine, or one that does not say, opens with a notice in both languages
// that its run may differ from the one that was shared. The engine field is checked like the rest.
import { describe, expect, it } from 'vitest'
import { ENGINE_VERSION, engineNotice, parseSession, ScenarioError } from '../index.ts'
import { builtInScenarios } from './builtins.ts'

const session = (extra: Record<string, unknown>) => ({
  version: 1,
  scenario: builtInScenarios['leader-failover'],
  seed: 7,
  interventions: [{ atMs: 30_000, action: 'crashBroker', broker: 3 }],
  playheadMs: 40_000,
  ...extra,
})

function refusal(f: () => unknown): ScenarioError {
  try {
    f()
  } catch (e) {
    if (e instanceof ScenarioError) return e
    throw e
  }
  throw new Error('expected a ScenarioError')
}

describe('the engine version of a session', () => {
  it('is short text that names this build', () => {
    expect(ENGINE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/)
  })

  it('opens a session of this engine without a notice', () => {
    const s = parseSession(session({ engine: ENGINE_VERSION }))
    expect(s.engine).toBe(ENGINE_VERSION)
    expect(s.engineNotice).toBeNull()
    expect(engineNotice(ENGINE_VERSION)).toBeNull()
  })

  it('opens a session of another engine, with a notice in English and Korean naming both versions', () => {
    const s = parseSession(session({ engine: '2020-01-01.1' }))
    expect(s.engine).toBe('2020-01-01.1')
    expect(s.interventions).toHaveLength(1)
    expect(s.playheadMs).toBe(40_000)
    expect(s.engineNotice).toEqual({
      en: `This session was made by kafkascope engine 2020-01-01.1; this is engine ${ENGINE_VERSION}: the run may differ from the one that was shared.`,
      ko: `이 세션은 kafkascope 엔진 2020-01-01.1에서 만들어졌고, 지금 엔진은 ${ENGINE_VERSION}입니다. 공유된 실행과 다르게 진행될 수 있습니다.`,
    })
  })

  it('opens a session without an engine version (made before sessions carried one) with a notice', () => {
    const s = parseSession(session({}))
    expect(s.engine).toBeNull()
    expect(s.engineNotice?.en).toMatch(/does not say which kafkascope engine made it.*the run may differ from the one that was shared/)
    expect(s.engineNotice?.ko).toMatch(/엔진 버전이 없습니다.*공유된 실행과 다르게 진행될 수 있습니다/)
  })

  it('refuses an engine field that is not a version, naming the field', () => {
    for (const bad of [7, '', null, 'x'.repeat(65), { v: 1 }]) {
      const e = refusal(() => parseSession(session({ engine: bad })))
      expect(e.path).toBe('engine')
      expect(e.what).toMatch(/expected the engine version/)
    }
  })
})
