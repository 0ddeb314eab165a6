// A topic's log storage configs in the inspector (under a selected partition): retention.ms,
// retention.bytes, segment.bytes, segment.ms, cleanup.policy, message.timestamp.type and, for a
// compacted topic, the log cleaner's min.cleanable.dirty.ratio, delete.retention.ms and
// min.compaction.lag.ms. Each shows its value now (the topic's override, a broker setting or
// Kafka's default, as kafka-configs --describe --all names them), its doc line, and a field to
// change it. Apply sends one setTopicConfig action with the changed keys, the same timeline
// action a scenario holds; a value the config registry refuses is named, in both languages, and
// nothing is sent.

import { useMemo, useState } from 'react'
import { topicConfigs, type TopicConfigEntry } from '../../../sim/index.ts'
import { current } from '../../host/engine-host.ts'
import { useSim } from '../../store/sim-store.ts'
import { useT } from '../../useT.ts'
import { notify } from '../../notices.ts'
import type { Text } from '../../i18n.ts'
import { runAction } from './run-action.ts'
import { checkValue, choicesOf, configChange, docText, readableValue, shownKeys, sourceText, type StorageKey } from './topic-storage.ts'

const L = {
  apply: { en: 'Apply', ko: '적용' },
  intro: {
    en: 'Changing a value sends setTopicConfig: the controller commits it to the metadata log and every broker applies it to its replicas (kafka-configs --alter --add-config does the same).',
    ko: '값을 바꾸면 setTopicConfig를 보냅니다. 컨트롤러가 메타데이터 로그에 커밋하고, 모든 브로커가 자기 레플리카에 적용합니다 (kafka-configs --alter --add-config와 같습니다).',
  },
  noChange: { en: 'Nothing to apply: every value is as it is now.', ko: '적용할 변경이 없습니다. 모든 값이 지금과 같습니다.' },
  refused: { en: 'Not applied:', ko: '적용하지 않았습니다:' },
  now: { en: 'now', ko: '현재' },
}

/** A config name that may wrap after its dots (min.cleanable.dirty.<wbr>ratio), never inside a word. */
function dotBreaks(name: string) {
  const parts = name.split('.')
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 ? (
        <>
          .<wbr />
        </>
      ) : null}
    </span>
  ))
}

function StorageField({
  entry,
  draft,
  problem,
  onChange,
}: {
  entry: TopicConfigEntry
  draft: string
  problem: Text | undefined
  onChange: (value: string) => void
}) {
  const t = useT()
  const key = entry.name as StorageKey
  const choices = choicesOf(key)
  const readable = readableValue(key, entry.value)
  const id = `storage-${key.replaceAll('.', '-')}`
  const overridden = entry.source === 'DYNAMIC_TOPIC_CONFIG'
  return (
    <div className="insp-storage-row" data-testid={`inspector-storage-row-${key}`}>
      <label className="insp-storage-key" htmlFor={id}>
        <code>{dotBreaks(key)}</code>
      </label>
      {choices ? (
        <select id={id} value={draft} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-now ${id}-doc`}
          aria-invalid={problem ? true : undefined} data-testid={`inspector-storage-${key}`}>
          {choices.includes(draft) ? null : <option value={draft}>{draft}</option>}
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} value={draft} inputMode={key === 'min.cleanable.dirty.ratio' ? 'decimal' : 'numeric'} spellCheck={false}
          onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-now ${id}-doc`}
          aria-invalid={problem ? true : undefined} data-testid={`inspector-storage-${key}`} />
      )}
      <span className="insp-storage-now" id={`${id}-now`}>
        <span className={`insp-storage-source${overridden ? ' override' : ''}`} data-testid={`inspector-storage-source-${key}`}
          data-source={entry.source}>
          {t(sourceText(entry))}
        </span>{' '}
        <span className="insp-storage-value">
          {t(L.now)}: <code>{entry.value}</code>
          {readable ? ` (${t(readable)})` : null}
        </span>
      </span>
      {problem ? (
        <span className="insp-storage-problem" role="alert" data-testid={`inspector-storage-problem-${key}`}>
          {t(problem)}
        </span>
      ) : null}
      <p className="insp-hint insp-storage-doc" id={`${id}-doc`}>
        {t(docText(key))}
      </p>
    </div>
  )
}

function StorageForm({ topic, entries }: { topic: string; entries: TopicConfigEntry[] }) {
  const t = useT()
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(entries.map((e) => [e.name, e.value])))
  const [problems, setProblems] = useState<Partial<Record<string, Text>>>({})
  const keys = shownKeys(draft['cleanup.policy'] ?? 'delete')
  function change(key: string, value: string) {
    setDraft((d) => ({ ...d, [key]: value }))
    // a refused value is named again on Apply; while typing, a fixed one clears its message
    if (problems[key] && checkValue(key, value).ok) setProblems((p) => ({ ...p, [key]: undefined }))
  }
  function apply(e: React.FormEvent) {
    e.preventDefault()
    const { config, problems: refused } = configChange(entries, draft, keys)
    setProblems(refused)
    const first = Object.values(refused).find((p) => p !== undefined)
    if (first) {
      notify({ en: `${L.refused.en} ${first.en}`, ko: `${L.refused.ko} ${first.ko}` })
      return
    }
    if (Object.keys(config).length === 0) {
      notify(L.noChange)
      return
    }
    const list = Object.entries(config).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(', ')
    runAction({ action: 'setTopicConfig', topic, config }, { en: `Set ${list} on topic ${topic}`, ko: `토픽 ${topic}에 ${list} 설정` })
  }
  return (
    <form className="insp-storage" onSubmit={apply} noValidate data-testid="inspector-storage">
      <p className="insp-hint">{t(L.intro)}</p>
      {keys.map((key) => {
        const entry = entries.find((e) => e.name === key)
        return entry ? (
          <StorageField key={key} entry={entry} draft={draft[key] ?? entry.value} problem={problems[key]} onChange={(v) => change(key, v)} />
        ) : null
      })}
      <button type="submit" className="primary" data-testid="inspector-storage-apply">
        {t(L.apply)}
      </button>
    </form>
  )
}

/** The storage configs of `topic` as the cluster has them now; the form starts over when they change. */
export function TopicStorageConfig({ topic }: { topic: string }) {
  const version = useSim((s) => s.version)
  const run = current()
  const entries = useMemo(() => (run ? topicConfigs(run.sim, topic) : null), [run, topic, version])
  if (!entries) return null
  const state = entries.map((e) => `${e.name}=${e.value}@${e.source}`).join(';')
  return <StorageForm key={`${topic}|${state}`} topic={topic} entries={entries} />
}
