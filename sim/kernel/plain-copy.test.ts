// A snapshot's copy of the world is a faithful, independent deep copy (what time travel relies on),
// and its objects have the hidden classes of the originals (what makes a restored run fast at once).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { plainCopy } from './plain-copy.ts'

/** Every object reachable from `v`. */
function objectsOf(v: unknown, out = new Set<object>()): Set<object> {
  if (typeof v !== 'object' || v === null || out.has(v)) return out
  out.add(v)
  for (const k of Object.keys(v)) objectsOf((v as Record<string, unknown>)[k], out)
  return out
}

describe('plainCopy', () => {
  it('copies plain data exactly and shares no object with it', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b', 'baseOffset', 'orders-3', '1', 'linger.ms', '__proto__'), fc.string({ maxLength: 4 }))
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 5 }),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 6 }),
    }))
    fc.assert(
      fc.property(tree, (value) => {
        const copy = plainCopy(value)
        expect(copy).toStrictEqual(structuredClone(value))
        const mine = objectsOf(value)
        for (const o of objectsOf(copy)) expect(mine.has(o)).toBe(false)
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  it('keeps shared references and cycles, copies typed arrays and holes', () => {
    const shared = { tp: 'orders-0', fetchOffset: 3 }
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    const pages = new Int32Array([1, 2, 3])
    const holey = [1, , 3] // eslint-disable-line no-sparse-arrays
    const source = { a: shared, b: [shared, shared], loop, pages, holey }
    const copy = plainCopy(source)
    expect(copy.a).not.toBe(shared)
    expect(copy.b[0]).toBe(copy.a)
    expect(copy.b[1]).toBe(copy.a)
    expect(copy.loop.self).toBe(copy.loop)
    expect(copy.pages).toEqual(pages)
    expect(copy.pages).not.toBe(pages)
    expect(1 in copy.holey).toBe(false)
    expect(() => plainCopy({ view: new DataView(new ArrayBuffer(4)) })).toThrow(/kafkascope bug: a DataView/)
    copy.pages[0] = 9
    shared.fetchOffset = 4
    expect([pages[0], copy.a.fetchOffset]).toEqual([1, 3])
  })

  it('shares frozen objects instead of copying them', () => {
    const state = Object.freeze({ leader: 1, isr: Object.freeze([1, 2]) })
    const copy = plainCopy({ partitions: [state], open: { leader: 1 } })
    expect(copy.partitions[0]).toBe(state)
    expect(copy.open).toEqual({ leader: 1 })
  })

  it('adds the fields an object got after it was made the way it got them', () => {
    const msg = { api: 'Fetch', from: '1', corr: 4 } as { api: string; from: string; corr: number; srcInc?: number; sentMs?: number }
    msg.srcInc = 0
    msg.sentMs = 12
    const copy = plainCopy({ msg, other: { corr: 1, sentMs: 3 } }, ['srcInc', 'sentMs'])
    expect(copy).toEqual({ msg: { api: 'Fetch', from: '1', corr: 4, srcInc: 0, sentMs: 12 }, other: { corr: 1, sentMs: 3 } })
    expect(Object.keys(copy.msg)).toEqual(['api', 'from', 'corr', 'srcInc', 'sentMs'])
  })

  it('gives each copied object the hidden class of its original (checked in V8 with %HaveSameMap)', () => {
    const script = fileURLToPath(new URL('./plain-copy.maps.test-helper.ts', import.meta.url))
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual({ literal: true, addedOnSend: true, nested: true, array: true, structuredClone: false })
  })
})
