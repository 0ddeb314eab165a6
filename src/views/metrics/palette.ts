// Line styles for metric charts: Okabe–Ito colours (distinct for the common colour blindnesses)
// paired with dash patterns, so two lines differ even in black and white.

export const LINE_COLORS = ['var(--oi-blue)', 'var(--oi-vermillion)', 'var(--oi-green)', 'var(--oi-orange)', 'var(--oi-purple)', 'var(--oi-sky)', 'var(--ink)', 'var(--oi-grey)']
export const LINE_DASHES = ['', '6 3', '2 2', '8 3 2 3', '4 4', '1 3', '10 4', '3 3 1 3']

export interface LineStyle {
  color: string
  dash: string
}

export function lineStyle(i: number): LineStyle {
  return { color: LINE_COLORS[i % LINE_COLORS.length], dash: LINE_DASHES[i % LINE_DASHES.length] }
}
