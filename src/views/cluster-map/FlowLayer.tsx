// Mounts the message-flow island (flow-overlay.ts) over the map's content: a canvas for dots and
// an SVG for links and labels. React renders the two elements once; the overlay draws into them
// on every animation frame (playback's onFrame), re-measuring card positions after renders and
// resizes. With prefers-reduced-motion nothing moves: links show their activity instead.

import { useLayoutEffect, useRef } from 'react'
import type { ClusterView } from '../../../sim/index.ts'
import { onFrame } from '../../host/playback.ts'
import { useLocale, useT } from '../../useT.ts'
import { FlowOverlay } from './flow-overlay.ts'
import { KIND_SHORT, L } from './texts.ts'

const REDUCED = '(prefers-reduced-motion: reduce)'

/** Rendered inside the map's content element, which the overlay covers and measures. */
export function FlowLayer({ view, enabled }: { view: ClusterView | null; enabled: boolean[] }) {
  const t = useT()
  const locale = useLocale()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const underRef = useRef<SVGSVGElement>(null)
  const svgRef = useRef<SVGSVGElement>(null)
  const overlayRef = useRef<FlowOverlay | null>(null)

  useLayoutEffect(() => {
    // the parent's ref is not attached yet when a child's layout effect runs: use the DOM parent
    const content = canvasRef.current?.parentElement
    if (!content || !canvasRef.current || !underRef.current || !svgRef.current) return
    const overlay = new FlowOverlay(content, canvasRef.current, underRef.current, svgRef.current, { kindShort: [], isolated: '', cut: '' })
    overlayRef.current = overlay
    const motion = window.matchMedia(REDUCED)
    const onMotion = () => overlay.setReducedMotion(motion.matches)
    onMotion()
    motion.addEventListener('change', onMotion)
    const resize = new ResizeObserver(() => overlay.markLayoutDirty())
    resize.observe(content)
    const stop = onFrame((wallNow) => overlay.frame(wallNow))
    return () => {
      stop()
      resize.disconnect()
      motion.removeEventListener('change', onMotion)
      overlay.destroy()
      overlayRef.current = null
    }
  }, [])

  useLayoutEffect(() => {
    overlayRef.current?.setTexts({ kindShort: KIND_SHORT.map((k) => k[locale]), isolated: L.isolated[locale], cut: L.cut[locale] })
  }, [locale])

  useLayoutEffect(() => {
    overlayRef.current?.setEnabled(enabled)
  }, [enabled])

  // after every render of the map: cards may have moved or grown
  useLayoutEffect(() => {
    overlayRef.current?.setView(view)
    overlayRef.current?.markLayoutDirty()
  })

  return (
    <>
      <svg ref={underRef} className="cmap-links" aria-hidden="true" />
      <canvas ref={canvasRef} className="cmap-canvas" aria-hidden="true" />
      <svg ref={svgRef} className="cmap-svg" role="img" aria-label={t(L.flowLabel)} />
    </>
  )
}
