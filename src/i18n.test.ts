import { describe, expect, it } from 'vitest'
import { koNumber } from './i18n.ts'

describe('koNumber', () => {
  it('picks the particle by how the number is read in Korean', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => koNumber(n, '을'))).toEqual(['1을', '2를', '3을', '4를', '5를', '6을', '7을', '8을', '9를', '10을'])
    expect(koNumber(2, '은')).toBe('2는')
    expect(koNumber(3, '은')).toBe('3은')
    expect(koNumber(12, '이')).toBe('12가')
    expect(koNumber(101, '이')).toBe('101이')
  })
})
