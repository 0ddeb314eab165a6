// The console's storage commands (kafka-configs, kafka-log-dirs, kafka-get-offsets) and
// kafka-share-groups (KIP-932): their command lines as typed at a shell, the picker's groups, and
// what they print against a real run.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInScenarios, clusterView, createSimulation, parseScenario } from '../../../sim/index.ts'
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

describe('kafka-share-groups (KIP-932) in the console', () => {
  it('prints the command lines as typed at a shell, and offers each share group after the consumer groups', () => {
    expect(commandLine({ tool: 'share-groups', groupId: 'workers', view: 'offsets' })).toBe('kafka-share-groups.sh --bootstrap-server localhost:9092 --describe --group workers')
    expect(commandLine({ tool: 'share-groups', groupId: 'workers', view: 'members' })).toBe(
      'kafka-share-groups.sh --bootstrap-server localhost:9092 --describe --group workers --members --verbose',
    )
    expect(commandLine({ tool: 'share-groups', groupId: 'workers', view: 'state' })).toBe(
      'kafka-share-groups.sh --bootstrap-server localhost:9092 --describe --group workers --state --verbose',
    )
    expect(commandGroups(['jobs'], ['audit'], ['workers']).map((g) => g.tool)).toEqual(['topics', 'groups', 'share-groups', 'configs', 'log-dirs', 'offsets'])
    expect(commandGroups(['jobs'], ['audit']).map((g) => g.tool)).not.toContain('share-groups')
    const keys = availableCommands(['jobs'], ['audit'], ['workers']).map(commandKey)
    expect(keys.filter((k) => k.startsWith('share-groups'))).toEqual(['share-groups:workers', 'share-groups-members:workers', 'share-groups-state:workers'])
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('runs against share-group-queue: START-OFFSET is each share partition’s SPSO, every member and the state are listed', () => {
    const sim = createSimulation(parseScenario(structuredClone(builtInScenarios['share-group-queue'])))
    sim.runUntil(30_000)
    const card = clusterView(sim).shareGroups.find((g) => g.groupId === 'workers')!
    for (const c of availableCommands(['jobs'], ['audit'], ['workers'])) {
      const out = runTool(sim, c)
      expect(out.stderr, commandKey(c)).toBe('')
      expect(out.stdout.length, commandKey(c)).toBeGreaterThan(0)
    }
    const offsets = runTool(sim, { tool: 'share-groups', groupId: 'workers', view: 'offsets' }).stdout
    expect(offsets).toContain('START-OFFSET')
    expect(card.partitions.length).toBeGreaterThan(0)
    for (const row of card.partitions) {
      const partition = row.tp.slice(row.tp.lastIndexOf('-') + 1)
      expect(offsets).toMatch(new RegExp(`^workers +jobs +${partition} +${row.startOffset}$`, 'm'))
    }
    const members = runTool(sim, { tool: 'share-groups', groupId: 'workers', view: 'members' }).stdout
    expect(members).toContain('MEMBER-EPOCH')
    for (const m of card.members) expect(members).toContain(m.clientId)
    const state = runTool(sim, { tool: 'share-groups', groupId: 'workers', view: 'state' }).stdout
    expect(state).toMatch(new RegExp(`^workers +broker-${card.coordinator}:9092 +\\(${card.coordinator}\\) +${card.state} +${card.groupEpoch} +${card.assignmentEpoch} +${card.members.length}$`, 'm'))
  })
})
