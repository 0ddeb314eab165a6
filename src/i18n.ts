// kafkascope speaks Korean and English. Every piece of UI text is a pair { en, ko } next to the
// view that shows it; Kafka's own names (Leader, Replicas, Isr, acks, NOT_ENOUGH_REPLICAS,
// PreparingRebalance, LOG-END-OFFSET) stay as Kafka writes them in both languages, so a learner
// meets the same words later in kafka-topics.sh and in client logs.

export type Locale = 'en' | 'ko'

/** A text in both languages. */
export interface Text {
  en: string
  ko: string
}

/** Korean when the browser's language is Korean, English otherwise. */
export function detectLocale(): Locale {
  const language = typeof navigator === 'undefined' ? '' : (navigator.language ?? '')
  return language.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

export function pick(locale: Locale, text: Text): string {
  return text[locale]
}

/** Simulated time as the clock shows it: "12.345 s", or "1:02.500" past a minute. */
export function formatSimTime(ms: number): string {
  const s = ms / 1000
  if (s < 60) return `${s.toFixed(3)} s`
  const m = Math.floor(s / 60)
  const rest = s - m * 60
  return `${m}:${rest.toFixed(3).padStart(6, '0')}`
}

const PAIRS = { 을: '를', 은: '는', 이: '가' } as const

/**
 * A number followed by the Korean particle its reading takes: 일, 삼, 육, 칠, 팔, 영, 십, 백, 천, 만
 * end in a consonant (브로커 3을, 1은, 10이); 이, 사, 오, 구 do not (브로커 2를, 4는, 9가).
 */
export function koNumber(n: number, particle: keyof typeof PAIRS): string {
  const last = Math.abs(Math.trunc(n)) % 10
  const closed = last === 0 || last === 1 || last === 3 || last === 6 || last === 7 || last === 8
  return `${n}${closed ? particle : PAIRS[particle]}`
}
