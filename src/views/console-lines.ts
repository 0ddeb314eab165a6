// The Kafka tools' output laid out to wrap without losing its columns. kafka-topics --describe
// separates fields with tabs, kafka-consumer-groups --describe pads columns with spaces under an
// upper-case header; a 390-pixel side panel fits neither on one line. So each line is cut into its
// fields (each keeping its own separator, so the text is still exactly what Kafka prints), and the
// fields of lines of one shape get one width in characters: lines then wrap at field boundaries,
// all at the same place, and the columns stay aligned. kafka-log-dirs' one line of JSON is cut
// after its commas, and kafka-configs' entries at their parts (sensitive=, synonyms={, each
// synonym's source and value), so they wrap between values, not inside one.

export interface ConsoleField {
  /** the field's text with the tab or padding that follows it */
  text: string
  /** the column's width in characters; null: as wide as its text (the last field, free text) */
  widthCh: number | null
}

export interface ConsoleLine {
  fields: ConsoleField[]
  /** the line ends with a newline */
  newline: boolean
  /** how far its continuation rows are indented, in characters (absent: the default 2) */
  hangCh?: number
}

/** "GROUP  TOPIC  PARTITION ...": a header of upper-case column names padded with spaces. */
const HEADER = /^[A-Z][A-Z-]*( +[A-Z][A-Z-]*)+ *$/

function columnStarts(header: string): number[] {
  const starts = [0]
  for (let i = 1; i < header.length; i++) if (header[i] !== ' ' && header[i - 1] === ' ') starts.push(i)
  return starts
}

/** A tab-separated line's shape: its fields' names ("Topic|Partition|Leader|..."), indent included. */
function shapeOf(parts: string[]): string {
  return parts.map((p) => p.split(':')[0]).join('|')
}

/** The output's lines cut into fields; joining every field's text (and the newlines) gives `out` back. */
export function consoleLines(out: string): ConsoleLine[] {
  const raw = out.split('\n')
  const last = raw.pop()
  const lines: { text: string; newline: boolean }[] = raw.map((text) => ({ text, newline: true }))
  if (last) lines.push({ text: last, newline: false })

  // widest field per column, per shape of tab-separated line
  const widths = new Map<string, number[]>()
  for (const { text } of lines) {
    if (!text.includes('\t')) continue
    const parts = text.split('\t')
    const key = shapeOf(parts)
    const w = widths.get(key) ?? []
    parts.forEach((p, i) => (w[i] = Math.max(w[i] ?? 0, p.length)))
    widths.set(key, w)
  }

  const result: ConsoleLine[] = []
  let table: number[] | null = null
  for (const { text, newline } of lines) {
    if (text.includes('\t')) {
      table = null
      const parts = text.split('\t')
      const w = widths.get(shapeOf(parts))!
      const fields = parts.map((p, i) => (i < parts.length - 1 ? { text: `${p}\t`, widthCh: w[i] + 2 } : { text: p, widthCh: null }))
      result.push({ fields, newline })
      continue
    }
    if (text.trim() === '') table = null
    else if (HEADER.test(text) && text.includes('  ')) table = columnStarts(text)
    if (table && text.trim() !== '') {
      const starts = table
      const fields: ConsoleField[] = []
      for (let i = 0; i < starts.length; i++) {
        // the last column takes the rest of the row, however long
        const end = i + 1 < starts.length ? starts[i + 1] : text.length
        const piece = text.slice(starts[i], Math.max(starts[i], end))
        if (piece === '' && i + 1 === starts.length) continue
        fields.push({ text: piece, widthCh: i + 1 < starts.length ? starts[i + 1] - starts[i] : null })
      }
      result.push({ fields, newline })
      continue
    }
    const config = CONFIG_LINE.exec(text)
    if (config) {
      result.push({ fields: configFields(config), newline, hangCh: 6 })
      continue
    }
    if (isJsonLine(text)) {
      result.push({ fields: jsonFields(text), newline })
      continue
    }
    result.push({ fields: [{ text, widthCh: null }], newline })
  }
  return result
}

/** kafka-configs --describe: `  name=value sensitive=false synonyms={SOURCE:name=value, ...}` */
const CONFIG_LINE = /^(  \S+?=.*? )(sensitive=(?:true|false) )(synonyms=\{)(.*)\}$/

/**
 * A config line cut before `sensitive=`, before `synonyms={` and at each synonym's source and
 * value, so a wrapped entry breaks between its parts (its continuation rows hang below the name).
 */
function configFields(m: RegExpExecArray): ConsoleField[] {
  const [, entry, sensitive, open, synonyms] = m as unknown as [string, string, string, string, string]
  const pieces = [entry, sensitive, open]
  // "SOURCE:name=value, SOURCE:name=value": split after each ", " and after each source's ":"
  for (const synonym of synonyms.split(/(?<=, )/)) {
    const colon = synonym.indexOf(':')
    if (colon > 0) pieces.push(synonym.slice(0, colon + 1), synonym.slice(colon + 1))
    else if (synonym !== '') pieces.push(synonym)
  }
  pieces[pieces.length - 1] += '}'
  return pieces.map((text) => ({ text, widthCh: null }))
}

/** A line of JSON (kafka-log-dirs prints its answer as one): an object or array, no tabs. */
function isJsonLine(text: string): boolean {
  return /^[[{].*[\]}]$/.test(text) && text.includes(',')
}

/**
 * A JSON line cut after each comma outside strings, so the browser breaks it between values
 * ("size":1234, on one line) instead of in the middle of a name or a number.
 */
function jsonFields(text: string): ConsoleField[] {
  const fields: ConsoleField[] = []
  let inString = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === ',') {
      fields.push({ text: text.slice(start, i + 1), widthCh: null })
      start = i + 1
    }
  }
  if (start < text.length) fields.push({ text: text.slice(start), widthCh: null })
  return fields
}
