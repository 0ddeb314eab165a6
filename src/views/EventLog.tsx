// Placeholder: replaced by the real view.
export function EventLog() {
  return <section aria-label="EventLog" />
}
