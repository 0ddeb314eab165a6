// The Lessons tab: the list of guided lessons (with ✓ for the finished ones), and the open lesson
// step by step: what to look at, a predict-then-watch question, and the moment the run paused at.

import { useEffect } from 'react'
import { useT, useLocale } from '../../useT.ts'
import { allLessons, displayNumber } from '../../lessons/index.ts'
import { useLesson } from '../../lessons/store.ts'
import { installLessonWatch, openLesson } from '../../lessons/runner.ts'
import { LessonStepView } from './LessonStepView.tsx'
import { L } from './texts.ts'
import './lessons.css'

function LessonList() {
  const t = useT()
  const progress = useLesson((s) => s.progress)
  return (
    <div className="lesson-list">
      <p className="lesson-intro">{t(L.intro)}</p>
      <ol>
        {allLessons().map((lesson) => {
          const done = progress.done.includes(lesson.id)
          const last = progress.last[lesson.id]
          return (
            <li key={lesson.id}>
              <button type="button" className="lesson-open" data-testid={`lesson-open-${lesson.id}`} data-done={done} onClick={() => openLesson(lesson.id)}>
                <span className="lesson-num" aria-hidden="true">{displayNumber(lesson)}</span>
                <span className="lesson-titles">
                  <span className="lesson-title">
                    {t(lesson.title)}
                    {done ? <span className="lesson-done"> ✓ {t(L.done)}</span> : null}
                    {!done && last ? <span className="lesson-resume"> · {t(L.resumeAt)} {last + 1}/{lesson.steps.length}</span> : null}
                  </span>
                  <span className="lesson-summary">{t(lesson.summary)}</span>
                </span>
              </button>
            </li>
          )
        })}
      </ol>
    </div>
  )
}

export function LessonPanel() {
  const t = useT()
  useLocale()
  const id = useLesson((s) => s.id)
  useEffect(() => installLessonWatch(), [])
  return (
    <section aria-label={t(L.panel)} className="lesson-panel" data-testid="lesson-panel">
      {id ? <LessonStepView variant="panel" /> : <LessonList />}
    </section>
  )
}
