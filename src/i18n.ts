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
