// Entry point: open the run named in the URL (#s=<session>, ?scenario=<id>&seed=<n>) or the one
// the person had, expose the console API (window.__kafkascope), start the playback loop and keep
// the session in the address bar and local storage, then render the page and load the shipped
// fonts (Korean and symbols).
import './react-on-preact.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { installConsoleApi } from './host/console-api.ts'
import { installMemoryProbe } from './host/memory-probe.ts'
import { startPlaybackLoop } from './host/playback.ts'
import { startFromUrl } from './host/url.ts'
import { installServeLink } from './host/serve-link.ts'
import { installPersistence } from './host/persist.ts'
import './app.css'

installServeLink()
startFromUrl(window.location.search, window.location.hash)
installConsoleApi()
installMemoryProbe()
startPlaybackLoop()
installPersistence()

// Offline once loaded: the service worker keeps the app's files (production builds only).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // no offline copy (e.g. a file:// page); the app works the same online
  })
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// The shipped fonts' CSS comes in its own chunk, off the first render's path (src/fonts.ts).
void import('./fonts.ts')
