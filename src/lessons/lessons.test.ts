// Every guided lesson runs on a scenario that parses, and its steps' moments lie within the run
// and move forward (going back to a step replays from the lesson's start, so order matters).
import { describe, expect, it } from 'vitest'
import { allLessons } from './index.ts'
import { LESSON_CATALOG } from './catalog.ts'
import { lessonProblems, lessonScenario } from './check.ts'

/** a reason attached to a choice ("X, because …", "X: …", "X — …") gives the right one away */
const REASON_EN = /\bbecause\b|\bsince\b|\bso that\b|—|–|:/i
const REASON_KO = /때문|므로|니까|이므로|라서|해서|려고|—|:/

describe('guided lessons', () => {
  it('are listed in LESSONS.md order with Korean and English titles', () => {
    const list = allLessons()
    expect(list.length).toBeGreaterThanOrEqual(7)
    expect(list.map((l) => l.number)).toEqual([...list.map((l) => l.number)].sort((a, b) => a - b))
    expect(new Set(list.map((l) => l.id)).size).toBe(list.length)
    // the catalog the first view loads names every lesson, in the same order, with both titles
    expect(LESSON_CATALOG.map((l) => l.id)).toEqual(list.map((l) => l.id))
    for (const l of LESSON_CATALOG) {
      expect(l.title.en.length).toBeGreaterThan(0)
      expect(l.title.ko).toMatch(/[가-힣]/)
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
          for (const t of step.question ? [step.question.prompt, step.question.explain, ...step.question.choices, ...step.question.why] : []) {
            expect(t.en.trim()).not.toBe('')
            expect(t.ko.trim()).not.toBe('')
          }
        }
      })
      it('gives every choice its own reason and no choice gives the answer away', () => {
        for (const step of lesson.steps) {
          const q = step.question
          if (!q) continue
          expect(q.why.length, q.prompt.en).toBe(q.choices.length)
          expect(q.answer).toBeGreaterThanOrEqual(0)
          expect(q.answer).toBeLessThan(q.choices.length)
          for (const w of q.why) {
            expect(w.en.trim().length, q.prompt.en).toBeGreaterThan(20)
            expect(w.ko.trim().length, q.prompt.ko).toBeGreaterThan(10)
          }
          // the reasons differ from each other: each choice is answered on its own
          expect(new Set(q.why.map((w) => w.en)).size).toBe(q.why.length)
          for (const c of q.choices) {
            expect(c.en, `choice carries a reason: ${c.en}`).not.toMatch(REASON_EN)
            expect(c.ko, `choice carries a reason: ${c.ko}`).not.toMatch(REASON_KO)
          }
        }
      })
      it('ends with 2–3 things to try, in both languages', () => {
        expect(lesson.tryThis.length).toBeGreaterThanOrEqual(2)
        expect(lesson.tryThis.length).toBeLessThanOrEqual(3)
        for (const t of lesson.tryThis) {
          expect(t.en.trim().length).toBeGreaterThan(20)
          expect(t.ko.trim().length).toBeGreaterThan(10)
        }
      })
    })
  }

  it('call a crash a crash in Korean (크래시), not a stop (중단)', () => {
    const texts: string[] = []
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v)
      else if (Array.isArray(v)) v.forEach(walk)
      else if (v && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(allLessons())
    expect(texts.filter((t) => /중단/.test(t))).toEqual([])
  })

  it('lessons 1–7 have 4–8 steps, a predict-then-watch question and a key moment', () => {
    for (const lesson of allLessons().filter((l) => l.number <= 7)) {
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(4)
      expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(8)
      expect(lesson.steps.some((s) => s.question), lesson.id).toBe(true)
      expect(lesson.steps.some((s) => s.playUntilMs !== undefined), lesson.id).toBe(true)
    }
  })
})

describe('what the lessons say about auto.offset.reset', () => {
  // KafkaConsumer applies auto.offset.reset with no committed offset AND on OFFSET_OUT_OF_RANGE
  // (Fetcher/OffsetFetcher: the fetch position is below the log start or above the high watermark)
  it('never that it applies only without a committed offset; it names OFFSET_OUT_OF_RANGE too', () => {
    const texts: string[] = []
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v)
      else if (Array.isArray(v)) v.forEach(walk)
      else if (v && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(allLessons())
    const mentions = texts.filter((t) => t.includes('auto.offset.reset') && !t.startsWith('auto.offset.reset'))
    expect(mentions.length).toBeGreaterThan(0)
    for (const t of mentions) {
      expect(t).not.toMatch(/only applies when a group has no committed offset|커밋된 오프셋이 전혀 없을 때만/)
      if (/only|만 /.test(t)) expect(t).toContain('OFFSET_OUT_OF_RANGE')
    }
  })
})
