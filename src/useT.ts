// The hook every view uses to show a { en, ko } text in the chosen language.
import { useUi } from './store/ui-store.ts'
import type { Locale, Text } from './i18n.ts'

export function useT(): (text: Text) => string {
  const locale = useUi((s) => s.locale)
  return (text: Text) => text[locale]
}

export function useLocale(): Locale {
  return useUi((s) => s.locale)
}
