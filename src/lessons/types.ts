// A guided lesson: narrative steps that run on the real model. Each step may open a scenario
// moment (seek), do something to the cluster (timeline actions, as a person would), ask the
// learner to predict what happens, then play to the key moment and pause there.

import type { ActionInput } from '../../sim/index.ts'
import type { Text } from '../i18n.ts'
import type { Selection, SideTab } from '../store/ui-store.ts'

export interface LessonQuestion {
  prompt: Text
  /** short claims of similar form, with no reason attached (the reasons are in why) */
  choices: Text[]
  /** for each choice, in the same order: why it is right or why it is wrong (shown once answered) */
  why: Text[]
  /** index of the right choice */
  answer: number
  /** shown after the learner answers (and after watching) */
  explain: Text
}

export interface LessonStep {
  text: Text
  /** what the step points at: a data-testid (e.g. "broker-1", "partition-orders-0", "group-billing", "btn-play") */
  target?: string
  /** move the run to this simulated time when the step opens (forwards or backwards) */
  atMs?: number
  /** do these to the cluster when the step opens (after atMs), as timeline actions */
  actions?: ActionInput[]
  /** a predict-then-watch question, asked before the step plays */
  question?: LessonQuestion
  /** play from here and pause automatically at this simulated time: the key moment */
  playUntilMs?: number
  /** playback speed while playing to playUntilMs (default 1) */
  speed?: number
  /** open this side tab (e.g. 'groups', 'metrics', 'console') */
  tab?: SideTab
  /** select this element (the inspector shows it) */
  select?: Selection
}

export interface Lesson {
  id: string
  /** order in the lesson list (the LESSONS.md row it teaches) */
  number: number
  title: Text
  /** one sentence: what the learner will see */
  summary: Text
  /** a built-in scenario id, or a scenario object (the same JSON as a scenario file) */
  scenario: { builtIn: string } | { json: unknown }
  seed?: number
  steps: LessonStep[]
  /** 2–3 things to do in the app after the last step, shown under "Try this" */
  tryThis: Text[]
}
