// The marker shapes (d3-shape symbols), so a category reads by shape as well as by colour.

import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3'
import type { Shape } from './categories.ts'

const TYPES: Record<Shape, { type: SymbolType; rotate: number }> = {
  triangle: { type: symbolTriangle, rotate: 180 },
  diamond: { type: symbolDiamond, rotate: 0 },
  star: { type: symbolStar, rotate: 0 },
  circle: { type: symbolCircle, rotate: 0 },
  wye: { type: symbolWye, rotate: 0 },
  cross: { type: symbolCross, rotate: 0 },
  square: { type: symbolSquare, rotate: 0 },
  x: { type: symbolCross, rotate: 45 },
}

/** SVG path and rotation of a shape about `px` pixels across. */
export function glyph(shape: Shape, px: number): { d: string; rotate: number } {
  const { type, rotate } = TYPES[shape]
  const scale = shape === 'diamond' || shape === 'star' ? 0.55 : shape === 'circle' ? 0.8 : 0.7
  return { d: symbol(type, px * px * scale)() ?? '', rotate }
}
