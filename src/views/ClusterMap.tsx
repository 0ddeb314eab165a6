// Placeholder: replaced by the real view.
export function ClusterMap() {
  return <section aria-label="ClusterMap" />
}
