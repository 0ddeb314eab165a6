// The Kafka tools' console (side panel "Console" tab): what kafka-topics.sh --describe,
// kafka-consumer-groups.sh --describe --group <g>, kafka-share-groups.sh --describe --group <g>
// (KIP-932 share groups: START-OFFSET, --members, --state), kafka-configs.sh --describe (a topic's configs),
// kafka-log-dirs.sh --describe (each broker's log sizes) and kafka-get-offsets.sh (offsets at the
// log start, the end or a point in time) print against the simulated cluster at this moment, in
// Kafka's exact format, so a learner meets the same text later on a real cluster. The picker groups
// the commands by tool. Lines wrap at field boundaries with their columns aligned (console-lines.ts),
// so every value a lesson cites (PartitionCount, Replicas, Isr) is on screen without scrolling sideways.

import { useMemo, useState } from 'react'
import type { Text } from '../i18n.ts'
import { useSim } from '../store/sim-store.ts'
import { movesPartitions } from '../../sim/index.ts'
import { current } from '../host/engine-host.ts'
import { useT } from '../useT.ts'
import { commandGroups, commandKey, commandLine, groupViewOptions, TOOL_SCRIPTS, type ToolCommand, type ToolName } from './inspector/tool-commands.ts'
import { runTool } from './console-tools.ts'
import { consoleLines } from './console-lines.ts'
import './console-panel.css'

const L = {
  title: { en: 'Kafka tools', ko: 'Kafka 도구' },
  command: { en: 'Command', ko: '명령' },
  allTopics: { en: 'all topics (with internal ones)', ko: '모든 토픽 (내부 토픽 포함)' },
  copy: { en: 'Copy', ko: '복사' },
  copied: { en: 'Copied.', ko: '복사했습니다.' },
  copyFailed: { en: 'Could not copy: select the text instead.', ko: '복사하지 못했습니다. 텍스트를 직접 선택하세요.' },
  output: { en: 'Output', ko: '출력' },
  empty: { en: '(no output)', ko: '(출력 없음)' },
  note: {
    en: 'As of now in the simulation; it refreshes while the run plays.',
    ko: '시뮬레이션의 현재 시점 기준이며, 재생하는 동안 계속 갱신됩니다.',
  },
  timeNote: {
    en: 'Timestamps are simulated milliseconds since the run started (a real cluster uses Unix epoch milliseconds). A partition with no record at or after the time prints no line.',
    ko: '타임스탬프는 실행 시작부터의 시뮬레이션 밀리초입니다 (실제 클러스터는 Unix epoch 밀리초). 그 시각 이후의 레코드가 없는 파티션은 줄이 출력되지 않습니다.',
  },
  earliest: { en: 'earliest: log start', ko: 'earliest: 로그 시작' },
  latest: { en: 'latest: high watermark', ko: 'latest: high watermark' },
  ago: { en: 'now − 60 s', ko: '지금 − 60초' },
  overrides: { en: 'overrides', ko: '재정의한 설정' },
  allConfigs: { en: 'every config', ko: '모든 설정' },
}

/** The picker's group headings: the tool, and what it shows. */
const GROUPS: Record<ToolName, Text> = {
  topics: { en: 'kafka-topics: topics and partitions', ko: 'kafka-topics: 토픽과 파티션' },
  groups: { en: 'kafka-consumer-groups: offsets and lag, members, state', ko: 'kafka-consumer-groups: 오프셋과 lag, 멤버, 상태' },
  'share-groups': { en: 'kafka-share-groups (KIP-932): start offsets, members, state', ko: 'kafka-share-groups (KIP-932): 시작 오프셋, 멤버, 상태' },
  configs: { en: 'kafka-configs: topic configs', ko: 'kafka-configs: 토픽 설정' },
  'log-dirs': { en: 'kafka-log-dirs: log size per broker', ko: 'kafka-log-dirs: 브로커별 로그 크기' },
  offsets: { en: 'kafka-get-offsets: offsets by time', ko: 'kafka-get-offsets: 시간으로 오프셋 찾기' },
  reassign: { en: 'kafka-reassign-partitions: has the move finished?', ko: 'kafka-reassign-partitions: 이동이 끝났는지 확인' },
}

function optionLabel(command: ToolCommand, t: (text: Text) => string): string {
  const tool = TOOL_SCRIPTS[command.tool].replace(/\.sh$/, '')
  switch (command.tool) {
    case 'topics':
      return command.topic === null ? `${tool} --describe: ${t(L.allTopics)}` : `${tool} --describe --topic ${command.topic}`
    case 'groups':
    case 'share-groups':
      return `${tool} --describe --group ${command.groupId}${groupViewOptions(command.view)}`
    case 'configs':
      return `${tool} --describe${command.all ? ' --all' : ''} --entity-name ${command.topic} (${t(command.all ? L.allConfigs : L.overrides)})`
    case 'log-dirs':
      return command.topic === null ? `${tool} --describe: ${t(L.allTopics)}` : `${tool} --describe --topic-list ${command.topic}`
    case 'offsets': {
      const time = command.time
      const what = time === 'earliest' ? `-2 (${t(L.earliest)})` : time === 'latest' ? `-1 (${t(L.latest)})` : `<${t(L.ago)}>`
      return `${tool} --topic ${command.topic} --time ${what}`
    }
    case 'reassign':
      return `${tool} --verify --reassignment-json-file reassignment.json`
  }
}

function CopyButton({ text }: { text: string }) {
  const t = useT()
  const [status, setStatus] = useState('')
  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setStatus(t(L.copied))
    } catch {
      setStatus(t(L.copyFailed))
    }
  }
  return (
    <>
      <button type="button" onClick={() => void copy()} data-testid="console-copy">
        ⧉ {t(L.copy)}
      </button>
      <span className="cons-status" role="status">
        {status}
      </span>
    </>
  )
}

/** Kafka's output, one block per line, its fields as columns that wrap together (the text is unchanged). */
function OutputLines({ text }: { text: string }) {
  const lines = useMemo(() => consoleLines(text), [text])
  return lines.map((line, i) => (
    <span key={i} className="cons-line" style={line.hangCh === undefined ? undefined : { paddingLeft: `${line.hangCh}ch`, textIndent: `-${line.hangCh}ch` }}>
      {line.fields.map((f, j) => (
        <span key={j} className="cons-field" style={f.widthCh === null ? undefined : { width: `${f.widthCh}ch` }}>
          {f.text}
        </span>
      ))}
      {line.newline ? <span className="cons-nl">{'\n'}</span> : null}
    </span>
  ))
}

export function ConsolePanel() {
  const t = useT()
  const version = useSim((s) => s.version)
  const view = useSim((s) => s.view)
  const run = current()
  // the console offers kafka-reassign-partitions --verify to a run whose timeline moves partitions
  const moves = run ? movesPartitions(run.sim) : false
  const groups = useMemo(
    () =>
      commandGroups(
        view?.topics.filter((x) => !x.internal).map((x) => x.name) ?? [],
        view?.groups.map((g) => g.groupId) ?? [],
        view?.shareGroups.map((g) => g.groupId) ?? [],
        moves,
      ),
    [view, moves],
  )
  const commands = useMemo(() => groups.flatMap((g) => g.commands), [groups])
  const [chosen, setChosen] = useState<string | null>(null)
  const command = commands.find((c) => commandKey(c) === chosen) ?? commands[0]
  const output = useMemo(() => (run && command ? runTool(run.sim, command) : null), [run, command, version])
  if (!command || !output || !run) return null
  const line = commandLine(command, run.sim.nowMs)
  return (
    <section className="console-panel" aria-label={t(L.title)}>
      <label className="cons-picker">
        <span>{t(L.command)}</span>
        <select value={commandKey(command)} onChange={(e) => setChosen(e.target.value)} data-testid="console-command">
          {groups.map((g) => (
            <optgroup key={g.tool} label={t(GROUPS[g.tool])}>
              {g.commands.map((c) => (
                <option key={commandKey(c)} value={commandKey(c)}>
                  {optionLabel(c, t)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <div className="cons-terminal">
        <pre className="cons-prompt" data-testid="console-prompt">
          <span aria-hidden="true" className="cons-dollar">$ </span>
          {line}
        </pre>
        <pre className="cons-output" data-testid="console-output" aria-label={t(L.output)} tabIndex={0}>
          {output.stdout ? <OutputLines text={output.stdout} /> : output.stderr ? '' : t(L.empty)}
        </pre>
        {output.stderr ? (
          <pre className="cons-stderr" data-testid="console-stderr">
            {output.stderr}
          </pre>
        ) : null}
      </div>
      <div className="cons-footer">
        <CopyButton text={`$ ${line}\n${output.stdout}${output.stderr}`} />
        <span className="cons-note">{t(L.note)}</span>
        {command.tool === 'offsets' ? (
          <span className="cons-note" data-testid="console-time-note">
            {t(L.timeNote)}
          </span>
        ) : null}
      </div>
    </section>
  )
}
