// A learner's lesson progress survives a reload, and broken storage never breaks the lessons.
import { describe, expect, it } from 'vitest'
import { emptyProgress, parseProgress, recordStep } from './progress.ts'

describe('lesson progress', () => {
  it('remembers the last step and marks a lesson done at its last step', () => {
    let p = recordStep(emptyProgress(), 'keys', 2, 5)
    expect(p).toEqual({ last: { keys: 2 }, done: [] })
    p = recordStep(p, 'keys', 4, 5)
    expect(p.done).toEqual(['keys'])
    p = recordStep(p, 'keys', 1, 5)
    expect(p).toEqual({ last: { keys: 1 }, done: ['keys'] })
    expect(parseProgress(JSON.stringify(p))).toEqual(p)
  })

  it('treats malformed storage as no progress', () => {
    expect(parseProgress('{oops')).toEqual(emptyProgress())
    expect(parseProgress(null)).toEqual(emptyProgress())
    expect(parseProgress(JSON.stringify({ last: { a: -1, b: 'x', c: 3 }, done: [1, 'c'] }))).toEqual({ last: { c: 3 }, done: ['c'] })
  })
})
