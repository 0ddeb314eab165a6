// What a learner has done in the guided lessons, kept in localStorage so it survives a reload:
// the last step reached in each lesson and the lessons finished.

export const PROGRESS_KEY = 'kafkascope.lessons.progress'

export interface Progress {
  /** lesson id → index of the last step opened */
  last: Record<string, number>
  /** ids of the lessons finished (their last step reached) */
  done: string[]
}

export function emptyProgress(): Progress {
  return { last: {}, done: [] }
}

/** Read progress from a JSON string; anything malformed counts as no progress. */
export function parseProgress(text: string | null | undefined): Progress {
  if (!text) return emptyProgress()
  try {
    const raw = JSON.parse(text) as Partial<Progress>
    const last: Record<string, number> = {}
    if (raw.last && typeof raw.last === 'object') {
      for (const [id, step] of Object.entries(raw.last)) if (Number.isSafeInteger(step) && step >= 0) last[id] = step
    }
    const done = Array.isArray(raw.done) ? raw.done.filter((d): d is string => typeof d === 'string') : []
    return { last, done }
  } catch {
    return emptyProgress()
  }
}

/** A learner reached `step` of `lessonId` (of `stepCount` steps). */
export function recordStep(progress: Progress, lessonId: string, step: number, stepCount: number): Progress {
  const done = step >= stepCount - 1 && !progress.done.includes(lessonId) ? [...progress.done, lessonId] : progress.done
  return { last: { ...progress.last, [lessonId]: step }, done }
}

export function loadProgress(): Progress {
  try {
    return parseProgress(globalThis.localStorage?.getItem(PROGRESS_KEY))
  } catch {
    return emptyProgress()
  }
}

export function saveProgress(progress: Progress): void {
  try {
    globalThis.localStorage?.setItem(PROGRESS_KEY, JSON.stringify(progress))
  } catch {
    // storage unavailable (private mode): progress lasts for this page only
  }
}
