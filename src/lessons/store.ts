// The open lesson's state: which lesson and step, whether the learner is following the lesson or
// playing freely, their prediction, and the progress they made (mirrored to localStorage).

import { create } from 'zustand'
import { loadProgress, type Progress } from './progress.ts'

export type LessonMode = 'lesson' | 'free'

export interface LessonState {
  /** the open lesson (null: the list is shown) */
  id: string | null
  step: number
  mode: LessonMode
  /** the choice picked for the step's question */
  choice: number | null
  /** the learner pressed Check: the run plays to the key moment, then the explanation shows */
  checked: boolean
  /** presenter mode: Escape hid the caption (it comes back on the next step) */
  captionHidden: boolean
  /** a step is being prepared (the run replays from the lesson's start) */
  busy: boolean
  progress: Progress
}

export const useLesson = create<LessonState>(() => ({
  id: null,
  step: 0,
  mode: 'lesson',
  choice: null,
  checked: false,
  captionHidden: false,
  busy: false,
  progress: loadProgress(),
}))
