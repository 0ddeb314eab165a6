// The scenario builder (loaded on demand): a modal dialog in which a learner sets the cluster
// (brokers, the controller mode: a KRaft quorum, or the legacy ZooKeeper mode's ensemble), topics (partitions, replication factor, min.insync.replicas,
// unclean.leader.election.enable), producers (rate, keys, acks, idempotence), consumer groups
// (members, assignor), duration and seed, starting from the scenario on the page. Every change is
// checked by the CLI's own parser (parseScenario); its first problem is shown at the field it is
// about (model.ts maps the error's path to the field) and in the footer with a link to it. Run
// opens the scenario as the page's run; Export scenario writes it as a file for `kafkascope run`.
// Escape closes it; the page's shortcuts wait while it is open; the body scrolls inside the dialog.

import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { current } from '../../host/engine-host.ts'
import { pause } from '../../host/playback.ts'
import { openScenario } from '../../host/scenario-open.ts'
import { notify, errorMessage } from '../../notices.ts'
import { formatSimTime } from '../../i18n.ts'
import { useLocale, useT } from '../../useT.ts'
import { check, domId, draftFromScenario, exportedScenario, timelineSummary, newGroup, newProducer, newTopic, type Draft, type GroupDraft, type Problem, type ProducerDraft, type TopicDraft } from './model.ts'
import { defaultLabel, L } from './text.ts'
import './builder.css'

const ASSIGNORS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky']

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A labelled field with its error (when the parser's first problem is about it). */
function Field(props: { field: string; label: string; problem: Problem | null; hint?: string; wide?: boolean; inline?: boolean; children: (p: FieldProps) => ReactNode }) {
  const t = useT()
  const id = domId(props.field)
  const bad = props.problem?.field === props.field
  const described = [bad ? `${id}-err` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`bld-field${props.wide ? ' wide' : ''}${props.inline ? ' inline' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-invalid': bad, 'aria-describedby': described })}
      {props.hint ? (
        <span className="bld-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {bad && props.problem ? (
        <span className="bld-error" id={`${id}-err`} data-testid="builder-field-error" data-field={props.field}>
          {t(props.problem.text)}
        </span>
      ) : null}
    </div>
  )
}

interface FieldProps {
  id: string
  'aria-invalid': boolean
  'aria-describedby': string | undefined
}

/** A fieldset field (radio groups, checkbox lists) with its error. */
function GroupField(props: { field: string; legend: string; problem: Problem | null; children: ReactNode }) {
  const t = useT()
  const id = domId(props.field)
  const bad = props.problem?.field === props.field
  return (
    <fieldset className="bld-field bld-choices" id={id} tabIndex={-1} aria-invalid={bad} aria-describedby={bad ? `${id}-err` : undefined}>
      <legend>{props.legend}</legend>
      {props.children}
      {bad && props.problem ? (
        <span className="bld-error" id={`${id}-err`} data-testid="builder-field-error" data-field={props.field}>
          {t(props.problem.text)}
        </span>
      ) : null}
    </fieldset>
  )
}

function DefaultSelect(props: { fp: FieldProps; value: string; def: string; options: string[]; onChange: (v: string) => void }) {
  const locale = useLocale()
  const options = props.value !== '' && !props.options.includes(props.value) ? [...props.options, props.value] : props.options
  return (
    <select {...props.fp} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{defaultLabel(locale, props.def)}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  )
}

export default function BuilderDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const locale = useLocale()
  const ref = useRef<HTMLDialogElement>(null)
  const [draft, setDraft] = useState<Draft | null>(() => {
    const r = current()
    return r ? draftFromScenario(r.scenario, r.seed) : null
  })
  const checked = useMemo(() => (draft ? check(draft) : null), [draft])
  const problem = checked?.problem ?? null

  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    pause()
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('#' + domId('name'))?.focus()
    return () => {
      if (dialog.open) dialog.close()
      before?.focus()
    }
  }, [])

  if (!draft) return null
  const d = draft
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch })
  const setTopic = (i: number, patch: Partial<TopicDraft>) => {
    const old = d.topics[i].name
    const topics = d.topics.map((x, k) => (k === i ? { ...x, ...patch } : x))
    let { producers, groups } = d
    if (patch.name !== undefined && patch.name !== old) {
      // clients that used the topic follow its new name
      producers = producers.map((p) => (p.topic === old ? { ...p, topic: patch.name as string } : p))
      groups = groups.map((g) => ({ ...g, topics: g.topics.map((x) => (x === old ? (patch.name as string) : x)) }))
    }
    setDraft({ ...d, topics, producers, groups })
  }
  const setProducer = (i: number, patch: Partial<ProducerDraft>) => set({ producers: d.producers.map((x, k) => (k === i ? { ...x, ...patch } : x)) })
  const setGroup = (i: number, patch: Partial<GroupDraft>) => set({ groups: d.groups.map((x, k) => (k === i ? { ...x, ...patch } : x)) })
  const topicNames = d.topics.map((x) => x.name)

  function focusProblem(): void {
    if (!problem?.field) return
    const el = ref.current?.querySelector<HTMLElement>('#' + domId(problem.field))
    el?.scrollIntoView({ block: 'center' })
    el?.focus()
  }
  function run(): void {
    if (!checked?.scenario) return focusProblem()
    try {
      openScenario(checked.scenario)
      onClose()
    } catch (error) {
      notify({ en: `The scenario could not be started: ${errorMessage(error)}`, ko: `시나리오를 시작할 수 없습니다: ${errorMessage(error)}` })
    }
  }
  function exportScenario(): void {
    if (!checked?.scenario) return focusProblem()
    const slug = checked.scenario.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario'
    download(`${slug}.json`, JSON.stringify(exportedScenario(checked.scenario), null, 2) + '\n')
  }

  const carriedCount = d.carried.timeline.length + d.carried.readers.length + Object.keys(d.carried.expect).length
  return (
    <dialog
      ref={ref}
      className="bld-dialog"
      aria-labelledby="bld-title"
      data-testid="builder-dialog"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onKeyDown={(e) => e.stopPropagation() /* the page's shortcuts wait while the builder is open */}
    >
      <header className="bld-head">
        <h2 id="bld-title">{t(L.title)}</h2>
        <button type="button" className="bld-close" onClick={onClose} aria-label={t(L.close)}>
          ×
        </button>
      </header>
      <form
        className="bld-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          run()
        }}
      >
        <div className="bld-body">
          <p className="bld-intro">{t(L.intro)}</p>
          <section className="bld-section" aria-labelledby="bld-s-scenario">
            <h3 id="bld-s-scenario">{t(L.scenario)}</h3>
            <div className="bld-row">
              <Field field="name" label={t(L.name)} problem={problem} wide>
                {(fp) => <input {...fp} data-testid="builder-name" value={d.name} onChange={(e) => set({ name: e.target.value })} />}
              </Field>
              <Field field="seed" label={t(L.seed)} problem={problem}>
                {(fp) => <input {...fp} inputMode="numeric" data-testid="builder-seed" value={d.seed} onChange={(e) => set({ seed: e.target.value })} />}
              </Field>
              <Field field="description" label={t(L.description)} problem={problem} wide>
                {(fp) => <textarea {...fp} rows={2} value={d.carried.description} onChange={(e) => set({ carried: { ...d.carried, description: e.target.value } })} />}
              </Field>
              <Field field="durationMs" label={t(L.duration)} problem={problem} hint={/^\d+$/.test(d.durationMs.trim()) ? formatSimTime(Number(d.durationMs)) : undefined}>
                {(fp) => <input {...fp} inputMode="numeric" data-testid="builder-duration" value={d.durationMs} onChange={(e) => set({ durationMs: e.target.value })} />}
              </Field>
            </div>
          </section>

          <section className="bld-section" aria-labelledby="bld-s-cluster">
            <h3 id="bld-s-cluster">{t(L.cluster)}</h3>
            <div className="bld-row">
              <Field field="cluster.brokers" label={t(L.brokers)} problem={problem}>
                {(fp) => <input {...fp} inputMode="numeric" data-testid="builder-brokers" value={d.brokers} onChange={(e) => set({ brokers: e.target.value })} />}
              </Field>
              <GroupField field="cluster.controller.mode" legend={t(L.mode)} problem={problem}>
                <label className="bld-check">
                  <input type="radio" name="bld-mode" data-testid="builder-mode-kraft" checked={d.mode === 'kraft'} onChange={() => set({ mode: 'kraft' })} /> {t(L.kraft)}
                </label>
                <label className="bld-check">
                  <input type="radio" name="bld-mode" data-testid="builder-mode-zookeeper" checked={d.mode === 'zookeeper'} onChange={() => set({ mode: 'zookeeper' })} /> {t(L.zooKeeper)}
                </label>
              </GroupField>
              {d.mode === 'kraft' ? (
                <>
                  <Field field="cluster.controller.voters" label={t(L.voters)} problem={problem} hint={t(L.votersHint)}>
                    {(fp) => <input {...fp} inputMode="numeric" data-testid="builder-voters" value={d.voters} onChange={(e) => set({ voters: e.target.value })} />}
                  </Field>
                  <GroupField field="cluster.controller.dedicated" legend={t(L.placement)} problem={problem}>
                    <label className="bld-check">
                      <input type="radio" name="bld-placement" checked={!d.dedicated} onChange={() => set({ dedicated: false })} /> {t(L.combined)}
                    </label>
                    <label className="bld-check">
                      <input type="radio" name="bld-placement" data-testid="builder-dedicated" checked={d.dedicated} onChange={() => set({ dedicated: true })} /> {t(L.dedicated)}
                    </label>
                  </GroupField>
                </>
              ) : (
                <>
                  <Field field="cluster.zookeeper.nodes" label={t(L.zooKeeperNodes)} problem={problem} hint={t(L.zooKeeperNodesHint)}>
                    {(fp) => <input {...fp} inputMode="numeric" data-testid="builder-zookeeper-nodes" value={d.zooKeeperNodes} onChange={(e) => set({ zooKeeperNodes: e.target.value })} />}
                  </Field>
                  <p className="bld-note" data-testid="builder-zookeeper-note">{t(L.zooKeeperNote)}</p>
                </>
              )}
              <Field field="cluster.config" label={t(L.brokerConfig)} problem={problem} wide>
                {(fp) => <textarea {...fp} rows={2} spellCheck={false} placeholder="replica.lag.time.max.ms=10000" value={d.brokerConfig} onChange={(e) => set({ brokerConfig: e.target.value })} />}
              </Field>
            </div>
          </section>

          <section className="bld-section" aria-labelledby="bld-s-topics">
            <h3 id="bld-s-topics">{t(L.topics)}</h3>
            {d.topics.map((x, i) => {
              const p = `topics[${i}]`
              return (
                <fieldset key={i} className="bld-item" data-testid={`builder-topic-${i}`}>
                  <legend>
                    {t(L.topic)} {i + 1}
                  </legend>
                  <div className="bld-row">
                    <Field field={`${p}.name`} label={t(L.topicName)} problem={problem}>
                      {(fp) => <input {...fp} data-testid={`builder-topic-${i}-name`} value={x.name} onChange={(e) => setTopic(i, { name: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.partitions`} label={t(L.partitions)} problem={problem}>
                      {(fp) => <input {...fp} inputMode="numeric" data-testid={`builder-topic-${i}-partitions`} value={x.partitions} onChange={(e) => setTopic(i, { partitions: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.replicationFactor`} label={t(L.replicationFactor)} problem={problem}>
                      {(fp) => <input {...fp} inputMode="numeric" data-testid={`builder-topic-${i}-rf`} value={x.replicationFactor} onChange={(e) => setTopic(i, { replicationFactor: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.config.min.insync.replicas`} label="min.insync.replicas" problem={problem} hint={t(L.kafkaDefault) + ': 1'}>
                      {(fp) => <input {...fp} inputMode="numeric" data-testid={`builder-topic-${i}-minisr`} value={x.minIsr} onChange={(e) => setTopic(i, { minIsr: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.config.unclean.leader.election.enable`} label="unclean.leader.election.enable" problem={problem}>
                      {(fp) => <DefaultSelect fp={fp} value={x.unclean} def="false" options={['true', 'false']} onChange={(v) => setTopic(i, { unclean: v })} />}
                    </Field>
                    <Field field={`${p}.config`} label={t(L.otherTopicConfig)} problem={problem} wide>
                      {(fp) => <textarea {...fp} rows={1} spellCheck={false} placeholder="max.message.bytes=1048588" value={x.otherConfig} onChange={(e) => setTopic(i, { otherConfig: e.target.value })} />}
                    </Field>
                  </div>
                  <button type="button" className="bld-remove" onClick={() => set({ topics: d.topics.filter((_, k) => k !== i) })}>
                    {t(L.remove)} <span className="visually-hidden">{`${t(L.topic)} ${x.name}`}</span>
                  </button>
                </fieldset>
              )
            })}
            <button type="button" data-testid="builder-add-topic" onClick={() => set({ topics: [...d.topics, newTopic(d)] })}>
              {t(L.addTopic)}
            </button>
          </section>

          <section className="bld-section" aria-labelledby="bld-s-producers">
            <h3 id="bld-s-producers">{t(L.producers)}</h3>
            {d.producers.map((x, i) => {
              const p = `producers[${i}]`
              return (
                <fieldset key={i} className="bld-item" data-testid={`builder-producer-${i}`}>
                  <legend>
                    {t(L.producer)} {i + 1}
                  </legend>
                  <div className="bld-row">
                    <Field field={`${p}.id`} label={t(L.producerId)} problem={problem}>
                      {(fp) => <input {...fp} data-testid={`builder-producer-${i}-id`} value={x.id} onChange={(e) => setProducer(i, { id: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.topic`} label={t(L.topic)} problem={problem}>
                      {(fp) => (
                        <select {...fp} data-testid={`builder-producer-${i}-topic`} value={x.topic} onChange={(e) => setProducer(i, { topic: e.target.value })}>
                          {(topicNames.includes(x.topic) ? topicNames : [x.topic, ...topicNames]).map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field field={`${p}.recordsPerSec`} label={t(L.rate)} problem={problem}>
                      {(fp) => <input {...fp} inputMode="decimal" data-testid={`builder-producer-${i}-rate`} value={x.recordsPerSec} onChange={(e) => setProducer(i, { recordsPerSec: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.keys`} label={t(L.keys)} problem={problem}>
                      {(fp) => (
                        <select {...fp} data-testid={`builder-producer-${i}-keys`} value={x.keyKind} onChange={(e) => setProducer(i, { keyKind: e.target.value as ProducerDraft['keyKind'] })}>
                          <option value="none">{t(L.keysNone)}</option>
                          <option value="pool">{t(L.keysPool)}</option>
                          <option value="list">{t(L.keysList)}</option>
                        </select>
                      )}
                    </Field>
                    {x.keyKind === 'pool' ? (
                      <Field field={`${p}.keys.size`} label={t(L.poolSize)} problem={problem}>
                        {(fp) => <input {...fp} inputMode="numeric" value={x.keyPoolSize} onChange={(e) => setProducer(i, { keyPoolSize: e.target.value })} />}
                      </Field>
                    ) : null}
                    {x.keyKind === 'list' ? (
                      <Field field={`${p}.keys.values`} label={t(L.keyList)} problem={problem}>
                        {(fp) => <input {...fp} value={x.keyList} placeholder="alice, bob" onChange={(e) => setProducer(i, { keyList: e.target.value })} />}
                      </Field>
                    ) : null}
                    <Field field={`${p}.valueBytes`} label={t(L.valueBytes)} problem={problem}>
                      {(fp) => <input {...fp} inputMode="numeric" value={x.valueBytes} onChange={(e) => setProducer(i, { valueBytes: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.config.acks`} label="acks" problem={problem}>
                      {(fp) => <DefaultSelect fp={fp} value={x.acks} def="all" options={['all', '1', '0']} onChange={(v) => setProducer(i, { acks: v })} />}
                    </Field>
                    <Field field={`${p}.config.enable.idempotence`} label="enable.idempotence" problem={problem}>
                      {(fp) => <DefaultSelect fp={fp} value={x.idempotence} def="true" options={['true', 'false']} onChange={(v) => setProducer(i, { idempotence: v })} />}
                    </Field>
                    <Field field={`${p}.config`} label={t(L.otherProducerConfig)} problem={problem} wide>
                      {(fp) => <textarea {...fp} rows={1} spellCheck={false} placeholder="linger.ms=5" value={x.otherConfig} onChange={(e) => setProducer(i, { otherConfig: e.target.value })} />}
                    </Field>
                  </div>
                  <button type="button" className="bld-remove" onClick={() => set({ producers: d.producers.filter((_, k) => k !== i) })}>
                    {t(L.remove)} <span className="visually-hidden">{`${t(L.producer)} ${x.id}`}</span>
                  </button>
                </fieldset>
              )
            })}
            <button type="button" data-testid="builder-add-producer" onClick={() => set({ producers: [...d.producers, newProducer(d)] })}>
              {t(L.addProducer)}
            </button>
          </section>

          <section className="bld-section" aria-labelledby="bld-s-groups">
            <h3 id="bld-s-groups">{t(L.groups)}</h3>
            {d.groups.map((x, i) => {
              const p = `consumers[${i}]`
              const listed = [...topicNames, ...x.topics.filter((n) => !topicNames.includes(n))]
              return (
                <fieldset key={i} className="bld-item" data-testid={`builder-group-${i}`}>
                  <legend>
                    {t(L.group)} {i + 1}
                  </legend>
                  <div className="bld-row">
                    <Field field={`${p}.groupId`} label={t(L.groupId)} problem={problem}>
                      {(fp) => <input {...fp} data-testid={`builder-group-${i}-id`} value={x.groupId} onChange={(e) => setGroup(i, { groupId: e.target.value })} />}
                    </Field>
                    <GroupField field={`${p}.topics`} legend={t(L.groupTopics)} problem={problem}>
                      {listed.length === 0 ? <span className="bld-hint">{t(L.noTopics)}</span> : null}
                      {listed.map((n) => (
                        <label key={n} className="bld-check">
                          <input
                            type="checkbox"
                            checked={x.topics.includes(n)}
                            onChange={(e) => setGroup(i, { topics: e.target.checked ? topicNames.filter((m) => m === n || x.topics.includes(m)) : x.topics.filter((m) => m !== n) })}
                          />{' '}
                          {n}
                        </label>
                      ))}
                    </GroupField>
                    <Field field={`${p}.members`} label={t(L.members)} problem={problem}>
                      {(fp) => <input {...fp} inputMode="numeric" data-testid={`builder-group-${i}-members`} value={x.members} onChange={(e) => setGroup(i, { members: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.config.partition.assignment.strategy`} label="partition.assignment.strategy" problem={problem}>
                      {(fp) => <DefaultSelect fp={fp} value={x.assignor} def="range, cooperative-sticky" options={ASSIGNORS} onChange={(v) => setGroup(i, { assignor: v })} />}
                    </Field>
                    <Field field={`${p}.processingMsPerRecord`} label={t(L.processing)} problem={problem}>
                      {(fp) => <input {...fp} inputMode="decimal" value={x.processingMsPerRecord} onChange={(e) => setGroup(i, { processingMsPerRecord: e.target.value })} />}
                    </Field>
                    <Field field={`${p}.staticMembership`} label={t(L.staticMembership)} problem={problem} inline>
                      {(fp) => <input {...fp} type="checkbox" checked={x.staticMembership} onChange={(e) => setGroup(i, { staticMembership: e.target.checked })} />}
                    </Field>
                    <Field field={`${p}.config`} label={t(L.otherConsumerConfig)} problem={problem} wide>
                      {(fp) => <textarea {...fp} rows={1} spellCheck={false} placeholder="session.timeout.ms=10000" value={x.otherConfig} onChange={(e) => setGroup(i, { otherConfig: e.target.value })} />}
                    </Field>
                  </div>
                  <button type="button" className="bld-remove" onClick={() => set({ groups: d.groups.filter((_, k) => k !== i) })}>
                    {t(L.remove)} <span className="visually-hidden">{`${t(L.group)} ${x.groupId}`}</span>
                  </button>
                </fieldset>
              )
            })}
            <button type="button" data-testid="builder-add-group" onClick={() => set({ groups: [...d.groups, newGroup(d)] })}>
              {t(L.addGroup)}
            </button>
          </section>

          {carriedCount > 0 ? (
            <section className="bld-section" aria-labelledby="bld-s-carried">
              <h3 id="bld-s-carried">{t(L.carried)}</h3>
              <div className="bld-row">
                {d.carried.timeline.length > 0 ? (
                  <Field field="timeline" label={`${t(L.keepTimeline)} (${d.carried.timeline.length} ${t(L.actions)})`} problem={problem} inline wide hint={timelineSummary(d.carried.timeline, locale)}>
                    {(fp) => <input {...fp} type="checkbox" data-testid="builder-keep-timeline" checked={d.keepTimeline} onChange={(e) => set({ keepTimeline: e.target.checked })} />}
                  </Field>
                ) : null}
                {d.carried.readers.length > 0 ? (
                  <Field field="readers" label={`${t(L.keepReaders)} (${d.carried.readers.length})`} problem={problem} inline>
                    {(fp) => <input {...fp} type="checkbox" data-testid="builder-keep-readers" checked={d.keepReaders} onChange={(e) => set({ keepReaders: e.target.checked })} />}
                  </Field>
                ) : null}
                {Object.keys(d.carried.expect).length > 0 ? (
                  <Field field="expect" label={t(L.keepExpect)} problem={problem} inline>
                    {(fp) => <input {...fp} type="checkbox" data-testid="builder-keep-expect" checked={d.keepExpect} onChange={(e) => set({ keepExpect: e.target.checked })} />}
                  </Field>
                ) : null}
              </div>
            </section>
          ) : null}
        </div>
        <footer className="bld-foot">
          <div className="bld-status" role="status" data-testid="builder-status">
            {problem ? (
              <>
                <strong>{t(L.problemAt)}:</strong> {t(problem.text)}{' '}
                {problem.field ? (
                  <button type="button" className="bld-link" onClick={focusProblem}>
                    {t(L.goTo)}
                  </button>
                ) : null}
              </>
            ) : (
              t(L.ok)
            )}
          </div>
          <button type="button" data-testid="builder-export" onClick={exportScenario}>
            {t(L.exportScenario)}
          </button>
          <button type="button" onClick={onClose}>
            {t(L.cancel)}
          </button>
          <button type="submit" className="primary" data-testid="builder-run">
            ▶ {t(L.run)}
          </button>
        </footer>
      </form>
    </dialog>
  )
}
