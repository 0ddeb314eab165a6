// Runs a guided lesson on the real model. Opening step i always starts the lesson's scenario
// again and replays steps 0..i-1 (their seeks, actions and key moments), so coming back to a step
// shows exactly what coming to it forwards showed: the simulation is deterministic.
// Free play hands the run to the learner; "Back to the lesson" rebuilds the current step.

import { act, current, loadScenario, publish, advanceTo, type Run } from '../host/engine-host.ts'
import { pause, pauseAt, play, resetPlayback } from '../host/playback.ts'
import { usePlayback } from '../store/playback-store.ts'
import { useSim } from '../store/sim-store.ts'
import { useUi } from '../store/ui-store.ts'
import { notify, errorMessage } from '../notices.ts'
import { lessonById } from './index.ts'
import { lessonScenarioJson, lessonStartMs } from './check.ts'
import { recordStep, saveProgress } from './progress.ts'
import { useLesson } from './store.ts'
import type { Lesson, LessonStep } from './types.ts'

/** The run the lesson built, and how many interventions it made (more means the learner acted). */
let lessonRun: { run: Run; interventions: number } | null = null

export function openLesson(id: string, step?: number): void {
  const lesson = lessonById(id)
  if (!lesson) return
  const resume = step ?? Math.min(useLesson.getState().progress.last[id] ?? 0, lesson.steps.length - 1)
  useLesson.setState({ id, step: resume, mode: 'lesson' })
  goToStep(resume)
}

export function currentLesson(): Lesson | null {
  const id = useLesson.getState().id
  return id ? (lessonById(id) ?? null) : null
}

export function currentStep(): LessonStep | null {
  const lesson = currentLesson()
  return lesson ? (lesson.steps[useLesson.getState().step] ?? null) : null
}

/** Bring the run to where step `i` starts, from the lesson's beginning. */
export function goToStep(i: number): void {
  const lesson = currentLesson()
  if (!lesson) return
  const index = Math.max(0, Math.min(lesson.steps.length - 1, i))
  useLesson.setState({ step: index, mode: 'lesson', choice: null, checked: false, captionHidden: false, busy: true })
  try {
    resetPlayback()
    loadScenario(lessonScenarioJson(lesson), lesson.seed, 'builtIn' in lesson.scenario ? lesson.scenario.builtIn : null)
    const run = current()!
    advanceTo(lessonStartMs(lesson, run.scenario.durationMs))
    for (const step of lesson.steps.slice(0, index)) {
      prepare(step)
      if (step.playUntilMs !== undefined) advanceTo(step.playUntilMs)
    }
    const step = lesson.steps[index]
    prepare(step)
    lessonRun = { run, interventions: run.interventions.length }
    publish(true)
    showStep(step)
  } catch (error) {
    notify({ en: `The lesson step could not be opened: ${errorMessage(error)}`, ko: `레슨 단계를 열 수 없습니다: ${errorMessage(error)}` })
  } finally {
    useLesson.setState({ busy: false })
  }
  const s = useLesson.getState()
  const progress = recordStep(s.progress, lesson.id, index, lesson.steps.length)
  saveProgress(progress)
  useLesson.setState({ progress })
}

/** A step's seek and actions (what happens to the cluster when the step opens). */
function prepare(step: LessonStep): void {
  if (step.atMs !== undefined) advanceTo(step.atMs)
  for (const action of step.actions ?? []) act(action)
}

/** What the learner sees when a step opens: its tab, selection, speed; it plays unless it asks first. */
function showStep(step: LessonStep): void {
  const ui = useUi.getState()
  if (step.select) ui.select(step.select)
  // a step without a tab of its own brings the Lessons tab back (the caption follows other tabs)
  ui.setSideTab(step.tab ?? (step.select ? 'inspector' : 'lessons'))
  usePlayback.getState().setSpeed(step.speed ?? 1)
  if (step.playUntilMs !== undefined) {
    pauseAt(step.playUntilMs)
    if (!step.question) play()
  }
}

export function next(): void {
  const lesson = currentLesson()
  const { step } = useLesson.getState()
  if (lesson && step < lesson.steps.length - 1) goToStep(step + 1)
}

export function previous(): void {
  const { step } = useLesson.getState()
  if (currentLesson() && step > 0) goToStep(step - 1)
}

/** The learner made a prediction: now watch what really happens. */
export function check(): void {
  const step = currentStep()
  const { choice } = useLesson.getState()
  if (!step?.question || choice === null) return
  useLesson.setState({ checked: true })
  if (step.playUntilMs !== undefined && (current()?.sim.nowMs ?? Infinity) < step.playUntilMs) {
    pauseAt(step.playUntilMs)
    play()
  }
}

export function choose(choice: number): void {
  useLesson.setState({ choice })
}

/** Leave the lesson's script: the learner plays, pauses, crashes brokers as they like. */
export function freePlay(): void {
  pauseAt(null)
  useLesson.setState({ mode: 'free' })
}

/** Rebuild the current step exactly as the lesson had it. */
export function backToLesson(): void {
  goToStep(useLesson.getState().step)
}

export function leaveLesson(): void {
  pauseAt(null)
  pause()
  lessonRun = null
  useLesson.setState({ id: null, step: 0, mode: 'lesson', choice: null, checked: false, captionHidden: false })
}

export function hideCaption(hidden: boolean): void {
  useLesson.setState({ captionHidden: hidden })
}

/** Is the run still the lesson's own? Another scenario or the learner's own action means free play. */
function watchForFreePlay(): void {
  const s = useLesson.getState()
  if (!s.id || s.mode !== 'lesson' || s.busy || !lessonRun) return
  const run = current()
  if (run !== lessonRun.run || run.interventions.length > lessonRun.interventions) {
    pauseAt(null)
    useLesson.setState({ mode: 'free' })
  }
}

let installed = false

/** Follow the run (once, from the panel): the learner acting on their own switches to free play. */
export function installLessonWatch(): void {
  if (installed) return
  installed = true
  useSim.subscribe(watchForFreePlay)
}
