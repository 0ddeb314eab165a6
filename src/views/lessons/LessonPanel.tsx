// Placeholder: replaced by the lessons panel.
export function LessonPanel() {
  return <section aria-label="Lessons" />
}
