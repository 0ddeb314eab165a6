/**
 * A deep copy of plain data (objects, arrays, Int32/Uint8/Float64 arrays, primitives), for the world's snapshots.
 * An object reached twice is copied once, so shared references (and cycles) stay as they were; a
 * frozen object (immutable, as a metadata image's partition states are) is not copied but shared.
 *
 * Unlike structuredClone, an object is rebuilt by an object literal with its own keys in its own
 * order, which gives it the hidden class the simulation's own literals give such an object, the
 * one its code is optimised for (structuredClone's objects get other hidden classes). The literal
 * for a list of keys is compiled once and cached. Objects keyed by data rather than by field names
 * (partitions, nodes: keys that are not identifiers), objects with very many keys, and every
 * object where code cannot be compiled (a Content-Security-Policy without 'unsafe-eval') are
 * copied by spreading instead.
 */

type Copier = (source: object, seen: Map<object, unknown>, copy: (v: object) => unknown) => object

/** Compiled literals by key list (joined; the entry keeps the list, since joining can collide); null where spreading is used. */
const copiers = new Map<string, { keys: string[]; copier: Copier | null }>()
/** Bounds the cache: past it, objects of a new key list are spread. */
const MAX_COPIERS = 4096
const MAX_KEYS = 64
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
let canCompile = true

/**
 * A deep copy of `value`. `addedLast`: fields some objects get after they are made, always last and
 * in this order (a message's envelope fields, set when it is sent): an object whose keys end with
 * them gets them the same way, so it keeps the hidden class such an object has.
 */
export function plainCopy<T>(value: T, addedLast: readonly string[] = []): T {
  if (typeof value !== 'object' || value === null) return value
  const seen = new Map<object, unknown>()
  const copy = (v: object): unknown => {
    const done = seen.get(v)
    if (done !== undefined) return done
    if (Object.isFrozen(v)) return v // immutable: the copy shares it
    if (Array.isArray(v)) return copyArray(v, seen, copy)
    if (v instanceof Int32Array || v instanceof Uint8Array || v instanceof Float64Array) {
      const t = v.slice()
      seen.set(v, t)
      return t
    }
    if (ArrayBuffer.isView(v)) throw new Error(`kafkascope bug: a ${v.constructor.name} in the world, which snapshots do not copy`)
    const keys = Object.keys(v)
    const copier = copierFor(keys, addedLast)
    return copier !== null ? copier(v, seen, copy) : copySpread(v, keys, seen, copy)
  }
  return copy(value) as T
}

function copyArray(a: unknown[], seen: Map<object, unknown>, copy: (v: object) => unknown): unknown[] {
  const out = a.slice()
  seen.set(a, out)
  for (let i = 0; i < out.length; i++) {
    const e = out[i]
    if (typeof e === 'object' && e !== null) out[i] = copy(e)
  }
  return out
}

function copySpread(v: object, keys: string[], seen: Map<object, unknown>, copy: (v: object) => unknown): object {
  const out: Record<string, unknown> = { ...v }
  seen.set(v, out)
  for (const k of keys) {
    const e = out[k]
    if (typeof e === 'object' && e !== null) out[k] = copy(e)
  }
  return out
}

function copierFor(keys: string[], addedLast: readonly string[]): Copier | null {
  if (keys.length > MAX_KEYS) return null
  const added = endsWith(keys, addedLast) ? addedLast.length : 0
  const shape = `${added}:${keys.join(',')}`
  const cached = copiers.get(shape)
  if (cached !== undefined) return sameKeys(cached.keys, keys) ? cached.copier : null
  const copier = canCompile && copiers.size < MAX_COPIERS && keys.every(isFieldName) ? compile(keys, added) : null
  if (copiers.size < MAX_COPIERS) copiers.set(shape, { keys, copier })
  return copier
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function endsWith(keys: string[], suffix: readonly string[]): boolean {
  if (suffix.length === 0 || keys.length < suffix.length) return false
  const from = keys.length - suffix.length
  return suffix.every((k, i) => keys[from + i] === k)
}

function isFieldName(k: string): boolean {
  return IDENTIFIER.test(k) && k !== '__proto__'
}

/**
 * (s, seen, copy) => { const o = { a: s.a, … }; o.y = s.y (the last `added` keys); seen.set(s, o);
 * then o.a = copy(o.a) for each field holding an object; return o }
 */
function compile(keys: string[], added: number): Copier | null {
  const literal = keys.slice(0, keys.length - added).map((k) => `${k}: s.${k}`).join(', ')
  const adds = keys.slice(keys.length - added).map((k) => `o.${k} = s.${k};`).join('\n')
  const fixes = keys.map((k) => `v = o.${k}; if (typeof v === 'object' && v !== null) o.${k} = copy(v);`).join('\n')
  try {
    return new Function('s', 'seen', 'copy', `const o = { ${literal} };\n${adds}\nseen.set(s, o);\nlet v;\n${fixes}\nreturn o;`) as Copier
  } catch {
    canCompile = false
    return null
  }
}
