// Placeholder: replaced by the side-by-side comparison of two runs.
export function CompareView() {
  return null
}
