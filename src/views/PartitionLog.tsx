// Placeholder: replaced by the real view.
export function PartitionLog() {
  return <section aria-label="PartitionLog" />
}
