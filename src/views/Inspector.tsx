// Placeholder: replaced by the real view.
export function Inspector() {
  return <section aria-label="Inspector" />
}
