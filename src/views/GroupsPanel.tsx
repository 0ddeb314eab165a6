// Placeholder: replaced by the real view.
export function GroupsPanel() {
  return <section aria-label="GroupsPanel" />
}
