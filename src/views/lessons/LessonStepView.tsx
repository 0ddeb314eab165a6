// One step of the open lesson: what to look at, the predict-then-watch question, the key moment
// the run paused at, and the buttons to move through the lesson. The side panel shows it in full;
// the caption over the map (presenter mode, or when a step opened another tab) shows it large.

import { useId } from 'react'
import { useT, useLocale } from '../../useT.ts'
import { formatSimTime } from '../../i18n.ts'
import { useSim } from '../../store/sim-store.ts'
import { usePlayback } from '../../store/playback-store.ts'
import { useUi } from '../../store/ui-store.ts'
import { displayNumber, lessonById } from '../../lessons/index.ts'
import { useLesson } from '../../lessons/store.ts'
import { backToLesson, check, choose, freePlay, leaveLesson, next, previous } from '../../lessons/runner.ts'
import { L, stepOf } from './texts.ts'

/** The verdict appears at the key moment, below the choices and their reasons: bring it into view once. */
function revealOnce(el: HTMLElement | null): void {
  el?.scrollIntoView?.({ block: 'nearest' })
}

export function LessonStepView({ variant }: { variant: 'panel' | 'caption' }) {
  const t = useT()
  const locale = useLocale()
  const nameId = useId()
  const { id, step: index, mode, choice, checked } = useLesson()
  const nowMs = useSim((s) => s.nowMs)
  const playing = usePlayback((s) => s.playing)
  const setSideTab = useUi((s) => s.setSideTab)
  const lesson = id ? lessonById(id) : undefined
  if (!lesson) return null
  const step = lesson.steps[index]
  const last = index === lesson.steps.length - 1
  const key = step.playUntilMs
  const atKey = mode === 'lesson' && key !== undefined && nowMs === key && !playing
  const reached = key === undefined || nowMs >= key
  const q = step.question
  const caption = variant === 'caption'
  /** the panel's hooks are lesson-*, the caption's caption-* (both may be on screen in presenter mode) */
  const tid = (name: string) => `${caption ? 'caption' : 'lesson'}-${name}`
  return (
    <div className={`lesson-step lesson-${variant}`} data-testid={caption ? 'lesson-caption' : 'lesson-step'} data-step={index + 1} data-mode={mode}>
      <header className="lesson-head">
        <h2 className="lesson-h">
          <span className="lesson-num" aria-hidden="true">{displayNumber(lesson)}</span> {t(lesson.title)}
        </h2>
        <span className="lesson-count" data-testid={tid('count')}>{stepOf(locale, index + 1, lesson.steps.length)}</span>
      </header>
      {mode === 'free' ? (
        <p className="lesson-free" role="status">{t(L.freeHint)}</p>
      ) : (
        <>
          <p className="lesson-text">{t(step.text)}</p>
          {q ? (
            <fieldset className="lesson-q" data-testid={tid('question')}>
              <legend>
                <span className="lesson-badge">{t(L.predict)}</span> {t(q.prompt)}
              </legend>
              {q.choices.map((c, i) => {
                const shown = checked && reached
                const right = i === q.answer
                return (
                  <div key={i} className="lesson-choice-row">
                    <label className={shown && right ? 'lesson-choice right' : shown && i === choice ? 'lesson-choice wrong' : 'lesson-choice'}>
                      <input type="radio" name={nameId} checked={choice === i} disabled={checked} onChange={() => choose(i)} />
                      <span>{t(c)}</span>
                      {shown ? <span className="lesson-mark" aria-hidden="true">{right ? ' ✓' : ' ✗'}</span> : null}
                    </label>
                    {/* once answered, every other choice carries its reason; the chosen one's leads the explanation below */}
                    {shown && i !== choice ? (
                      <p className={right ? 'lesson-why right' : 'lesson-why'} data-testid={tid(`why-${i}`)}>
                        {right ? '✓' : '✗'} {t(q.why[i])}
                      </p>
                    ) : null}
                  </div>
                )
              })}
              {!checked ? (
                <button type="button" className="primary" data-testid={tid('check')} disabled={choice === null} onClick={check} title={t(L.checkHint)}>
                  {t(L.check)}
                </button>
              ) : null}
              {checked && reached && choice !== null ? (
                <div ref={revealOnce} className={choice === q.answer ? 'lesson-explain' : 'lesson-explain wrong'} data-testid={tid('explain')}>
                  <p data-testid={tid(`why-${choice}`)}>
                    <strong>{choice === q.answer ? `✓ ${t(L.right)}` : `✗ ${t(L.notQuite)}`}</strong> {t(q.why[choice])}
                  </p>
                  <p>{t(q.explain)}</p>
                </div>
              ) : null}
            </fieldset>
          ) : null}
          {last && lesson.tryThis.length ? (
            <section className="lesson-try" data-testid={tid('try-this')} aria-labelledby={`${nameId}-try`}>
              <h3 id={`${nameId}-try`}>{t(L.tryThis)}</h3>
              <ul>
                {lesson.tryThis.map((item, i) => (
                  <li key={i}>{t(item)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <p className="lesson-status" role="status" aria-live="polite" data-testid={tid('status')}>
            {atKey ? `❚❚ ${t(L.pausedAt)} ${formatSimTime(key)}` : mode === 'lesson' && key !== undefined && playing && nowMs < key ? `▶ ${t(L.watching)}` : ''}
          </p>
        </>
      )}
      <nav className="lesson-nav" aria-label={t(L.panel)}>
        <button type="button" data-testid={tid('prev')} disabled={index === 0} onClick={previous}>
          ← {t(L.previous)}
        </button>
        {last ? (
          <button type="button" className="primary" data-testid={tid('finish')} onClick={leaveLesson}>
            {t(L.finish)} ✓
          </button>
        ) : (
          <button type="button" className="primary" data-testid={tid('next')} onClick={next}>
            {t(L.next)} →
          </button>
        )}
        {caption ? (
          mode === 'free' ? (
            <button type="button" className="primary" data-testid={tid('back')} onClick={backToLesson}>{t(L.back)}</button>
          ) : (
            <button type="button" onClick={() => setSideTab('lessons')}>{t(L.openPanel)}</button>
          )
        ) : (
          <>
            {mode === 'lesson' ? (
              <button type="button" data-testid={tid('free')} onClick={freePlay}>{t(L.freePlay)}</button>
            ) : (
              <button type="button" className="primary" data-testid={tid('back')} onClick={backToLesson}>{t(L.back)}</button>
            )}
            <button type="button" data-testid="lesson-leave" onClick={leaveLesson}>{t(L.leave)}</button>
          </>
        )}
      </nav>
      {caption ? <p className="lesson-keys">{t(L.keys)}</p> : null}
    </div>
  )
}
