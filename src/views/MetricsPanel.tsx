// Placeholder: replaced by the real view.
export function MetricsPanel() {
  return <section aria-label="MetricsPanel" />
}
