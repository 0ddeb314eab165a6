/// <reference types="vite/client" />
// The guided lessons kafkascope ships: every module in ./content exports one `lesson`, listed in
// the order of LESSONS.md (the `number` each lesson teaches).

import type { Lesson } from './types.ts'

const modules = import.meta.glob<{ lesson: Lesson }>(['./content/*.ts', '!./content/*.test.ts'], { eager: true })

const all: Lesson[] = Object.values(modules)
  .map((m) => m.lesson)
  .filter((l): l is Lesson => Boolean(l))
  .sort((a, b) => a.number - b.number || a.id.localeCompare(b.id))

/** Every lesson, in order. */
export function allLessons(): Lesson[] {
  return all
}

/** The number a learner sees: the lesson's place in the list, 1..N with no gaps (ids stay stable). */
export function displayNumber(lesson: Lesson): number {
  return all.findIndex((l) => l.id === lesson.id) + 1
}

export function lessonById(id: string): Lesson | undefined {
  return all.find((l) => l.id === id)
}
