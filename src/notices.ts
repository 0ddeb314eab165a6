// Messages for the person (role=alert): bad links, unknown scenarios, actions that failed. Kept as
// data so they follow the language toggle.

import { create } from 'zustand'
import type { Text } from './i18n.ts'

export interface Notice {
  id: number
  text: Text
}

interface NoticeState {
  notices: Notice[]
  add(text: Text): void
  dismiss(id: number): void
}

let nextId = 1

export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  add: (text) => set((s) => ({ notices: [...s.notices, { id: nextId++, text }].slice(-3) })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}))

export function notify(text: Text): void {
  useNotices.getState().add(text)
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
