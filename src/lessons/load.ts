// The lessons' content comes in its own chunk, off the first render's path: it loads when the
// Lessons tab opens or a lesson needs it (its caption and ring), and once
// loaded it stays. `loadedLessons()` answers at once (undefined before the chunk came);
// `useLessons()` is the same for React, and starts the load.

import { useSyncExternalStore } from 'react'

export type LessonCatalogue = typeof import('./index.ts')

let loaded: LessonCatalogue | undefined
let loading: Promise<LessonCatalogue> | undefined
const listeners = new Set<() => void>()

/** The lessons (cached: one load however often it is asked for; a failed load may be retried). */
export function loadLessons(importer: () => Promise<LessonCatalogue> = () => import('./index.ts')): Promise<LessonCatalogue> {
  if (loaded) return Promise.resolve(loaded)
  loading ??= importer().then(
    (m) => {
      loaded = m
      for (const l of listeners) l()
      return m
    },
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The lessons if they are loaded, else undefined. */
export function loadedLessons(): LessonCatalogue | undefined {
  return loaded
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * The lessons in a component: undefined until they are loaded (the component renders again then).
 * With `load`, asking starts the load.
 */
export function useLessons(load = true): LessonCatalogue | undefined {
  const value = useSyncExternalStore(subscribe, loadedLessons, loadedLessons)
  if (load && !value) void loadLessons().catch(() => {})
  return value
}

/** For tests: forget what was loaded. */
export function resetLessonsForTest(): void {
  loaded = undefined
  loading = undefined
}
