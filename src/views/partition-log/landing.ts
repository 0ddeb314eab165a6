// Records landing in the log: when a partition's leader appends records while the run plays slowly,
// the partition log drops a dot into each new offset slot of the leader's lane (one dot per record
// when there are few and the slots are wide enough to tell apart, otherwise one dot carrying the
// count). This is the pure rule; landing-layer.ts draws it. Nothing lands at high speeds (records
// arrive faster than anyone could follow), under reduced motion (the slots simply fill), or when
// the log jumps (a seek, a restore) or shrinks (truncation).

/** Records land only at this speed or slower. */
export const LANDING_MAX_SPEED = 2
/** At most this many records get a dot each; more arriving at once share one dot with their count. */
export const MAX_SINGLE_DOTS = 6
/** Slots narrower than this (px) cannot hold a dot each: the records share one. */
export const MIN_SLOT_PX = 4
/** A log grown by more than this between two frames jumped (seek, restore): nothing lands. */
export const MAX_LANDING_RECORDS = 400

export interface LandingPlan {
  /** 'none', one dot per record ('each'), or one dot for them all ('one') */
  mode: 'none' | 'each' | 'one'
  /** the new offsets: [from, to) */
  from: number
  to: number
}

export interface LandingContext {
  speed: number
  playing: boolean
  reducedMotion: boolean
  /** width of one offset slot at the log's end, px */
  slotPx: number
}

/** What lands when the leader's LEO moves from `prevLeo` to `leo`. Writes into `out` (no allocation). */
export function planLanding(prevLeo: number, leo: number, ctx: LandingContext, out: LandingPlan): LandingPlan {
  out.from = prevLeo
  out.to = leo
  const count = leo - prevLeo
  if (!ctx.playing || ctx.reducedMotion || ctx.speed > LANDING_MAX_SPEED || count <= 0 || count > MAX_LANDING_RECORDS || prevLeo < 0) {
    out.mode = 'none'
  } else if (count <= MAX_SINGLE_DOTS && ctx.slotPx >= MIN_SLOT_PX) {
    out.mode = 'each'
  } else {
    out.mode = 'one'
  }
  return out
}

export function emptyPlan(): LandingPlan {
  return { mode: 'none', from: 0, to: 0 }
}
