// Two runs of one seed side by side with one setting changed (acks=all vs 1, unclean leader
// election on vs off, range vs cooperative-sticky, idempotence on vs off), on one clock, with the
// differences called out: records lost, errors, time without a leader, records re-read,
// rebalances. The learner sees that the one setting is the whole difference. A full-screen modal
// dialog: Escape closes it and focus returns to the Compare button; Space plays or pauses both.

import { useLayoutEffect, useRef } from 'react'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { formatSimTime } from '../../i18n.ts'
import { current } from '../../host/engine-host.ts'
import { pause as pauseMain } from '../../host/playback.ts'
import { notify, errorMessage } from '../../notices.ts'
import type { SettingId } from '../../compare/variants.ts'
import {
  chooseSetting, closeCompare, COMPARE_SPEEDS, jumpToEnd, openCompare, pauseCompare, playCompare, setCompareSpeed, startAgain, useCompare,
} from './compare-clock.ts'
import { RunPanel } from './RunPanel.tsx'
import { DiffTable } from './DiffTable.tsx'
import { L, optionLabel, runName, sameRun, SETTING_ABOUT } from './text.ts'
import './compare.css'

function CompareClock() {
  const t = useT()
  const playing = useCompare((s) => s.playing)
  const jumping = useCompare((s) => s.jumping)
  const speed = useCompare((s) => s.speed)
  const nowMs = useCompare((s) => s.nowMs)
  const durationMs = useCompare((s) => s.durationMs)
  const atEnd = nowMs >= durationMs
  return (
    <div className="cmp-clock" role="group" aria-label={t(L.clock)}>
      <button type="button" className="primary" data-testid="compare-play" disabled={playing || jumping || atEnd} onClick={playCompare}>
        ▶ {t(L.play)}
      </button>
      <button type="button" data-testid="compare-pause" disabled={!playing && !jumping} onClick={pauseCompare}>
        ❚❚ {t(L.pause)}
      </button>
      <label className="cmp-speed">
        <span className="ctl-label">{t(L.speed)}</span>
        <select data-testid="compare-speed" value={speed} onChange={(e) => setCompareSpeed(Number(e.target.value))}>
          {COMPARE_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="cmp-time">
        <span className="ctl-label">{t(L.clock)}</span>
        <output data-testid="compare-time" data-ms={nowMs} aria-live="off">
          {formatSimTime(nowMs)}
        </output>
        <span className="cmp-duration"> / {formatSimTime(durationMs)}</span>
      </span>
      <button type="button" data-testid="compare-end" disabled={atEnd || jumping} onClick={jumpToEnd}>
        {t(L.toEnd)} »
      </button>
      <button type="button" title={t(L.againHint)} onClick={startAgain}>
        ↺ {t(L.again)}
      </button>
      <span className="cmp-busy" role="status">
        {jumping ? t(L.running) : ''}
      </span>
    </div>
  )
}

function CompareBody({ onClose }: { onClose: () => void }) {
  const t = useT()
  const options = useCompare((s) => s.options)
  const setting = useCompare((s) => s.setting)
  const seed = useCompare((s) => s.seed)
  const viewA = useCompare((s) => s.viewA)
  const viewB = useCompare((s) => s.viewB)
  const rows = useCompare((s) => s.rows)
  const rowsAtMs = useCompare((s) => s.rowsAtMs)
  return (
    <>
      <header className="cmp-head">
        <h2 id="compare-title">{t(L.title)}</h2>
        {options.length > 0 ? (
          <label className="cmp-setting">
            <span className="ctl-label">{t(L.setting)}</span>
            <select
              data-testid="compare-setting"
              value={setting?.id ?? ''}
              onChange={(e) => {
                try {
                  chooseSetting(e.target.value as SettingId)
                } catch (error) {
                  notify({ en: `The comparison could not start: ${errorMessage(error)}`, ko: `비교를 시작할 수 없습니다: ${errorMessage(error)}` })
                }
              }}
            >
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {optionLabel(o)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="cmp-close" onClick={onClose} aria-label={t(L.close)}>
          ×
        </button>
      </header>
      {setting ? (
        <>
          <p className="cmp-about">
            {t(SETTING_ABOUT[setting.id])} {t(sameRun(seed))}
          </p>
          <CompareClock />
          <div className="cmp-runs">
            <RunPanel side="A" name={runName('A', setting)} view={viewA} other={viewB} />
            <RunPanel side="B" name={runName('B', setting)} view={viewB} other={viewA} />
          </div>
          <DiffTable rows={rows} atMs={rowsAtMs} />
        </>
      ) : (
        <p className="cmp-about">{t(L.nothing)}</p>
      )}
    </>
  )
}

export function CompareView() {
  const open = useUi((s) => s.compareOpen)
  const setOpen = useUi((s) => s.setCompareOpen)
  const ref = useRef<HTMLDialogElement>(null)
  const close = () => setOpen(false)

  useLayoutEffect(() => {
    const dialog = ref.current
    const run = current()
    if (!dialog || !open) return
    if (!run) {
      setOpen(false)
      return
    }
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    pauseMain()
    try {
      openCompare({ scenario: run.scenario, seed: run.seed, interventions: run.interventions }, run.sim.nowMs)
    } catch (error) {
      notify({ en: `The comparison could not start: ${errorMessage(error)}`, ko: `비교를 시작할 수 없습니다: ${errorMessage(error)}` })
    }
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-testid="compare-setting"], .cmp-close')?.focus()
    return () => {
      closeCompare()
      if (dialog.open) dialog.close()
      before?.focus()
    }
  }, [open, setOpen])

  function onKeyDown(e: React.KeyboardEvent) {
    // the page's shortcuts (Space, →, ?) would drive the run behind the dialog: keep keys here
    e.stopPropagation()
    const target = e.target as HTMLElement
    if (e.key === ' ' && !target.closest('button, select, input, [role="button"]')) {
      const s = useCompare.getState()
      if (s.playing || s.jumping) pauseCompare()
      else playCompare()
      e.preventDefault()
    }
  }

  return (
    <dialog
      ref={ref}
      className="cmp-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="compare-title"
      data-testid="compare-dialog"
      onCancel={(e) => {
        e.preventDefault()
        close()
      }}
      onKeyDown={onKeyDown}
    >
      {open ? <CompareBody onClose={close} /> : null}
    </dialog>
  )
}
