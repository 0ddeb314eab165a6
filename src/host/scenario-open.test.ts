// Import tells a session file from a scenario file by its `version` field, and names what is wrong
// with a file that is not JSON.
import { describe, expect, it } from 'vitest'
import { fileKind, fileRefused } from './scenario-open.ts'

describe('an imported file', () => {
  it('is a session when it has a version, else a scenario', () => {
    expect(fileKind(JSON.stringify({ version: 1, scenario: {}, seed: 1 })).kind).toBe('session')
    expect(fileKind(JSON.stringify({ version: 2 })).kind).toBe('session') // refused later, as a session of another version
    expect(fileKind(JSON.stringify({ name: 'x', cluster: { brokers: 3 } })).kind).toBe('scenario')
    expect(fileKind('\ufeff' + JSON.stringify({ name: 'x' })).kind).toBe('scenario')
    expect(fileKind('[1, 2]').kind).toBe('scenario') // the scenario parser says what is wrong with it
  })

  it('that is not JSON is named in the JSON parser words', () => {
    const f = fileKind('{\n  "name": x\n}')
    expect(f.kind).toBe('notJson')
    if (f.kind !== 'notJson') return
    expect(f.problem).toContain("Unexpected token 'x'")
    const alert = fileRefused(f.problem)
    expect(alert.en).toContain('not valid JSON')
    expect(alert.en).toContain('Your session is unchanged')
    expect(alert.ko).toContain('올바른 JSON이 아닙니다')
  })
})
