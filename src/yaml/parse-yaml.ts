import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { Composer, type CST, type Document, LineCounter, Parser, type YAMLError } from 'yaml'
import { problem } from '../diagnostics/problem.js'
import { maxYamlNesting } from '../limits.js'

export interface Options {
  /** Line of `file` on which the YAML text starts (default: 1), for frontmatter. */
  readonly startLine?: number
  /** What the YAML is, for messages: `course.yml`, `frontmatter`. */
  readonly label: string
}

export interface ParsedYaml {
  /** The document, or `undefined` when it cannot be read (the problems are on the file). */
  readonly document: Document.Parsed | undefined
  /** Where character `offset` of the YAML text is in the file. */
  readonly pointAt: (offset: number) => Point
}

/**
 * Parse YAML text into a document, safely: lists and maps nested deeper
 * than `maxYamlNesting` are refused before the yaml library walks them (it
 * recurses, and overflows the stack at about 900 levels), and its errors are
 * told in plain words at the place where the mistake starts.
 */
export function parseYaml(file: VFile, text: string, options: Options): ParsedYaml {
  const lineCounter = new LineCounter()
  const pointAt = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: line + (options.startLine ?? 1) - 1, column: col }
  }
  // The parser makes a concrete syntax tree without recursion; the composer then walks it recursively.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)]
  const deep = findTooDeep(tokens)
  if (deep) {
    problem(file, 'nesting-too-deep', pointAt(deep.offset), `Lists and maps nested ${deep.depth} deep in the ${options.label}; coursepack reads at most ${maxYamlNesting} levels`, {
      hint: 'Nest them less deeply; no setting of a course needs more than a few levels.',
    })
    return { document: undefined, pointAt }
  }

  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, logLevel: 'error' })
  let document: Document.Parsed | undefined
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!document) document = next
    else {
      problem(file, 'invalid-yaml', pointAt(next.range[0]), `A second YAML document starts here; the ${options.label} holds one`, {
        hint: 'Remove the `---` or `...` line above, or the second document.',
      })
      return { document: undefined, pointAt }
    }
  }
  if (!document) return { document: undefined, pointAt }
  if (document.errors.length === 0) return { document, pointAt }

  const told = new Set<string>()
  for (const error of document.errors) {
    const plain = explain(error, tokens, text, options.label)
    const key = `${plain.offset}:${plain.reason}`
    if (told.has(key)) continue
    told.add(key)
    problem(file, 'invalid-yaml', pointAt(plain.offset), plain.reason, plain.hint ? { hint: plain.hint } : {})
    // An unclosed quote swallows the rest of the text: what the parser says after it is noise.
    if (plain.unclosedQuote) break
  }
  return { document: undefined, pointAt }
}

interface Explained {
  readonly offset: number
  readonly reason: string
  readonly hint?: string
  readonly unclosedQuote?: boolean
}

/**
 * A yaml library error in plain words, at the place where the mistake
 * starts: the opening quote that is never closed rather than the end of
 * the file where the parser gave up; the key indented under another key's
 * value rather than that value.
 */
function explain(error: YAMLError, tokens: readonly CST.Token[], text: string, label: string): Explained {
  const at = error.pos[0]
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    const quoted = findToken(tokens, (token) => (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && token.offset <= at && at <= token.offset + token.source.length)
    if (quoted) {
      const quote = text[quoted.offset]
      return {
        offset: quoted.offset,
        reason: `This \`${quote}\` opens a quoted value that is never closed`,
        unclosedQuote: true,
        hint: quote === '"' ? 'End the value with `"` on its line; write `\\"` for a quote inside it, or leave out the quotes.' : "End the value with `'` on its line; write `''` for a quote inside it, or leave out the quotes.",
      }
    }
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BAD_INDENT') {
    const indented = findIndentedKey(tokens, text, at)
    if (indented) {
      const where = indented.parentColumn === 1 ? `keys of the ${label} start at the left margin` : `keys of one map start in the same column (${indented.parentColumn})`
      return {
        offset: indented.offset,
        reason: `\`${indented.key}:\` is indented under \`${indented.parent}:\`; ${where}`,
        hint: `Move \`${indented.key}:\` back under \`${indented.parent}:\`'s first letter; if it is part of the value of \`${indented.parent}\`, put that value in quotes.`,
      }
    }
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const compact = findCompactMap(tokens, text, at)
    if (compact) {
      return {
        offset: compact.offset,
        reason: `The value of \`${compact.parent}\` holds \`: \`, which YAML reads as a key inside it`,
        hint: `Put the value in quotes: \`${compact.parent}: "${compact.value.replace(/"/g, '\\"')}"\`.`,
      }
    }
  }
  if (error.code === 'MULTILINE_IMPLICIT_KEY') {
    const key = findToken(tokens, (token) => token.type === 'scalar' && token.source.includes('\n') && token.offset <= at && at <= token.offset + token.source.length)
    if (key) return { offset: key.offset, reason: 'This line has no `:` after its key, so YAML reads it and the next line as one key', hint: 'Write the key, then `: `, then the value, as in `title: My course`.' }
  }
  if (error.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(error.message)) {
    const open = findToken(tokens, (token) => token.type === 'flow-collection' && token.offset <= at && !token.end.some((end) => end.type === 'flow-seq-end' || end.type === 'flow-map-end'))
    if (open?.type === 'flow-collection') {
      const [start, end] = open.start.source === '[' ? ['[', ']'] : ['{', '}']
      return { offset: open.offset, reason: `This \`${start}\` is never closed with \`${end}\``, hint: `End the list with \`${end}\` on the same line, or write it as lines starting with \`- \`.` }
    }
  }
  if (error.code === 'TAB_AS_INDENT') return { offset: at, reason: 'This line is indented with a tab; YAML is indented with spaces', hint: 'Replace the tab with spaces.' }
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(at, at + 200))?.[0]?.trim()
    return { offset: at, reason: key ? `The key \`${key}\` appears a second time` : 'This key appears a second time', hint: 'Keep one of the two.' }
  }
  return { offset: at, reason: `Cannot read the ${label}: ${firstLine(error.message)}` }
}

/**
 * A plain key that runs over two lines (`My course\n  version` in
 * `title: My course\n  version: 2`): the line where it goes on is a key
 * indented under the value of the key before.
 */
function findIndentedKey(tokens: readonly CST.Token[], text: string, near: number): { key: string; parent: string; parentColumn: number; offset: number } | undefined {
  let found: { key: string; parent: string; parentColumn: number; offset: number } | undefined
  walk(tokens, (token, parent) => {
    if (found || token.type !== 'block-map' || !parent || parent.key?.type !== 'scalar') return
    for (const item of token.items) {
      const key = item.key
      if (key?.type !== 'scalar' || !key.source.includes('\n')) continue
      if (near < parent.key.offset || near > key.offset + key.source.length) continue
      const lastBreak = key.source.lastIndexOf('\n')
      const rest = key.source.slice(lastBreak + 1)
      const offset = key.offset + lastBreak + 1 + (rest.length - rest.trimStart().length)
      const parentColumn = parent.key.offset - text.lastIndexOf('\n', parent.key.offset - 1)
      found = { key: rest.trim(), parent: parent.key.source, parentColumn, offset }
      return
    }
  })
  return found
}

/** A map that starts on the line of its parent key (`title: a: b`): YAML allows no such compact map. */
function findCompactMap(tokens: readonly CST.Token[], text: string, near: number): { parent: string; value: string; offset: number } | undefined {
  let found: { parent: string; value: string; offset: number } | undefined
  walk(tokens, (token, parent) => {
    if (found || token.type !== 'block-map' || parent?.key?.type !== 'scalar') return
    if (near < parent.key.offset || text.slice(parent.key.offset, token.offset).includes('\n')) return
    const lineEnd = text.indexOf('\n', token.offset)
    found = { parent: parent.key.source, value: text.slice(token.offset, lineEnd === -1 ? text.length : lineEnd).trim(), offset: token.offset }
  })
  return found
}

type Visit = (token: CST.Token, parent: { key?: CST.Token | null } | undefined) => void

/** Every token, parents before children, without recursion: the tree may be deep. */
function walk(tokens: readonly CST.Token[], visit: Visit): void {
  const stack: { token: CST.Token; parent: { key?: CST.Token | null } | undefined }[] = tokens.map((token) => ({ token, parent: undefined })).reverse()
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { token } = entry
    visit(token, entry.parent)
    const children: { token: CST.Token; parent: { key?: CST.Token | null } | undefined }[] = []
    if (token.type === 'document') {
      for (const start of token.start) children.push({ token: start, parent: undefined })
      if (token.value) children.push({ token: token.value, parent: undefined })
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        for (const start of item.start) children.push({ token: start, parent: item })
        if (item.key) children.push({ token: item.key, parent: item })
        for (const sep of item.sep ?? []) children.push({ token: sep, parent: item })
        if (item.value) children.push({ token: item.value, parent: item })
      }
    }
    if ('end' in token && Array.isArray(token.end)) for (const end of token.end) children.push({ token: end, parent: entry.parent })
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
}

function findToken(tokens: readonly CST.Token[], test: (token: CST.Token) => boolean): CST.Token | undefined {
  let found: CST.Token | undefined
  walk(tokens, (token) => {
    if (!found && test(token)) found = token
  })
  return found
}

/** The first list or map, in reading order, nested deeper than `maxYamlNesting`, with its depth and offset. */
function findTooDeep(tokens: readonly CST.Token[]): { depth: number; offset: number } | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse()
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { token } = entry
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth: entry.depth })
      continue
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue
    const depth = entry.depth + 1
    if (depth > maxYamlNesting) return { depth, offset: token.offset }
    for (const item of [...token.items].reverse()) {
      if (item.value) stack.push({ token: item.value, depth })
      if (item.key) stack.push({ token: item.key, depth })
    }
  }
  return undefined
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
