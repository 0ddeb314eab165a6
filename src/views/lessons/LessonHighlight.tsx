// Placeholder: replaced by the lesson's pointer at the element a step talks about.
export function LessonHighlight() {
  return null
}
