/**
 * Everything kafkascope's CLI writes to a terminal passes through here. Text that comes from a file a
 * user opened (a scenario's name, client ids in the event log, file names, Node's JSON.parse message
 * quoting the input) could otherwise carry control characters that clear the screen, set the window
 * title or reorder what is shown (bidi controls). `terminalSafe` shows each such character escaped:
 * C0 controls except newline and tab, DEL, C1 (U+0080–U+009F), U+2028/U+2029 and the bidi controls
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). Readable text shows `\x1b` or `\u202e`;
 * JSON shows `\u001b`, an escape JSON reads back as the same character, so `--json` output parses to
 * the same values. Also here: the cuts that keep a message short whatever the input held.
 */

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

export type TextStyle = 'text' | 'json'

function escapeChar(code: number, style: TextStyle): string {
  if (style === 'text' && code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`
  return `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * The text with every control character shown as an escape. With style 'json' the text must be JSON
 * as JSON.stringify writes it: the characters replaced then only occur inside strings, and `\u00XX`
 * reads back as the same character.
 */
export function terminalSafe(text: string, style: TextStyle = 'text'): string {
  return text.replace(UNSAFE, (c) => escapeChar(c.charCodeAt(0), style))
}

/** One line on stdout, escaped. */
export function out(line = ''): void {
  process.stdout.write(terminalSafe(line) + '\n')
}

/** A value as JSON on stdout (one line, or indented), escaped the JSON way. */
export function outJson(value: unknown, indent?: number): void {
  process.stdout.write(terminalSafe(JSON.stringify(value, null, indent), 'json') + '\n')
}

/** One line on stderr, escaped. */
export function err(line: string): void {
  process.stderr.write(terminalSafe(line) + '\n')
}

/** A JSON line for a file (the trace), escaped the same way, so `cat`-ing the file is safe too. */
export function jsonLine(value: unknown): string {
  return terminalSafe(JSON.stringify(value), 'json')
}

// ---------------------------------------------------------------------------------------------
// Cuts

/** Text cut to `max` characters, with an ellipsis when cut. */
export function cut(text: string, max = 40): string {
  return text.length > max ? text.slice(0, max) + '…' : text
}

/** A value a person typed or a file held, quoted and cut to `max` characters. */
export function quoted(text: string, max = 40): string {
  return JSON.stringify(cut(text, max))
}

/** A message cut to `max` characters, saying how many were left off. */
export function cutLine(line: string, max = 1000): string {
  return line.length > max ? `${line.slice(0, max)}… and ${line.length - max} more characters` : line
}
