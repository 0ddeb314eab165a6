/**
 * The one rule for seeds, everywhere a person types or shares one: the scenario's `seed`, a
 * session's `seed`, `?seed=` in the app's address, the toolbar's seed box, the console API's `load`
 * and the CLI's `--seed`. A seed is a whole number from 0 to 2^53-1 (Number.MAX_SAFE_INTEGER),
 * written in decimal digits only: no sign, no spaces, no hex, no exponent, no fraction. A seed that
 * breaks the rule is refused with the same words wherever it came from, so a link kafkascope makes
 * is always one kafkascope (and `kafkascope run`) can open again.
 */

/** The largest seed: the largest integer every JavaScript engine represents exactly. */
export const SEED_MAX = Number.MAX_SAFE_INTEGER

/** What is wrong with this seed value, or null when it is a seed. */
export function seedProblem(seed: unknown): string | null {
  if (typeof seed === 'number' && Number.isSafeInteger(seed) && seed >= 0) return null
  const shown = typeof seed === 'string' ? JSON.stringify(seed) : typeof seed === 'number' ? String(seed) : typeof seed
  return `a seed is a whole number from 0 to ${SEED_MAX}, got ${shown}`
}

/** A seed written as text (a URL parameter, a form field, a CLI flag), or the problem with it. */
export function parseSeedText(text: string): { seed: number } | { problem: string } {
  const shown = JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)
  if (!/^[0-9]+$/.test(text)) return { problem: `a seed is a whole number from 0 to ${SEED_MAX} written in digits, got ${shown}` }
  const seed = Number(text)
  if (!Number.isSafeInteger(seed)) return { problem: `a seed is a whole number from 0 to ${SEED_MAX}, got ${shown}` }
  return { seed }
}
