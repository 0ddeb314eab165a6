// Points at what a lesson step talks about: a ring drawn over the step's target element (a broker,
// a partition, a group, a button), kept in place as the page scrolls, resizes or redraws. Also
// shows the lesson as a caption over the map in presenter mode (or when a step opened another
// side tab), and takes the presenter's keys: PageDown / N next, PageUp / P previous, Esc hides.

import { useEffect, useLayoutEffect, useState } from 'react'
import { useT } from '../../useT.ts'
import { useSim } from '../../store/sim-store.ts'
import { useUi } from '../../store/ui-store.ts'
import { lessonById } from '../../lessons/index.ts'
import { useLesson } from '../../lessons/store.ts'
import { hideCaption, next, previous } from '../../lessons/runner.ts'
import { LessonStepView } from './LessonStepView.tsx'
import { L } from './texts.ts'
import './lessons.css'

interface Box {
  top: number
  left: number
  width: number
  height: number
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable
}

/**
 * The part of `el` a person can see: its box cut by every scrolling or clipping box around it and
 * by the window (a panel taller than its tab shows only its top), or null when none of it shows.
 */
function visibleBox(el: Element): Box | null {
  const r = el.getBoundingClientRect()
  let top = r.top
  let left = r.left
  let bottom = r.bottom
  let right = r.right
  for (let p = el.parentElement; p; p = p.parentElement) {
    const style = getComputedStyle(p)
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
    const c = p.getBoundingClientRect()
    top = Math.max(top, c.top)
    left = Math.max(left, c.left)
    bottom = Math.min(bottom, c.bottom)
    right = Math.min(right, c.right)
  }
  top = Math.max(top, 0)
  left = Math.max(left, 0)
  bottom = Math.min(bottom, window.innerHeight)
  right = Math.min(right, window.innerWidth)
  return bottom > top && right > left ? { top, left, width: right - left, height: bottom - top } : null
}

/** The ring over the step's target element (the part of it in sight). */
function Ring({ target, stepKey }: { target: string; stepKey: string }) {
  const t = useT()
  const version = useSim((s) => s.version)
  const sideTab = useUi((s) => s.sideTab)
  const presenter = useUi((s) => s.presenter)
  const [box, setBox] = useState<Box | null>(null)

  // Bring the target into sight once per step.
  useEffect(() => {
    const bring = (behavior: ScrollBehavior) => {
      const el = document.querySelector(`[data-testid="${CSS.escape(target)}"]`)
      el?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior })
    }
    bring(reducedMotion() ? 'auto' : 'smooth')
    // and again when the window's size changes (a projector, a resized window)
    const onResize = () => bring('auto')
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [target, stepKey])

  useLayoutEffect(() => {
    // a target in a tab whose chunk is still loading shows up later: watch for it until it does
    let appearing: MutationObserver | null = null
    let live = true
    function measure() {
      const el = document.querySelector(`[data-testid="${CSS.escape(target)}"]`)
      if (!el && !appearing && typeof MutationObserver === 'function') {
        appearing = new MutationObserver(() => {
          const found = document.querySelector(`[data-testid="${CSS.escape(target)}"]`)
          if (!found) return
          appearing?.disconnect()
          appearing = null
          found.scrollIntoView({ block: 'nearest', inline: 'nearest' })
          requestAnimationFrame(() => {
            if (live) measure()
          })
        })
        appearing.observe(document.body, { childList: true, subtree: true })
      }
      const r = el ? visibleBox(el) : null
      if (!r) return setBox(null)
      setBox((b) => (b && b.top === r.top && b.left === r.left && b.width === r.width && b.height === r.height ? b : { top: r.top, left: r.left, width: r.width, height: r.height }))
    }
    measure()
    // smooth scrolling and layout changes settle over a few frames
    const timers = [100, 400, 800].map((ms) => setTimeout(measure, ms))
    window.addEventListener('resize', measure)
    window.addEventListener('scroll', measure, true)
    // the caption band grows when a question or the paused line shows: the stage above it shrinks
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null
    const stage = document.querySelector('.workspace')
    if (stage) resized?.observe(stage)
    return () => {
      resized?.disconnect()
      live = false
      appearing?.disconnect()
      appearing = null
      timers.forEach(clearTimeout)
      window.removeEventListener('resize', measure)
      window.removeEventListener('scroll', measure, true)
    }
  }, [target, stepKey, version, sideTab, presenter])

  if (!box || box.width === 0) return null
  const pad = 4
  return (
    <div
      className="lesson-ring"
      data-testid="lesson-ring"
      data-target={target}
      aria-hidden="true"
      style={{ top: box.top - pad, left: box.left - pad, width: box.width + 2 * pad, height: box.height + 2 * pad }}
    >
      <span className={box.top > 30 ? 'lesson-ring-tag' : 'lesson-ring-tag below'}>▼ {t(L.lookHere)}</span>
    </div>
  )
}

export function LessonHighlight() {
  const t = useT()
  const { id, step, mode, captionHidden } = useLesson()
  const presenter = useUi((s) => s.presenter)
  const sideTab = useUi((s) => s.sideTab)
  const helpOpen = useUi((s) => s.helpOpen)
  const compareOpen = useUi((s) => s.compareOpen)
  const lesson = id ? lessonById(id) : undefined
  const target = lesson?.steps[step]?.target

  useEffect(() => {
    if (!id) return
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return
      const ui = useUi.getState()
      if (ui.helpOpen || ui.compareOpen) return
      const k = e.key
      const pageKeys = ui.presenter && (k === 'PageDown' || k === 'PageUp')
      if (pageKeys || k === 'n' || k === 'N' || k === 'p' || k === 'P') {
        if (k === 'PageDown' || k === 'n' || k === 'N') next()
        else previous()
        e.preventDefault()
      } else if (k === 'Escape' && ui.presenter && !useLesson.getState().captionHidden) {
        hideCaption(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [id])

  if (!lesson || helpOpen || compareOpen) return null
  const showCaption = !captionHidden && (presenter || sideTab !== 'lessons')
  return (
    <>
      {target && mode === 'lesson' ? <Ring target={target} stepKey={`${id}:${step}`} /> : null}
      {showCaption ? (
        <section className={presenter ? 'lesson-caption-bar presenter' : 'lesson-caption-bar'} aria-label={t(L.caption)}>
          <LessonStepView variant="caption" />
        </section>
      ) : null}
    </>
  )
}
