// A topic's log storage configs as the inspector shows and edits them: which keys (retention,
// segments, cleanup policy, timestamps; the compaction keys only for a compacted topic), where each
// value comes from (the topic's override, a broker setting, Kafka's default), a reading of the
// value in people's units (60000 ms = 1 min), and the check of a typed value with the config
// registry's own rules and message (normaliseConfigValue), worded in Korean too.

import { CONFIG_REGISTRY, ConfigError, normaliseConfigValue, type ConfigMap, type ConfigValue, type TopicConfigEntry } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'

/** The storage keys every topic shows, in the order of a learner's questions. */
export const STORAGE_KEYS = ['retention.ms', 'retention.bytes', 'segment.bytes', 'segment.ms', 'cleanup.policy', 'message.timestamp.type'] as const

/** The log cleaner's keys: shown when cleanup.policy has compact. */
export const COMPACTION_KEYS = ['min.cleanable.dirty.ratio', 'delete.retention.ms', 'min.compaction.lag.ms'] as const

export type StorageKey = (typeof STORAGE_KEYS)[number] | (typeof COMPACTION_KEYS)[number]

export function isCompacted(cleanupPolicy: string): boolean {
  return cleanupPolicy.split(',').some((p) => p.trim().toLowerCase() === 'compact')
}

/** The keys to show for a cleanup policy (the one being typed, so a switch to compact shows the cleaner's keys at once). */
export function shownKeys(cleanupPolicy: string): StorageKey[] {
  return isCompacted(cleanupPolicy) ? [...STORAGE_KEYS, ...COMPACTION_KEYS] : [...STORAGE_KEYS]
}

/** The choices of a key with a fixed set of values (a <select>), else null (a text field). */
export function choicesOf(key: StorageKey): readonly string[] | null {
  if (key === 'cleanup.policy') return ['delete', 'compact', 'compact,delete']
  return CONFIG_REGISTRY.topic[key]?.values ?? null
}

/** Where a value comes from, in words. */
export function sourceText(entry: TopicConfigEntry): Text {
  if (entry.source === 'DYNAMIC_TOPIC_CONFIG') return { en: 'topic override', ko: '토픽 재정의' }
  const broker = entry.synonyms[0]?.name ?? entry.brokerSynonym ?? ''
  if (entry.source === 'DEFAULT_CONFIG') return { en: `default (${entry.brokerSynonym ?? entry.name})`, ko: `기본값 (${entry.brokerSynonym ?? entry.name})` }
  return { en: `broker setting ${broker}`, ko: `브로커 설정 ${broker}` }
}

/** The registry's doc lines in Korean (English: the registry's own `doc`). */
const KO_DOCS: Readonly<Record<StorageKey, string>> = {
  'retention.ms':
    '세그먼트의 가장 새로운 레코드가 이보다 오래되면 그 세그먼트를 삭제합니다 (-1: 시간 제한 없음). 액티브 세그먼트도 대상이지만, 아직 쓰이고 있는 세그먼트는 가장 새로운 레코드가 최근 것입니다.',
  'retention.bytes': '파티션이 이보다 크면 가장 오래된 세그먼트부터 삭제합니다 (0보다 작으면: 크기 제한 없음).',
  'segment.bytes': '다음 배치가 이 바이트 수 안에 들어가지 않으면 새 세그먼트를 시작합니다 (Kafka 4.0부터 최소 1 MiB).',
  'segment.ms':
    '들어오는 배치가 세그먼트의 첫 배치보다 이만큼 새로우면 새 세그먼트를 시작합니다 (레코드 타임스탬프 기준이라, 쓰기가 없는 세그먼트는 roll하지 않습니다).',
  'cleanup.policy': 'delete: 리텐션이 오래된 세그먼트를 삭제합니다. compact: 키마다 가장 최신 레코드를 남깁니다. compact,delete: 둘 다.',
  'message.timestamp.type': 'CreateTime: 레코드가 프로듀서의 타임스탬프를 그대로 가집니다. LogAppendTime: 리더가 로그에 추가한 시각을 찍습니다.',
  'min.cleanable.dirty.ratio': '로그에서 dirty(아직 정리되지 않은) 부분의 비율이 이보다 크면 로그 클리너가 이 로그를 컴팩션합니다.',
  'delete.retention.ms':
    '툼스톤은 클리너가 처음 정리한 뒤 이 시간 동안 남아 있어서 컨슈머가 삭제를 볼 수 있습니다. 그 뒤의 정리에서 툼스톤도 지워집니다.',
  'min.compaction.lag.ms': '이보다 새로운 레코드가 있는 세그먼트는 아직 컴팩션하지 않습니다.',
}

/** The key's doc line (the config registry's `doc`) in both languages. */
export function docText(key: StorageKey): Text {
  const en = CONFIG_REGISTRY.topic[key]?.doc ?? ''
  return { en, ko: KO_DOCS[key] ?? en }
}

const MS_UNITS: [number, string, string][] = [
  [86_400_000, 'd', '일'],
  [3_600_000, 'h', '시간'],
  [60_000, 'min', '분'],
  [1000, 's', '초'],
]
const BYTE_UNITS: [number, string][] = [
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
]

/** A value in people's units (604800000 ms = 7 d, 1048576 bytes = 1 MiB, -1 = no limit); null when it reads as it is. */
export function readableValue(key: string, value: string): Text | null {
  const spec = CONFIG_REGISTRY.topic[key]
  if (!spec || !/^-?\d+$/.test(value)) return null
  const n = Number(value)
  if ((key === 'retention.ms' && n === -1) || (key === 'retention.bytes' && n < 0)) return { en: 'no limit', ko: '제한 없음' }
  if (spec.unit === 'ms') {
    for (const [size, en, ko] of MS_UNITS) {
      if (n >= size && n % size === 0) return { en: `${n / size} ${en}`, ko: `${n / size}${ko}` }
    }
    return n >= 1000 ? { en: `${n / 1000} s`, ko: `${n / 1000}초` } : null
  }
  if (spec.unit === 'bytes') {
    for (const [size, unit] of BYTE_UNITS) {
      if (n >= size) {
        const v = n % size === 0 ? String(n / size) : (n / size).toFixed(1)
        return { en: `${v} ${unit}`, ko: `${v} ${unit}` }
      }
    }
  }
  return null
}

/** Why a typed value is refused, in Korean, from the key's spec (the English is the registry's message). */
function koreanReason(key: string, raw: string): string | null {
  const spec = CONFIG_REGISTRY.topic[key]
  if (!spec) return null
  const t = raw.trim()
  switch (spec.kind) {
    case 'int':
    case 'long': {
      if (!/^[-+]?\d+$/.test(t)) return spec.unit === 'ms' ? '밀리초 단위의 정수를 입력하세요' : '정수를 입력하세요'
      const n = Number(t)
      if (spec.min !== undefined && n < spec.min) return `${spec.min} 이상이어야 합니다 (입력: ${t})`
      if (spec.max !== undefined && n > spec.max) return `${spec.max} 이하여야 합니다 (입력: ${t})`
      return null
    }
    case 'double': {
      const n = t === '' ? NaN : Number(t)
      if (!Number.isFinite(n)) return '숫자를 입력하세요'
      if (spec.min !== undefined && n < spec.min) return `${spec.min} 이상이어야 합니다 (입력: ${t})`
      if (spec.max !== undefined && n > spec.max) return `${spec.max} 이하여야 합니다 (입력: ${t})`
      return null
    }
    case 'enum':
      return `${(spec.values ?? []).join(', ')} 중 하나여야 합니다 (입력: "${t}")`
    case 'cleanup':
      return `delete, compact, compact,delete 중 하나여야 합니다 (입력: "${t}")`
    default:
      return null
  }
}

export type CheckedValue = { ok: true; value: ConfigValue } | { ok: false; problem: Text }

/** Check a typed value as a topic config: the registry's normalised value, or its message in both languages. */
export function checkValue(key: string, raw: string): CheckedValue {
  // a number typed into a field is a number, as in a scenario file (the message then reads `-5 must be …`)
  const kind = CONFIG_REGISTRY.topic[key]?.kind
  const numeric = (kind === 'int' || kind === 'long' || kind === 'double') && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(raw)
  try {
    return { ok: true, value: normaliseConfigValue('topic', key, numeric ? Number(raw.trim()) : raw) }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    const ko = koreanReason(key, raw)
    return { ok: false, problem: { en: error.message, ko: ko === null ? error.message : `${key}: ${ko}` } }
  }
}

/** A value as the tools print it, for comparing a typed value with the current one (0.50 is 0.5). */
function canonical(value: ConfigValue): string {
  return Array.isArray(value) ? value.join(',') : String(value)
}

export interface ConfigChange {
  /** the changed keys with their normalised values: the setTopicConfig action's config */
  config: ConfigMap
  /** the refused values, by key */
  problems: Partial<Record<string, Text>>
}

/**
 * What an Apply sends: the shown keys whose typed value differs from the current one (compared
 * after the registry normalises it, so "60000 " or "0.50" is no change), and the values refused.
 */
export function configChange(entries: readonly TopicConfigEntry[], draft: Readonly<Record<string, string>>, keys: readonly string[]): ConfigChange {
  const config: ConfigMap = {}
  const problems: Partial<Record<string, Text>> = {}
  for (const key of keys) {
    const raw = draft[key]
    const entry = entries.find((e) => e.name === key)
    if (raw === undefined || !entry) continue
    const checked = checkValue(key, raw)
    if (!checked.ok) {
      problems[key] = checked.problem
      continue
    }
    const now = checkValue(key, entry.value)
    if (now.ok && canonical(now.value) === canonical(checked.value)) continue
    config[key] = checked.value
  }
  return { config, problems }
}
