// Entry point: open the run named in the URL (?scenario=<id>&seed=<n>), expose the console API
// (window.__kafkascope), then render the page. The simulation itself lives in kafkascope-api.ts.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, startFromUrl } from './App.tsx'
import { installConsoleApi } from './kafkascope-api.ts'
import './app.css'

const notices = startFromUrl(window.location.search)
installConsoleApi()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialNotices={notices} />
  </StrictMode>,
)
