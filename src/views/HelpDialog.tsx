// Placeholder: replaced by the real view.
export function HelpDialog() {
  return <section aria-label="HelpDialog" />
}
