// Placeholder: replaced by the real view.
export function Timeline() {
  return <section aria-label="Timeline" />
}
