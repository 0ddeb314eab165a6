/**
 * Zod's issues turned into one clear message per problem, in kafkascope's words: the field path of
 * the problem and what was expected (`topics[0].partitions: expected a number, got the string "3"`,
 * `topics[0].partition: unknown field (did you mean partitions?)`). Messages the schema writes itself are
 * marked with `own` and pass through unchanged; zod's default messages are rewritten here. An
 * unknown field beats a missing one in the same object, and a union names the branch that got
 * furthest, so a typo is reported as the typo.
 */
import type { z } from 'zod'
import { showValue, closestMatch } from '../kafka/config.ts'
import { ScenarioError, formatPath, listSome, plural } from './parse-errors.ts'

/** What a JSON value is, for "expected X, got Y". */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the string ${showValue(value)}`
  return String(value)
}

/** Marks a message written here (as opposed to zod's defaults, which the formatter rewrites). */
const MARK = '\u0001'
export const own = (text: string): string => MARK + text

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined
    v = (v as Record<PropertyKey, unknown>)[seg]
  }
  return v
}

const EXPECTED_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  tuple: 'an array',
  record: 'an object',
  null: 'null',
}

function expectedName(expected: unknown): string {
  return typeof expected === 'string' ? (EXPECTED_NAMES[expected] ?? expected) : 'something else'
}

/** One zod issue -> [path, message]. Union issues descend into the branch that got furthest. */
function explainIssue(issue: z.core.$ZodIssue, root: unknown, base: readonly PropertyKey[]): [PropertyKey[], string] {
  const path = [...base, ...issue.path]
  const value = valueAt(root, path)
  if (issue.code === 'unrecognized_keys') {
    const message = issue.message.startsWith(MARK) ? issue.message.slice(1) : 'unknown field'
    return [[...path, issue.keys[0] ?? ''], message]
  }
  if (issue.message.startsWith(MARK)) return [path, issue.message.slice(1)]
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [path, `is required (${expectedName(issue.expected)})`]
      return [path, `expected ${expectedName(issue.expected)}, got ${describe(value)}`]
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'array' || issue.origin === 'set') return [path, `needs at least ${plural(min, 'item')}`]
      if (issue.origin === 'string') return [path, min <= 1 ? 'must not be empty' : `must be at least ${plural(min, 'character')} long`]
      return [path, `${showValue(value)} must be ${issue.inclusive ? 'at least' : 'more than'} ${min}`]
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'array' || issue.origin === 'set') return [path, `has too many items (at most ${max})`]
      if (issue.origin === 'string') return [path, `is longer than ${plural(max, 'character')}`]
      return [path, `${showValue(value)} must be ${issue.inclusive ? 'at most' : 'less than'} ${max}`]
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => (typeof v === 'string' ? v : String(v)))
      if (values.length === 1) return [path, `must be ${showValue(issue.values[0])}, got ${describe(value)}`]
      return [path, `${showValue(value)} is not one of ${listSome(values)}`]
    }
    case 'invalid_union':
      return explainUnion(issue, root, path, value)
    case 'invalid_format':
      return [path, `${showValue(value)} is not in the expected format`]
    case 'custom':
      return [path, issue.message]
    default:
      return [path, `${showValue(value)} is not valid (${issue.message})`]
  }
}

/** A union's issue: no branch matched the discriminator, or the branch that got furthest, or the types it takes. */
function explainUnion(issue: z.core.$ZodIssueInvalidUnion, root: unknown, path: PropertyKey[], value: unknown): [PropertyKey[], string] {
  if (issue.errors.length === 0) {
    const options = ('options' in issue ? (issue.options ?? []) : []).map(String)
    const known = options.join(', ')
    const field = String(path[path.length - 1] ?? issue.discriminator ?? '')
    if (value === undefined) return [path, `is required (one of ${known})`]
    if (field === 'action') {
      const guess = typeof value === 'string' ? closestMatch(value, options, (s) => s.toLowerCase()) : undefined
      const hint = guess !== undefined ? `did you mean ${guess}? ` : ''
      return [path, `unknown action ${showValue(value)} (${hint}known: ${known})`]
    }
    return [path, `${showValue(value)} is not one of ${known}`]
  }
  // Prefer a branch whose first problem is deeper than "wrong type here".
  for (const branch of issue.errors) {
    const first = branch[0]
    if (first !== undefined && !(first.code === 'invalid_type' && first.path.length === 0)) {
      return explainIssue(first, root, path)
    }
  }
  const expected = issue.errors
    .map((b) => b[0])
    .filter((i): i is z.core.$ZodIssue => i !== undefined && i.code === 'invalid_type')
    .map((i) => expectedName((i as z.core.$ZodIssueInvalidType).expected))
  const unique = expected.filter((e, i) => expected.indexOf(e) === i)
  return [path, `expected ${unique.join(' or ')}, got ${describe(value)}`]
}

/** The first problem zod found, as one ScenarioError with its field path. */
export function zodFailure(error: z.ZodError, root: unknown): ScenarioError {
  const issues = error.issues
  let chosen = issues[0]
  // An unknown field beats a missing one in the same object ("partition" instead of "partitions").
  const unknownField = issues.find(
    (i) =>
      i.code === 'unrecognized_keys' &&
      chosen !== undefined &&
      i.path.length <= chosen.path.length &&
      i.path.every((seg, k) => chosen !== undefined && chosen.path[k] === seg),
  )
  if (unknownField !== undefined) chosen = unknownField
  if (chosen === undefined) return new ScenarioError('(scenario)', 'is not valid')
  const [path, what] = explainIssue(chosen, root, [])
  return new ScenarioError(formatPath(path.map((p) => (typeof p === 'number' ? p : String(p)))), what)
}
