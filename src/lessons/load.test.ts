// The lessons' loader: one load however often it is asked for, nothing before the load, the
// lessons afterwards, and a failed load (a lost connection) may be tried again.
import { afterEach, describe, expect, it } from 'vitest'
import { loadedLessons, loadLessons, resetLessonsForTest, type LessonCatalogue } from './load.ts'

afterEach(() => resetLessonsForTest())

describe('loadLessons', () => {
  it('loads the lessons once and keeps them', async () => {
    let calls = 0
    const importer = () => {
      calls++
      return import('./index.ts')
    }
    expect(loadedLessons()).toBeUndefined()
    const [a, b] = await Promise.all([loadLessons(importer), loadLessons(importer)])
    expect(calls).toBe(1)
    expect(a).toBe(b)
    expect(loadedLessons()).toBe(a)
    expect(a.allLessons().length).toBeGreaterThan(10)
    await loadLessons(importer)
    expect(calls).toBe(1)
  })

  it('tries again after a failed load', async () => {
    let fail = true
    const importer = (): Promise<LessonCatalogue> => (fail ? Promise.reject(new Error('offline')) : import('./index.ts'))
    await expect(loadLessons(importer)).rejects.toThrow('offline')
    expect(loadedLessons()).toBeUndefined()
    fail = false
    const m = await loadLessons(importer)
    expect(loadedLessons()).toBe(m)
  })
})
