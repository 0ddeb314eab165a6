// The checkpoint budget: however long the run and however it is played or seeked, at most
// CHECKPOINT_BUDGET are kept, the earliest always among them; they are dense near the playhead
// and thinned exponentially further back, so the one a seek starts from is never further back
// than a bound proportional to how far back the seek goes. (The engine's own runs are checked
// against straight runs in time-travel.test.ts.)
import { describe, expect, it } from 'vitest'
import { CHECKPOINT_BUDGET, Checkpoints, EVENTS_PER_CHECKPOINT, leastNeeded, FIRST_SPACING_MS, spacingFor, type Checkpoint } from './checkpoints.ts'

const SPACING = FIRST_SPACING_MS
/** Six simulated hours: what a tab playing the default scenario at 100× covers in an hour. */
const SIX_HOURS = 21_600_000

function mark(atMs: number): Checkpoint {
  return { atMs, events: atMs, world: null as never }
}

function times(c: Checkpoints): number[] {
  return c.list.map((x) => x.atMs)
}

/** How far back of `t` the latest checkpoint at or before it lies. */
function replayFrom(c: Checkpoints, t: number): number {
  return t - c.before(t)!.atMs
}

/**
 * The worst `replayFrom(t)` over every t in [0, newest] (it peaks just before each checkpoint),
 * as a multiple of the distance from t to `fromMs` beyond one spacing.
 */
function worstRatio(c: Checkpoints, fromMs: number): number {
  const ts = times(c)
  let worst = 0
  for (let i = 1; i < ts.length; i++) {
    for (const t of [ts[i] - 1, Math.floor((ts[i - 1] + ts[i]) / 2)]) {
      const over = replayFrom(c, t) - SPACING
      if (over > 0) worst = Math.max(worst, over / Math.max(1, Math.abs(fromMs - t)))
    }
  }
  return worst
}

/**
 * A run moved to `target` from `now` the way the app's host moves it (engine-host.ts advanceTo):
 * back (or forward past a checkpoint) from the latest checkpoint at or before the target, then
 * forward, taking a checkpoint whenever one is due. Returns the new playhead.
 */
function moveTo(c: Checkpoints, now: number, target: number): number {
  const from = c.before(target)
  if (target < now || (from && from.atMs > now)) now = from ? from.atMs : 0
  let slices = 0
  while (now < target || c.nextDueMs(now, target) <= now) {
    if (++slices > 1_000_000) throw new Error(`a move to ${target} does not end (a checkpoint stays due at ${now})`)
    now = Math.max(now, Math.min(target, c.nextDueMs(now, target)))
    if (now >= c.nextDueMs(now, target)) c.add(mark(now), now)
  }
  return now
}

/** A small seeded generator (the test must be repeatable). */
function lcg(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

describe('checkpoint thinning', () => {
  it('drops the one leaving the smallest gap for its distance from the playhead, never the earliest', () => {
    // removing 80 leaves 70..90 (20) at distance 20; removing 40 leaves 0..70 at distance 60
    expect(leastNeeded([0, 40, 70, 80, 90, 100].map(mark), 100)).toBe(3)
    // with the playhead at 0, those far from it go first
    expect(leastNeeded([0, 10, 20, 1000, 1010, 1020].map(mark), 0)).toBe(5)
    // nor the one just taken
    expect(leastNeeded([0, 40, 70, 80, 90, 100].map(mark), 100, 3)).toBe(1)
  })

  it('keeps at most the budget over a six-hour run played straight, the earliest first and the newest last', () => {
    const c = new Checkpoints()
    let now = 0
    for (let t = 0; t <= SIX_HOURS; t += 600_000) {
      now = moveTo(c, now, t)
      expect(c.list.length).toBeLessThanOrEqual(CHECKPOINT_BUDGET)
    }
    expect(c.list.length).toBe(CHECKPOINT_BUDGET)
    expect(c.list[0].atMs).toBe(0)
    expect(c.list[c.list.length - 1].atMs).toBe(SIX_HOURS)
    expect([...times(c)].sort((a, b) => a - b)).toEqual(times(c))
  })

  it('keeps them dense near the newest and thinned further back: a seek back replays at most 0.6 × how far it goes, plus a spacing', () => {
    const c = new Checkpoints()
    let now = 0
    for (let t = 0; t <= SIX_HOURS; t += 300_000) {
      now = moveTo(c, now, t)
      expect(worstRatio(c, now), `at ${t} ms`).toBeLessThanOrEqual(0.6)
    }
    // near the playhead they stay one spacing apart
    const ts = times(c)
    expect(ts.slice(-6)).toEqual([0, 1, 2, 3, 4, 5].map((i) => SIX_HOURS - (5 - i) * SPACING))
    // and far back they are far apart, but never further than the bound says
    expect(replayFrom(c, SIX_HOURS / 2)).toBeGreaterThan(20 * SPACING)
  })

  it('wherever the person seeks, the budget holds and the playhead has a checkpoint at most one spacing back', () => {
    const c = new Checkpoints()
    const random = lcg(7)
    let now = moveTo(c, 0, 3_600_000)
    for (let i = 0; i < 400; i++) {
      const r = random()
      // mostly seeks anywhere, sometimes a bit of playing on, sometimes a step back
      const target = r < 0.6 ? Math.floor(random() * 3_600_000) : r < 0.9 ? now + Math.floor(random() * 30_000) : Math.max(0, now - 1)
      now = moveTo(c, now, target)
      expect(now).toBe(target)
      expect(c.list.length).toBeLessThanOrEqual(CHECKPOINT_BUDGET)
      expect(c.list[0].atMs).toBe(0)
      expect(replayFrom(c, now), `after a move to ${target}`).toBeLessThanOrEqual(SPACING)
    }
  })

  it('a long seek takes one checkpoint near its end, not one per spacing it crosses', () => {
    const c = new Checkpoints()
    let now = moveTo(c, 0, SIX_HOURS)
    const before = times(c)
    // far back of the playhead, where the kept ones lie far apart
    const target = SIX_HOURS / 2 + 2_500
    expect(replayFrom(c, target)).toBeGreaterThan(10 * SPACING)
    now = moveTo(c, now, target)
    const added = times(c).filter((t) => !before.includes(t))
    expect(added).toEqual([target - SPACING])
    expect(now).toBe(target)
  })

  it('forgets the checkpoints after a fork', () => {
    const c = new Checkpoints()
    moveTo(c, 0, 60_000)
    c.dropAfter(29_999)
    expect(times(c)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000])
  })
})

describe('spacing by work', () => {
  it('puts about EVENTS_PER_CHECKPOINT events between two checkpoints, within 1 to 60 simulated seconds', () => {
    // a quiet lesson: 400 events a simulated second
    expect(spacingFor(1, 4_000, 10_000)).toBe(Math.ceil(EVENTS_PER_CHECKPOINT / 400) * 1000)
    // a busy cluster: 24,000 events a second, so as close as allowed
    expect(spacingFor(1, 24_000, 1_000)).toBe(1_000)
    // nearly idle
    expect(spacingFor(1, 10, 60_000)).toBe(60_000)
    // before a rate is known
    expect(spacingFor(1, 0, 0)).toBe(FIRST_SPACING_MS)
  })

  it('spaces them further when a snapshot is costly, so taking them stays a small share of playback', () => {
    expect(spacingFor(14, 24_000, 1_000)).toBeGreaterThan(spacingFor(1, 24_000, 1_000))
    expect(spacingFor(14, 24_000, 1_000)).toBe(4_000)
  })
})

describe('the memory budget', () => {
  it('keeps the checkpoints within CHECKPOINT_BYTES_BUDGET when each snapshot is big, the earliest and the newest kept', async () => {
    const { CHECKPOINT_BYTES_BUDGET } = await import('./checkpoints.ts')
    const c = new Checkpoints()
    const each = 40 * 1024 * 1024 // a big cluster's snapshot late in its run
    for (let t = 0; t <= 600_000; t += SPACING) {
      c.add({ ...mark(t), bytes: each }, t)
      expect(c.bytes()).toBeLessThanOrEqual(CHECKPOINT_BYTES_BUDGET)
    }
    expect(c.list.length).toBe(Math.floor(CHECKPOINT_BYTES_BUDGET / each))
    expect(c.list[0].atMs).toBe(0)
    expect(c.list[c.list.length - 1].atMs).toBe(600_000)
  })
})
