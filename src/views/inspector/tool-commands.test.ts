// The console's storage commands (kafka-configs, kafka-log-dirs, kafka-get-offsets): their command
// lines as typed at a shell, the picker's groups, and what they print against a real run.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario } from '../../../sim/index.ts'
import { availableCommands, commandGroups, commandKey, commandLine, timeArgument } from './tool-commands.ts'
import { runTool } from '../console-tools.ts'

describe('storage tool command lines', () => {
  it('prints kafka-configs, kafka-log-dirs and kafka-get-offsets as typed at a shell', () => {
    expect(commandLine({ tool: 'configs', topic: 'logs', all: false })).toBe(
      'kafka-configs.sh --bootstrap-server localhost:9092 --describe --entity-type topics --entity-name logs',
    )
    expect(commandLine({ tool: 'configs', topic: 'logs', all: true })).toBe(
      'kafka-configs.sh --bootstrap-server localhost:9092 --describe --all --entity-type topics --entity-name logs',
    )
    expect(commandLine({ tool: 'log-dirs', topic: null })).toBe('kafka-log-dirs.sh --bootstrap-server localhost:9092 --describe')
    expect(commandLine({ tool: 'log-dirs', topic: 'logs' })).toBe('kafka-log-dirs.sh --bootstrap-server localhost:9092 --describe --topic-list logs')
    expect(commandLine({ tool: 'offsets', topic: 'logs', time: 'earliest' })).toBe('kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic logs --time -2')
    expect(commandLine({ tool: 'offsets', topic: 'logs', time: 'latest' })).toBe('kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic logs --time -1')
    expect(commandLine({ tool: 'offsets', topic: 'logs', time: { agoMs: 60_000 } }, 80_000)).toBe(
      'kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic logs --time 20000',
    )
  })

  it('never asks for a time before the run started', () => {
    expect(timeArgument({ agoMs: 60_000 }, 15_000)).toBe('0')
  })

  it('groups the picker by tool; a key stays the same while the run plays', () => {
    const groups = commandGroups(['logs', 'audit'], [])
    expect(groups.map((g) => g.tool)).toEqual(['topics', 'configs', 'log-dirs', 'offsets'])
    const keys = availableCommands(['logs'], ['archive']).map(commandKey)
    expect(keys).toEqual([
      'topics:logs', 'topics:*', 'groups:archive', 'groups-members:archive', 'groups-state:archive', 'configs:logs', 'configs-all:logs', 'log-dirs:*', 'log-dirs:logs',
      'offsets:-2:logs', 'offsets:-1:logs', 'offsets:ago60000:logs',
    ])
  })
})

describe('runTool on retention-deletes-segments at 80 s', () => {
  const s = parseScenario(JSON.parse(readFileSync(new URL('../../../scenarios/retention-deletes-segments.json', import.meta.url), 'utf8')))
  const sim = createSimulation(s, { seed: s.seed })
  sim.runUntil(80_000)

  it('runs every command on offer without an error', () => {
    for (const c of availableCommands(['logs'], ['archive'])) {
      const out = runTool(sim, c)
      expect(out.stderr, commandKey(c)).toBe('')
      expect(out.stdout.length, commandKey(c)).toBeGreaterThan(0)
    }
  })

  it('kafka-get-offsets --time -2 names the moved log start of each partition', () => {
    const out = runTool(sim, { tool: 'offsets', topic: 'logs', time: 'earliest' }).stdout
    expect(out).toMatch(/^logs:0:[1-9]\d*\nlogs:1:[1-9]\d*\n$/)
  })

  it('an unknown topic is Kafka\'s error on stderr', () => {
    expect(runTool(sim, { tool: 'offsets', topic: 'nope', time: 'latest' })).toEqual({
      stdout: '',
      stderr: 'Error occurred: Could not match any topic-partitions with the specified filters',
    })
  })
})
