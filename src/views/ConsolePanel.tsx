// The Kafka tools' console (side panel "Console" tab): what kafka-topics.sh --describe and
// kafka-consumer-groups.sh --describe --group <g> print against the simulated cluster at this
// moment, in Kafka's exact format, so a learner meets the same text later on a real cluster.
// Lines wrap at field boundaries with their columns aligned (console-lines.ts), so every value a
// lesson cites (PartitionCount, Replicas, Isr) is on screen without scrolling sideways.

import { useMemo, useState } from 'react'
import { kafkaConsumerGroupsDescribe, kafkaTopicsDescribe, type Simulation } from '../../sim/index.ts'
import { useSim } from '../store/sim-store.ts'
import { current } from '../host/engine-host.ts'
import { errorMessage } from '../notices.ts'
import { useT } from '../useT.ts'
import { availableCommands, commandKey, commandLine, type ToolCommand } from './inspector/tool-commands.ts'
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
}

interface Output {
  stdout: string
  stderr: string
}

function runTool(sim: Simulation, command: ToolCommand): Output {
  try {
    if (command.tool === 'groups') return kafkaConsumerGroupsDescribe(sim, command.groupId)
    return { stdout: kafkaTopicsDescribe(sim, command.topic === null ? {} : { topic: command.topic }), stderr: '' }
  } catch (error) {
    // kafka-topics prints its errors (e.g. "Topic 'x' does not exist as expected") to stderr
    return { stdout: '', stderr: `Error while executing topic command : ${errorMessage(error)}` }
  }
}

function optionLabel(command: ToolCommand, allTopics: string): string {
  if (command.tool === 'groups') return `kafka-consumer-groups --describe --group ${command.groupId}`
  return command.topic === null ? `kafka-topics --describe: ${allTopics}` : `kafka-topics --describe --topic ${command.topic}`
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
    <span key={i} className="cons-line">
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
  const commands = useMemo(
    () => availableCommands(view?.topics.filter((x) => !x.internal).map((x) => x.name) ?? [], view?.groups.map((g) => g.groupId) ?? []),
    [view],
  )
  const [chosen, setChosen] = useState<string | null>(null)
  const command = commands.find((c) => commandKey(c) === chosen) ?? commands[0]
  const run = current()
  const output = useMemo(() => (run && command ? runTool(run.sim, command) : null), [run, command, version])
  if (!command || !output) return null
  const line = commandLine(command)
  return (
    <section className="console-panel" aria-label={t(L.title)}>
      <label className="cons-picker">
        <span>{t(L.command)}</span>
        <select value={commandKey(command)} onChange={(e) => setChosen(e.target.value)} data-testid="console-command">
          {commands.map((c) => (
            <option key={commandKey(c)} value={commandKey(c)}>
              {optionLabel(c, t(L.allTopics))}
            </option>
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
      </div>
    </section>
  )
}
