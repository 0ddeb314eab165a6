// The fonts kafkascope ships, so Korean and the map's marks render on a machine without Korean
// fonts and in an offline classroom: Noto Sans KR (regular and bold) and the symbol and math parts
// of Noto Sans Symbols 2 (✓ ✕ ❚❚ ✂ ⚠ ⧉ ↻ …). Their CSS declares one @font-face per woff2 slice with
// a unicode-range, so the browser fetches only the slices whose characters are on screen. Vite
// bundles the files with the app; main.tsx loads this module after the first render starts.
import '@fontsource/noto-sans-kr/400.css'
import '@fontsource/noto-sans-kr/700.css'
import '@fontsource/noto-sans-symbols-2/symbols-400.css'
import '@fontsource/noto-sans-symbols-2/math-400.css'

// Re-shape the page's text after each batch of font loads (app.css, html.fonts-reshaped): Chromium
// can keep text it shaped before a unicode-range slice arrived as empty boxes, even once loaded.
document.fonts.addEventListener('loadingdone', () => document.documentElement.classList.toggle('fonts-reshaped'))
