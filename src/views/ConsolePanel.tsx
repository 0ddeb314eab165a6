// Placeholder: replaced by the real view.
export function ConsolePanel() {
  return <section aria-label="ConsolePanel" />
}
