// The inspector's storage configs: which keys show, where a value comes from, values in people's
// units, and the registry's checks with their message in both languages.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createSimulation, parseScenario, topicConfigs, type TopicConfigEntry } from '../../../sim/index.ts'
import { checkValue, configChange, docText, readableValue, shownKeys, sourceText, STORAGE_KEYS } from './topic-storage.ts'

function entriesOf(id: string, topic: string, untilMs = 5000): TopicConfigEntry[] {
  const s = parseScenario(JSON.parse(readFileSync(new URL(`../../../scenarios/${id}.json`, import.meta.url), 'utf8')))
  const sim = createSimulation(s, { seed: s.seed })
  sim.runUntil(untilMs)
  return topicConfigs(sim, topic)!
}

describe('the storage keys shown', () => {
  it('shows the cleaner\'s keys only for a compacted topic', () => {
    expect(shownKeys('delete')).toEqual([...STORAGE_KEYS])
    expect(shownKeys('compact')).toContain('delete.retention.ms')
    expect(shownKeys('compact,delete')).toEqual([...STORAGE_KEYS, 'min.cleanable.dirty.ratio', 'delete.retention.ms', 'min.compaction.lag.ms'])
  })

  it('gives every key its registry doc line, and a Korean one', () => {
    for (const key of shownKeys('compact')) {
      const doc = docText(key)
      expect(doc.en.length, key).toBeGreaterThan(10)
      expect(doc.ko, key).toMatch(/[가-힣]/)
    }
  })
})

describe('where a value comes from (retention-deletes-segments)', () => {
  const entries = entriesOf('retention-deletes-segments', 'logs')
  const entry = (name: string) => entries.find((e) => e.name === name)!

  it('names the topic\'s overrides and the defaults with their broker key', () => {
    expect(entry('retention.ms')).toMatchObject({ value: '60000', source: 'DYNAMIC_TOPIC_CONFIG' })
    expect(sourceText(entry('retention.ms'))).toEqual({ en: 'topic override', ko: '토픽 재정의' })
    expect(entry('retention.bytes')).toMatchObject({ value: '-1', source: 'DEFAULT_CONFIG' })
    expect(sourceText(entry('retention.bytes'))).toEqual({ en: 'default (log.retention.bytes)', ko: '기본값 (log.retention.bytes)' })
    expect(sourceText(entry('segment.ms')).en).toBe('default (log.roll.ms)')
  })

  it('reads values in people\'s units', () => {
    expect(readableValue('retention.ms', '60000')).toEqual({ en: '1 min', ko: '1분' })
    expect(readableValue('retention.ms', '604800000')).toEqual({ en: '7 d', ko: '7일' })
    expect(readableValue('retention.ms', '-1')).toEqual({ en: 'no limit', ko: '제한 없음' })
    expect(readableValue('retention.bytes', '-1')).toEqual({ en: 'no limit', ko: '제한 없음' })
    expect(readableValue('segment.bytes', '1048576')).toEqual({ en: '1 MiB', ko: '1 MiB' })
    expect(readableValue('segment.bytes', '1073741824')).toEqual({ en: '1 GiB', ko: '1 GiB' })
    expect(readableValue('delete.retention.ms', '90000')).toEqual({ en: '90 s', ko: '90초' })
    expect(readableValue('cleanup.policy', 'delete')).toBeNull()
  })

  it('sends only the changed keys, normalised; an unchanged value is no change', () => {
    const draft = Object.fromEntries(entries.map((e) => [e.name, e.value]))
    expect(configChange(entries, draft, shownKeys('delete'))).toEqual({ config: {}, problems: {} })
    const change = configChange(entries, { ...draft, 'retention.ms': ' 30000 ', 'cleanup.policy': 'DELETE' }, shownKeys('delete'))
    expect(change).toEqual({ config: { 'retention.ms': 30000 }, problems: {} })
    expect(configChange(entries, { ...draft, 'cleanup.policy': 'delete,compact' }, shownKeys('compact')).config).toEqual({ 'cleanup.policy': 'compact,delete' })
  })

  it('refuses a bad value with the registry\'s message, in English and Korean', () => {
    const draft = Object.fromEntries(entries.map((e) => [e.name, e.value]))
    const change = configChange(entries, { ...draft, 'retention.ms': '-5', 'segment.bytes': '1000', 'segment.ms': 'soon' }, shownKeys('delete'))
    expect(change.config).toEqual({})
    expect(change.problems['retention.ms']).toEqual({ en: 'retention.ms: -5 must be at least -1', ko: 'retention.ms: -1 이상이어야 합니다 (입력: -5)' })
    expect(change.problems['segment.bytes']).toEqual({ en: 'segment.bytes: 1000 must be at least 1048576', ko: 'segment.bytes: 1048576 이상이어야 합니다 (입력: 1000)' })
    expect(change.problems['segment.ms']!.en).toBe('segment.ms: expected an integer number of milliseconds, got "soon"')
    expect(change.problems['segment.ms']!.ko).toBe('segment.ms: 밀리초 단위의 정수를 입력하세요')
    expect(checkValue('min.cleanable.dirty.ratio', '1.5')).toEqual({
      ok: false,
      problem: { en: 'min.cleanable.dirty.ratio: 1.5 must be at most 1', ko: 'min.cleanable.dirty.ratio: 1 이하여야 합니다 (입력: 1.5)' },
    })
    expect(checkValue('message.timestamp.type', 'Now')).toEqual({
      ok: false,
      problem: {
        en: 'message.timestamp.type: "Now" is not one of CreateTime, LogAppendTime',
        ko: 'message.timestamp.type: CreateTime, LogAppendTime 중 하나여야 합니다 (입력: "Now")',
      },
    })
    // 1.5 is not an integer: the registry says so
    expect(checkValue('retention.ms', '1.5')).toMatchObject({ ok: false, problem: { en: 'retention.ms: 1.5 is not an integer' } })
  })
})
