// Placeholder: replaced by the checker's findings, each a link to its moment.
export function AnomalyList() {
  return <section aria-label="Anomalies" />
}
