// What a person reads when something they opened is refused: a link, a session file, a seed.
// A refusal of the input (SessionError, ScenarioError) names the field and what is wrong with it;
// anything else is kafkascope's own fault, and the alert says so in plain words instead of passing
// an engine message ("Maximum call stack size exceeded") off as the reason (the error itself goes
// to the browser's console for developers). Seeds follow one rule (sim/scenario/seed.ts), with the
// rule's own English words and a Korean rendering of the same rule.

import { ScenarioError, SEED_MAX } from '../../sim/index.ts'
import type { Text } from '../i18n.ts'
import type { OpeningSource } from '../store/opening-store.ts'
import { SessionError } from './session.ts'

/** What is wrong with the input, or null when the error is not about the input (an internal error). */
export function inputProblem(error: unknown): Text | null {
  if (error instanceof SessionError) return error.text
  if (error instanceof ScenarioError) {
    const why = `${error.path}: ${error.what}`
    return { en: why, ko: why }
  }
  return null
}

const WHAT: Record<OpeningSource, Text> = {
  link: { en: "This link's session", ko: '이 링크의 세션' },
  file: { en: 'This session file', ko: '이 세션 파일' },
  stored: { en: 'Your saved session', ko: '저장해 둔 세션' },
  console: { en: 'The session', ko: '세션' },
  serve: { en: "kafkascope serve's session", ko: 'kafkascope serve의 세션' },
}

const KEPT: Record<OpeningSource, Text> = {
  link: { en: 'Your previous session is shown instead.', ko: '이전 세션을 대신 보여 줍니다.' },
  file: { en: 'Your session is unchanged.', ko: '지금 세션은 그대로입니다.' },
  stored: { en: 'The default scenario is shown instead.', ko: '기본 시나리오를 대신 보여 줍니다.' },
  console: { en: 'Your session is unchanged.', ko: '지금 세션은 그대로입니다.' },
  serve: { en: 'Your session is unchanged.', ko: '지금 세션은 그대로입니다.' },
}

const INTERNAL = {
  en: "because of an internal error in kafkascope (the details are in the browser's console, for developers)",
  ko: 'kafkascope 내부 오류 때문에',
  koDetails: '(개발자를 위한 자세한 내용은 브라우저 콘솔에 있습니다)',
}

function reportInternal(error: unknown): void {
  console.error('kafkascope: internal error', error)
}

/** The alert for a session (link, file, stored, console) that could not be opened. */
export function sessionRefused(source: OpeningSource, error: unknown): Text {
  const problem = inputProblem(error)
  if (problem) {
    return {
      en: `${WHAT[source].en} could not be opened: ${problem.en}. ${KEPT[source].en}`,
      ko: `${WHAT[source].ko}을 열 수 없습니다: ${problem.ko}. ${KEPT[source].ko}`,
    }
  }
  reportInternal(error)
  return {
    en: `${WHAT[source].en} could not be opened ${INTERNAL.en}. ${KEPT[source].en}`,
    ko: `${INTERNAL.ko} ${WHAT[source].ko}을 열 수 없습니다 ${INTERNAL.koDetails}. ${KEPT[source].ko}`,
  }
}

/** The alert for a scenario (a built-in, a scenario JSON) that could not be loaded. */
export function scenarioRefused(error: unknown): Text {
  const problem = inputProblem(error)
  if (problem) return { en: `The scenario could not be loaded: ${problem.en}.`, ko: `시나리오를 불러올 수 없습니다: ${problem.ko}.` }
  reportInternal(error)
  return { en: `The scenario could not be loaded ${INTERNAL.en}.`, ko: `${INTERNAL.ko} 시나리오를 불러올 수 없습니다 ${INTERNAL.koDetails}.` }
}

/**
 * The seed rule's words for a problem parseSeedText or seedProblem gave: the English text as the
 * core says it, and the same rule in Korean (with the same rendering of the value given).
 */
export function seedRuleText(problem: string): Text {
  const given = /, got (.*)$/.exec(problem)?.[1] ?? ''
  const digits = problem.includes('written in digits')
  return {
    en: problem,
    ko: digits
      ? `시드는 0부터 ${SEED_MAX}까지의 정수이며 숫자(0–9)로만 적어야 합니다(부호, 공백, 16진수, 지수, 소수점 없이). 받은 값: ${given}`
      : `시드는 0부터 ${SEED_MAX}까지의 정수여야 합니다. 받은 값: ${given}`,
  }
}

/** `?seed=` broke the rule: the run uses the scenario's own seed. */
export function addressSeedRefused(problem: string, scenarioSeed: number): Text {
  const rule = seedRuleText(problem)
  return {
    en: `The seed in the address (?seed=) was not used: ${rule.en}. This run uses the scenario's own seed, ${scenarioSeed}.`,
    ko: `주소의 시드(?seed=)를 쓰지 않았습니다: ${rule.ko}. 이 실행은 시나리오의 기본 시드(${scenarioSeed})를 씁니다.`,
  }
}

/** The toolbar's seed box broke the rule: nothing changed. */
export function boxSeedRefused(problem: string): Text {
  const rule = seedRuleText(problem)
  return {
    en: `The seed was not changed: ${rule.en}.`,
    ko: `시드를 바꾸지 않았습니다: ${rule.ko}.`,
  }
}
