/**
 * How the scenario and session checkers name a problem: ScenarioError carries the field path
 * (`topics[0].partitions`, or "(json)" for text that is not JSON) and what was expected; `fail`
 * throws one; listSome, quoteList and plural word the names and counts in a message.
 */

/** A problem in a scenario. `path` is the field path (e.g. `topics[0].partitions`), or "(json)". */
export class ScenarioError extends Error {
  readonly path: string
  readonly what: string
  /** the file or label the scenario came from, when known */
  readonly source: string | undefined
  constructor(path: string, what: string, source?: string) {
    super(`${path}: ${what}`)
    this.name = 'ScenarioError'
    this.path = path
    this.what = what
    this.source = source
  }
}

export type PathSegment = string | number

export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (/^[A-Za-z0-9_$.:-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`
    else out += `[${JSON.stringify(seg)}]`
  }
  return out === '' ? '(scenario)' : out
}

/** Stop checking: the problem at `path`. */
export function fail(path: string, what: string): never {
  throw new ScenarioError(path, what)
}

/** How many names a message lists before it says "and N more". */
export const LISTED_AT_MOST = 10

/** Names for a message, cut after LISTED_AT_MOST: "a, b, c, and 40 more". */
export function listSome(names: readonly string[], atMost = LISTED_AT_MOST): string {
  if (names.length <= atMost) return names.join(', ')
  return `${names.slice(0, atMost).join(', ')}, and ${names.length - atMost} more`
}

/** Names for a message, or "(none)". */
export function quoteList(names: readonly string[]): string {
  return names.length === 0 ? '(none)' : listSome(names)
}

/** "1 partition", "3 partitions". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
