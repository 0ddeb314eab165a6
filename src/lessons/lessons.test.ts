// Every guided lesson runs on a scenario that parses, and its steps' moments lie within the run
// and move forward (going back to a step replays from the lesson's start, so order matters).
import { describe, expect, it } from 'vitest'
import { allLessons, lessons } from './index.ts'
import { lessonProblems, lessonScenario } from './check.ts'

describe('guided lessons', () => {
  it('are listed in LESSONS.md order with Korean and English titles', () => {
    const list = allLessons()
    expect(list.length).toBeGreaterThanOrEqual(7)
    expect(list.map((l) => l.number)).toEqual([...list.map((l) => l.number)].sort((a, b) => a - b))
    expect(new Set(list.map((l) => l.id)).size).toBe(list.length)
    for (const l of lessons()) {
      expect(l.title.en.length).toBeGreaterThan(0)
      expect(l.title.ko.length).toBeGreaterThan(0)
    }
  })

  for (const lesson of allLessons()) {
    describe(`${lesson.number} ${lesson.id}`, () => {
      it('runs on a scenario that parses', () => {
        expect(() => lessonScenario(lesson)).not.toThrow()
      })
      it('has steps whose moments lie within the run and move forward', () => {
        expect(lessonProblems(lesson)).toEqual([])
      })
      it('speaks both languages on every step', () => {
        for (const step of lesson.steps) {
          expect(step.text.en.trim()).not.toBe('')
          expect(step.text.ko.trim()).not.toBe('')
          for (const t of step.question ? [step.question.prompt, step.question.explain, ...step.question.choices] : []) {
            expect(t.en.trim()).not.toBe('')
            expect(t.ko.trim()).not.toBe('')
          }
        }
      })
    })
  }

  it('lessons 1–7 have 4–8 steps, a predict-then-watch question and a key moment', () => {
    for (const lesson of allLessons().filter((l) => l.number <= 7)) {
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(4)
      expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(8)
      expect(lesson.steps.some((s) => s.question), lesson.id).toBe(true)
      expect(lesson.steps.some((s) => s.playUntilMs !== undefined), lesson.id).toBe(true)
    }
  })
})
