// UI state: language, what is selected (the inspector shows it), which side panel is open, the
// topic the partition log shows, presenter mode and the help dialog.

import { create } from 'zustand'
import { detectLocale, type Locale } from '../i18n.ts'

/** Something on screen a learner can select and act on. */
export type Selection =
  | { kind: 'broker'; id: number }
  | { kind: 'partition'; topic: string; partition: number }
  | { kind: 'producer'; id: string }
  | { kind: 'reader'; id: string }
  | { kind: 'group'; id: string }
  | { kind: 'member'; id: string }
  | { kind: 'controller'; id: string }
  /** a ZooKeeper server (zk-N) of the legacy ZooKeeper mode */
  | { kind: 'zookeeper'; id: string }

export type SideTab = 'lessons' | 'inspector' | 'groups' | 'metrics' | 'events' | 'anomalies' | 'console'

export interface UiState {
  locale: Locale
  selection: Selection | null
  sideTab: SideTab
  /** the topic the partition log view shows (null: all user topics) */
  topic: string | null
  presenter: boolean
  helpOpen: boolean
  /** the side-by-side comparison of two runs is open */
  compareOpen: boolean
  setCompareOpen(open: boolean): void
  setLocale(locale: Locale): void
  select(selection: Selection | null): void
  setSideTab(tab: SideTab): void
  setTopic(topic: string | null): void
  setPresenter(on: boolean): void
  setHelpOpen(open: boolean): void
}

const LOCALE_KEY = 'kafkascope.locale'

function savedLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_KEY)
    if (saved === 'ko' || saved === 'en') return saved
  } catch {
    // storage may be unavailable (private mode); fall back to the browser's language
  }
  return detectLocale()
}

export const useUi = create<UiState>((set) => ({
  locale: savedLocale(),
  selection: null,
  sideTab: 'inspector',
  topic: null,
  presenter: false,
  helpOpen: false,
  compareOpen: false,
  setCompareOpen: (compareOpen) => set({ compareOpen }),
  setLocale(locale) {
    try {
      globalThis.localStorage?.setItem(LOCALE_KEY, locale)
    } catch {
      // not remembered, still switched
    }
    set({ locale })
  },
  select: (selection) => set(selection ? { selection, sideTab: 'inspector' } : { selection }),
  setSideTab: (sideTab) => set({ sideTab }),
  setTopic: (topic) => set({ topic }),
  setPresenter: (presenter) => set({ presenter }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}))
