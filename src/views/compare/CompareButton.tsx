// Placeholder: replaced by the toolbar button that opens the comparison of two runs.
export function CompareButton() {
  return null
}
