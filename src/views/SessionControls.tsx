// Placeholder: replaced by session controls (share link, export, import, undo).
export function SessionControls() {
  return null
}
