// The toolbar: scenario picker (its last entry connects to a local kafkascope serve), seed and reset; play, pause, step one event, speed (0.1× to 1000×,
// log scale) and the simulated clock; language, presenter mode and help. A seed follows the one
// seed rule (sim/scenario/seed.ts): whole numbers from 0 to 2^53-1 in digits; anything else is
// refused with the rule's words and changes nothing. While a session opens, everything but the
// preferences (language, presenter mode, help) waits.

import { useState } from 'react'
import { useSim } from '../store/sim-store.ts'
import { usePlayback, MIN_SPEED, MAX_SPEED } from '../store/playback-store.ts'
import { useUi } from '../store/ui-store.ts'
import { useT } from '../useT.ts'
import { formatSimTime } from '../i18n.ts'
import { builtInName, parseSeedText } from '../../sim/index.ts'
import { builtInIds, openBuiltIn, stepOne } from '../host/engine-host.ts'
import { pause, play, resetPlayback } from '../host/playback.ts'
import { writeUrl } from '../host/url.ts'
import { boxSeedRefused, scenarioRefused } from '../host/refusals.ts'
import { useOpening } from '../store/opening-store.ts'
import { notify } from '../notices.ts'
import { SessionControls } from './SessionControls.tsx'
import { openServeForm, S } from './ServeBar.tsx'
import { CompareButton } from './compare/CompareButton.tsx'
import { BuildButton } from './builder/BuildButton.tsx'
import { restartScenario } from '../host/scenario-open.ts'
import './controls.css'

const L = {
  scenario: { en: 'Scenario', ko: '시나리오' },
  seed: { en: 'Seed', ko: '시드' },
  reset: { en: 'Reset', ko: '처음부터' },
  resetHint: { en: 'Start this scenario again with this seed', ko: '이 시나리오를 이 시드로 처음부터 다시 시작' },
  play: { en: 'Play', ko: '재생' },
  pause: { en: 'Pause', ko: '일시정지' },
  step: { en: 'Step', ko: '한 단계' },
  stepHint: { en: 'Process one event (→)', ko: '이벤트 하나 처리 (→)' },
  speed: { en: 'Speed', ko: '속도' },
  simTime: { en: 'Simulated time', ko: '시뮬레이션 시각' },
  lagging: { en: 'slower than asked: the cluster is busy', ko: '요청보다 느리게 재생 중 (클러스터가 바쁨)' },
  language: { en: '한국어', ko: 'English' },
  presenter: { en: 'Presenter', ko: '발표 모드' },
  help: { en: 'Help (?)', ko: '도움말 (?)' },
  seedHint: { en: 'A whole number from 0 to 9007199254740991, in digits; Enter starts again with it', ko: '0부터 9007199254740991까지의 정수(숫자만); Enter를 누르면 이 시드로 다시 시작' },
}

/** 0.1 → "0.1×", 1 → "1×", 250 → "250×" */
export function formatSpeed(speed: number): string {
  return `${speed < 1 ? speed.toFixed(1) : Math.round(speed)}×`
}

/** The slider is log10(speed); snap to 1–2–5 steps so values read cleanly. */
function speedFromSlider(v: number): number {
  const raw = 10 ** v
  const magnitude = 10 ** Math.floor(Math.log10(raw) + 1e-9)
  const steps = [1, 2, 5, 10]
  const m = steps.reduce((best, s) => (Math.abs(s * magnitude - raw) < Math.abs(best * magnitude - raw) ? s : best), 1)
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, m * magnitude))
}

/** The scenario menu's last entry: attach to a running kafkascope serve (ServeBar.tsx asks for its address). */
const SERVE_OPTION = '__serve__'

function open(id: string, seed: number | undefined): void {
  try {
    resetPlayback()
    openBuiltIn(id, seed)
    const s = useSim.getState()
    writeUrl(id, s.seed)
  } catch (error) {
    notify(scenarioRefused(error))
  }
}

function ScenarioPicker() {
  const t = useT()
  const locale = useUi((s) => s.locale)
  const scenarioId = useSim((s) => s.scenarioId)
  const scenarioName = useSim((s) => s.scenarioName)
  const seed = useSim((s) => s.seed)
  const [seedText, setSeedText] = useState<string | null>(null)
  const opening = useOpening((s) => s.progress !== null)
  const shownSeed = seedText ?? String(seed)
  const typed = parseSeedText(shownSeed)
  function reset() {
    if ('problem' in typed) return notify(boxSeedRefused(typed.problem))
    setSeedText(null)
    if (scenarioId === null) return restartScenario(typed.seed) // a built or imported scenario
    open(scenarioId, typed.seed)
  }
  return (
    <div className="ctl-group" inert={opening}>
      <label>
        <span className="ctl-label">{t(L.scenario)}</span>
        <select
          value={scenarioId ?? ''}
          data-testid="scenario-select"
          onChange={(e) => {
            if (e.target.value === SERVE_OPTION) {
              e.target.value = scenarioId ?? ''
              return openServeForm()
            }
            setSeedText(null)
            open(e.target.value, undefined)
          }}
        >
          {scenarioId === null ? <option value="">{scenarioName}</option> : null}
          {builtInIds().map((id) => (
            <option key={id} value={id}>
              {builtInName(id, locale)}
            </option>
          ))}
          <option value={SERVE_OPTION}>{t(S.connectMenu)}</option>
        </select>
      </label>
      <label>
        <span className="ctl-label">{t(L.seed)}</span>
        <input
          className="seed"
          data-testid="seed"
          inputMode="numeric"
          title={t(L.seedHint)}
          aria-invalid={'problem' in typed}
          value={shownSeed}
          onChange={(e) => setSeedText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') reset()
          }}
        />
      </label>
      <button type="button" title={t(L.resetHint)} onClick={reset}>
        ↺ {t(L.reset)}
      </button>
    </div>
  )
}

function Transport() {
  const t = useT()
  const playing = usePlayback((s) => s.playing)
  const speed = usePlayback((s) => s.speed)
  const lagging = usePlayback((s) => s.lagging)
  const setSpeed = usePlayback((s) => s.setSpeed)
  const nowMs = useSim((s) => s.nowMs)
  const opening = useOpening((s) => s.progress !== null)
  return (
    <div className="ctl-group transport" inert={opening}>
      <button type="button" data-testid="btn-play" className="primary" disabled={playing} onClick={play} aria-keyshortcuts="Space">
        ▶ {t(L.play)}
      </button>
      <button type="button" data-testid="btn-pause" disabled={!playing} onClick={pause} aria-keyshortcuts="Space">
        ❚❚ {t(L.pause)}
      </button>
      <button type="button" data-testid="btn-step" title={t(L.stepHint)} onClick={stepOne} aria-keyshortcuts="ArrowRight">
        {t(L.step)} →
      </button>
      <label className="speed">
        <span className="ctl-label">{t(L.speed)}</span>
        <input
          type="range"
          data-testid="speed"
          min={-1}
          max={3}
          step={0.05}
          value={Math.log10(speed)}
          aria-valuetext={formatSpeed(speed)}
          onChange={(e) => setSpeed(speedFromSlider(Number(e.target.value)))}
        />
        <output className="speed-value">{formatSpeed(speed)}</output>
      </label>
      <div className="clock" title={lagging ? t(L.lagging) : undefined}>
        <span className="ctl-label">{t(L.simTime)}</span>
        <output data-testid="sim-time" data-ms={nowMs} aria-live="off" className={lagging ? 'lagging' : undefined}>
          {formatSimTime(nowMs)}
        </output>
      </div>
    </div>
  )
}

function Preferences() {
  const t = useT()
  const locale = useUi((s) => s.locale)
  const setLocale = useUi((s) => s.setLocale)
  const presenter = useUi((s) => s.presenter)
  const setPresenter = useUi((s) => s.setPresenter)
  const setHelpOpen = useUi((s) => s.setHelpOpen)
  const opening = useOpening((s) => s.progress !== null)
  return (
    <div className="ctl-group prefs">
      <button type="button" className="lang-switch" lang={locale === 'en' ? 'ko' : 'en'} onClick={() => setLocale(locale === 'en' ? 'ko' : 'en')}>
        {t(L.language)}
      </button>
      <button type="button" aria-pressed={presenter} onClick={() => setPresenter(!presenter)}>
        {t(L.presenter)}
      </button>
      <div className="contents" inert={opening}>
        <SessionControls />
        <CompareButton />
        <BuildButton />
      </div>
      <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" aria-haspopup="dialog">
        {t(L.help)}
      </button>
    </div>
  )
}

export function Controls() {
  return (
    <header className="controls">
      <h1 className="brand">kafkascope</h1>
      <ScenarioPicker />
      <Transport />
      <Preferences />
    </header>
  )
}
