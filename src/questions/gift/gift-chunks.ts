import type { Point } from 'unist'

/** One question of a GIFT file: its text and where each of its characters sits in the file. */
export interface GiftChunk {
  readonly text: string
  /** Where character `offset` of `text` is in the file. */
  readonly pointAt: (offset: number) => Point
}

/**
 * Split a GIFT file into questions as Moodle's importer does: comment lines
 * (`//…`) dropped, questions separated by blank lines. Line ends may be LF
 * or CRLF.
 */
export function splitGift(source: string): GiftChunk[] {
  const chunks: GiftChunk[] = []
  let lines: { text: string; line: number }[] = []
  const flush = () => {
    if (lines.length > 0) chunks.push(chunkOf(lines))
    lines = []
  }
  source.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*\/\//.test(text)) return
    if (text.trim() === '') flush()
    else lines.push({ text, line: index + 1 })
  })
  flush()
  return chunks
}

function chunkOf(lines: readonly { text: string; line: number }[]): GiftChunk {
  const starts: number[] = []
  let offset = 0
  for (const { text } of lines) {
    starts.push(offset)
    offset += text.length + 1
  }
  return {
    text: lines.map((line) => line.text).join('\n'),
    pointAt(at) {
      let index = starts.length - 1
      while (index > 0 && starts[index]! > at) index--
      return { line: lines[index]!.line, column: at - starts[index]! + 1 }
    },
  }
}

/** GIFT's escapes: `\~ \= \# \{ \} \:` stand for the character, `\n` for a line break. */
export function unescapeGift(text: string): string {
  return text.replace(/\\([~=#{}:n\\])/g, (_, char: string) => (char === 'n' ? '\n' : char))
}

/** Index of the first `target` in `text` that is not escaped, from `from`; -1 when there is none. */
export function indexOfUnescaped(text: string, target: string, from = 0): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\\') {
      index++
      continue
    }
    if (text.startsWith(target, index)) return index
  }
  return -1
}

/**
 * Split at every unescaped character of `markers`, keeping each marker with
 * the piece it starts: `~a =b` → `['~a ', '=b']`. Text before the first
 * marker comes first, marker-less.
 */
export function splitAtMarkers(text: string, markers: string): { marker: string; text: string; offset: number }[] {
  const pieces: { marker: string; text: string; offset: number }[] = []
  let start = 0
  let marker = ''
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') {
      index++
      continue
    }
    if (markers.includes(text[index]!)) {
      pieces.push({ marker, text: text.slice(start, index), offset: start })
      marker = text[index]!
      start = index + 1
    }
  }
  pieces.push({ marker, text: text.slice(start), offset: start })
  return pieces
}
