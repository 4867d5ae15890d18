import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import { maxBlockNesting, maxContainerWork, maxMarkupWork } from '../limits.js'

export interface Options {
  /** Line of `file` on which `text` starts (default: 1). */
  readonly startLine?: number
  /** Whether `text` may start with YAML frontmatter, which is not Markdown (default: true; false for GIFT). */
  readonly frontmatter?: boolean
  /**
   * Work already spent on other Markdown of the same file, which this text
   * adds to (GIFT's `[markdown]` pieces share their file's budget) (optional).
   */
  readonly spent?: Spent
}

/** Markup and container work spent on a file so far; `scanMarkdown` adds to it. */
export interface Spent {
  markup: number
  containers: number
}

/**
 * Measure Markdown before it is parsed, in one pass over its lines, and
 * report what would make the parser crawl or run out of stack: blockquotes
 * and list items nested deeper than `maxBlockNesting` (`nesting-too-deep`),
 * paragraphs whose emphasis and link markers would take micromark minutes
 * to match, and blockquotes and lists opened and closed so often that
 * micromark would take minutes to move its events (`too-much-markup`).
 * Returns false, with the problem on `file`, when the text must not be
 * parsed.
 *
 * The measure errs on the safe side: it counts at least the nesting and the
 * markup micromark will see, and never needs to know more of Markdown than a
 * line's leading `>`, list markers and indentation.
 *
 * @example
 *   guardMarkdown(file, '> '.repeat(40) + 'deep') //=> false, and `nesting-too-deep` at 1:65
 */
export function guardMarkdown(file: VFile, text: string, options: Options = {}): boolean {
  const { problem: found } = scanMarkdown(text, options)
  if (!found) return true
  reportRefused(file, found)
  return false
}

/**
 * Refused by the guard: thrown by `assertMarkdownReadable` for Markdown cut
 * out of other text, whose lines are not the file's (GIFT's `[markdown]`).
 */
export class MarkdownRefused extends Error {
  constructor(readonly found: Found) {
    super(`Markdown refused before parsing: ${found.kind}`)
  }
}

/** Throw `MarkdownRefused` when `text` must not be parsed; the caller reports it where the text came from. */
export function assertMarkdownReadable(text: string, options: Options = {}): void {
  const { problem: found } = scanMarkdown(text, options)
  if (found) throw new MarkdownRefused(found)
}

/** Report what the guard found on `file`, at its line, or at `place` for Markdown cut out of other text. */
export function reportRefused(file: VFile, found: Found, place?: Point): void {
  if (found.kind === 'nesting') {
    problem(file, 'nesting-too-deep', place ?? { line: found.line, column: found.column }, `Blockquotes and lists nested ${found.depth} deep; coursepack reads at most ${maxBlockNesting} levels`, {
      hint: 'Nest them less deeply (a few levels are all a reader can follow); the page is not read until then.',
    })
    return
  }
  if (found.kind === 'containers') {
    problem(file, 'too-much-markup', place ?? { line: found.line, column: 1 }, `Blockquotes and lists begin and end on ${found.lines} lines up to here, more than coursepack reads in reasonable time`, {
      hint: 'Split the page into several pages, or join the lists and blockquotes that follow each other.',
    })
    return
  }
  const lazy = found.lazyLines > found.markers
  const reason = !found.alone
    ? 'With this paragraph, the file has more inline markup than coursepack reads in reasonable time'
    : lazy
      ? `This paragraph goes on for ${found.lazyLines} lines without the indentation or the \`>\` of the list item or blockquote it continues, more than coursepack reads in reasonable time`
      : `This paragraph has ${found.markers} emphasis, code and link markers in ${found.characters} characters, more than coursepack reads in reasonable time`
  problem(file, 'too-much-markup', place ?? { line: found.line, column: 1 }, reason, {
    hint: !found.alone
      ? 'Split the page into several pages.'
      : lazy
        ? 'Indent the lines of a list item, start each line of a blockquote with `>`, or end the paragraph with a blank line.'
        : 'Split the paragraph with blank lines; long code or data without blank lines is better linked as a file of its own.',
  })
}

export type Found =
  | { readonly kind: 'nesting'; readonly line: number; readonly column: number; readonly depth: number }
  | { readonly kind: 'containers'; readonly line: number; readonly lines: number }
  | ({ readonly kind: 'markup' } & HeavyMarkup)

/**
 * The line-by-line measure behind `guardMarkdown`: the first problem, if any,
 * and what the text uses (its deepest nesting, its markup and container
 * work), for tests and for choosing the limits.
 */
export function scanMarkdown(text: string, options: Options = {}): { problem: Found | undefined; deepest: number; work: number; containerWork: number } {
  const firstLine = options.startLine ?? 1
  const nesting = createNestingMeter()
  const markup = createMarkupMeter(options.spent?.markup ?? 0)
  let deepest = 0
  let containerWork = options.spent?.containers ?? 0
  let changes = 0
  const frontmatter = options.frontmatter === false ? { offset: 0, lines: 0 } : frontmatterEnd(text)
  let lineIndex = frontmatter.lines
  const result = (found: Found | undefined) => {
    if (options.spent) Object.assign(options.spent, { markup: markup.work(), containers: containerWork })
    return { problem: found, deepest, work: markup.work(), containerWork }
  }
  for (let start = frontmatter.offset; start <= text.length; lineIndex++) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const line = readLine(text, start, end)
    const measured = nesting.measure(line)
    deepest = Math.max(deepest, measured.depth)
    if (measured.over) return result({ kind: 'nesting', line: firstLine + lineIndex, column: measured.over, depth: measured.depth })
    const heavy = markup.measure(line, measured.lazy, text, start, end, firstLine + lineIndex)
    if (heavy) return result({ kind: 'markup', ...heavy })
    if (measured.change > 0) {
      changes++
      containerWork += measured.change * (lineIndex + start / 64)
      if (containerWork > maxContainerWork) return result({ kind: 'containers', line: firstLine + lineIndex, lines: changes })
    }
    if (newline === -1) break
    start = newline + 1
  }
  const heavy = markup.end()
  return result(heavy && { kind: 'markup', ...heavy })
}

/**
 * Where YAML frontmatter ends (`---` lines around it, at the very start, as
 * remark-frontmatter reads it): the offset and line count after it. It is
 * YAML, measured when it is read; without a closing `---` it is Markdown.
 */
function frontmatterEnd(text: string): { offset: number; lines: number } {
  const opening = /^---[ \t]*\r?\n/.exec(text)
  if (!opening) return { offset: 0, lines: 0 }
  let lines = 1
  for (let start = opening[0].length; start < text.length; lines++) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    if (text.startsWith('---', start) && isBlank(text, start + 3, end)) {
      return newline === -1 ? { offset: text.length, lines: lines + 1 } : { offset: newline + 1, lines: lines + 1 }
    }
    if (newline === -1) break
    start = newline + 1
  }
  return { offset: 0, lines: 0 }
}

/** What a line starts with: its container markers, then where its content starts. */
interface Line {
  /** Each blockquote `>` and list item marker in order, with its place. */
  readonly markers: readonly Marker[]
  /** Column of the content after the markers, tabs to the next multiple of 4, `>` markers not counted. */
  readonly indent: number
  /** Where that content starts in the line (1-based), for reports. */
  readonly column: number
  /** Nothing but markers and spaces. */
  readonly blank: boolean
  /** A heading or a list item that always starts a new paragraph, as CommonMark decides. */
  readonly breaksParagraph: boolean
}

interface Marker {
  readonly kind: 'quote' | 'item'
  /** Where it is in the line (1-based), for reports. */
  readonly column: number
  /** Its column, `>` markers not counted. */
  readonly indent: number
  /** Column where an item's content starts. */
  readonly content: number
}

function readLine(text: string, start: number, end: number): Line {
  const markers: Marker[] = []
  let at = start
  let indent = 0
  for (;;) {
    const space = skipSpace(text, at, end, indent)
    if (text[space.at] === '>') {
      markers.push({ kind: 'quote', column: space.at - start + 1, indent: space.column, content: space.column })
      // The space after `>` belongs to the marker.
      at = text[space.at + 1] === ' ' ? space.at + 2 : space.at + 1
      indent = space.column
      continue
    }
    const width = listMarkerAt(text, space.at, end)
    at = space.at
    indent = space.column
    if (width === 0 || isThematicBreak(text, space.at, end)) break
    const after = skipSpace(text, space.at + width, end, space.column + width)
    // An empty item, or five spaces or more after the marker (indented code): the content is one column after it.
    const oneAfter = after.at >= end || text[after.at] === '\r' || after.column - (space.column + width) > 4
    const content = oneAfter ? space.column + width + 1 : after.column
    markers.push({ kind: 'item', column: space.at - start + 1, indent: space.column, content })
    if (oneAfter) {
      at = Math.min(end, space.at + width + 1)
      indent = content
      break
    }
    at = after.at
    indent = content
  }
  const blank = isBlank(text, at, end)
  const firstItem = markers.find((marker) => marker.kind === 'item')
  // Only a bullet item with content, or one numbered 1, may interrupt a paragraph; an ATX heading always does.
  const breaksParagraph =
    !blank &&
    (firstItem
      ? firstItem.indent <= 3 && interruptsParagraph(text, start + firstItem.column - 1, end)
      : indent <= 3 && isAtxHeading(text, at, end))
  return { markers, indent, column: at - start + 1, blank, breaksParagraph }
}

function isBlank(text: string, at: number, end: number): boolean {
  for (let index = at; index < end; index++) {
    const char = text[index]
    if (char !== ' ' && char !== '\t' && char !== '\r') return false
  }
  return true
}

function isAtxHeading(text: string, at: number, end: number): boolean {
  let level = 0
  while (level < 7 && text[at + level] === '#') level++
  const next = text[at + level]
  return level >= 1 && level <= 6 && (at + level >= end || next === ' ' || next === '\t' || next === '\r')
}

function skipSpace(text: string, at: number, end: number, column: number): { at: number; column: number } {
  while (at < end && (text[at] === ' ' || text[at] === '\t')) {
    column = text[at] === '\t' ? column + 4 - (column % 4) : column + 1
    at++
  }
  return { at, column }
}

/** Width of a list marker (`-`, `+`, `*`, `1.`, `12)`) at `at` followed by a space, a tab or the line end; 0 when there is none. */
function listMarkerAt(text: string, at: number, end: number): number {
  let width = 0
  const char = text[at]
  if (char === '-' || char === '+' || char === '*') width = 1
  else {
    while (width < 9 && at + width < end && text[at + width]! >= '0' && text[at + width]! <= '9') width++
    if (width === 0 || (text[at + width] !== '.' && text[at + width] !== ')')) return 0
    width++
  }
  const next = text[at + width]
  return at + width >= end || next === ' ' || next === '\t' || next === '\r' ? width : 0
}

/** `***`, `- - -`, `___`: a thematic break, not list items. */
function isThematicBreak(text: string, at: number, end: number): boolean {
  const char = text[at]
  if (char !== '-' && char !== '*' && char !== '_') return false
  let count = 0
  for (let index = at; index < end; index++) {
    const next = text[index]
    if (next === char) count++
    else if (next !== ' ' && next !== '\t' && next !== '\r') return false
  }
  return count >= 3
}

/** A bullet item with content, or one numbered `1.` or `1)` with content. */
function interruptsParagraph(text: string, at: number, end: number): boolean {
  const width = listMarkerAt(text, at, end)
  if (width === 0 || (width > 1 && !(width === 2 && text[at] === '1'))) return false
  return !isBlank(text, at + width, end)
}

/**
 * Nesting of blockquotes and list items, line by line. A list item's content
 * column is kept while later lines are indented to it, as CommonMark does; a
 * line that may be a lazy continuation (a paragraph going on without the
 * `>` or the indentation of its container) keeps every container open, so
 * the measure never falls below micromark's.
 */
function createNestingMeter() {
  /** Content columns of the open list items, increasing. */
  const open: number[] = []
  /** Blockquotes open after the last line that was not lazy. */
  let openQuotes = 0
  let previousBlank = true
  return {
    /**
     * The line's depth, the column where it passes `maxBlockNesting` (0: it
     * does not), and whether it may be a lazy continuation line.
     */
    measure(line: Line): { depth: number; over: number; lazy: boolean; change: number } {
      if (line.blank && line.markers.length === 0) {
        // A blank line ends every blockquote (and no list item).
        const change = openQuotes > 0 ? 1 : 0
        previousBlank = true
        openQuotes = 0
        return { depth: 0, over: 0, lazy: false, change }
      }
      let depth = 0
      let matched = false
      let closedItems = 0
      let over = 0
      const note = (column: number) => {
        if (depth > maxBlockNesting && !over) over = column
      }
      for (const marker of line.markers) {
        if (marker.kind === 'quote') {
          depth++
          note(marker.column)
          continue
        }
        if (!matched) {
          // The first list marker is inside every open item it is indented to; deeper ones close.
          matched = true
          const kept = countAtMost(open, marker.indent)
          closedItems = open.length - kept
          open.length = kept
          depth += open.length
          note(marker.column)
        }
        open.push(marker.content)
        depth++
        note(marker.column)
      }
      const quotes = line.markers.filter((marker) => marker.kind === 'quote').length
      let lazy = false
      if (!matched) {
        const inside = countAtMost(open, line.indent)
        lazy = !line.blank && !previousBlank && (quotes < openQuotes || inside < open.length)
        // After a blank line nothing is lazy: items the line is not indented to are closed.
        if (previousBlank && !line.blank) {
          closedItems = open.length - inside
          open.length = inside
        }
        depth += inside
        note(line.column)
      }
      // Opening or closing a container, or a line that may be lazy (or may close them: the measure cannot tell).
      // The next item of the same list costs micromark about a tenth of the others.
      const sibling = !lazy && closedItems === 1 && quotes === openQuotes && line.markers.filter((marker) => marker.kind === 'item').length === 1
      const change = sibling ? 1 / 8 : lazy || matched || quotes !== openQuotes || closedItems > 0 ? 1 : 0
      if (!lazy) openQuotes = quotes
      previousBlank = line.blank
      return { depth, over, lazy, change }
    },
  }
}

/** How many of the increasing `columns` are at most `column` (a binary search: lines stay linear). */
function countAtMost(columns: readonly number[], column: number): number {
  let low = 0
  let high = columns.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (columns[middle]! <= column) low = middle + 1
    else high = middle
  }
  return low
}

interface HeavyMarkup {
  readonly line: number
  readonly markers: number
  /** Lines that may continue a list item or blockquote lazily (without its indentation or `>`). */
  readonly lazyLines: number
  readonly characters: number
  /** True when this paragraph alone is too much; false when the file's paragraphs are, together. */
  readonly alone: boolean
}

/**
 * The work micromark does on a paragraph: it walks back over the paragraph
 * for every closing marker (`*`, `_`, `~`, `` ` ``, `$` runs, `[`, `]`) and
 * for every lazy line, so it grows with (markers + lazy lines) × characters;
 * summed over the file. A paragraph here is a run of lines up to a blank
 * line, a heading or a list item that starts a new paragraph: never shorter
 * than micromark's, so the work is never undercounted.
 */
function createMarkupMeter(spent: number) {
  let total = spent
  let paragraph = { line: 0, markers: 0, lazyLines: 0, characters: 0 }
  const workOf = (counted: typeof paragraph) => (counted.markers + counted.lazyLines) * counted.characters
  const close = (): HeavyMarkup | undefined => {
    const work = workOf(paragraph)
    total += work
    const closed = paragraph
    paragraph = { line: 0, markers: 0, lazyLines: 0, characters: 0 }
    if (total <= maxMarkupWork) return undefined
    return { ...closed, alone: work > maxMarkupWork }
  }
  return {
    measure(line: Line, lazy: boolean, text: string, start: number, end: number, lineNumber: number): HeavyMarkup | undefined {
      if (line.blank) return close()
      if (line.breaksParagraph) {
        const heavy = close()
        if (heavy) return heavy
      }
      if (paragraph.characters === 0) paragraph.line = lineNumber
      paragraph.markers += countMarkers(text, start, end)
      if (lazy) paragraph.lazyLines++
      paragraph.characters += end - start + 1
      // Cut off a paragraph that is already too much, without waiting for its end.
      return workOf(paragraph) + total > maxMarkupWork ? close() : undefined
    },
    end: close,
    work: () => total + workOf(paragraph),
  }
}

/**
 * The markers of one line that may send micromark back or forward over the
 * paragraph: every `*`, `_`, `~` run, `[` and `]`, and every `` ` `` or `$`
 * run with no run of the same length later on the line. A code or math span
 * that opens and closes on one line costs no more than the line, since
 * micromark pairs those runs by length alone.
 */
function countMarkers(text: string, start: number, end: number): number {
  let count = 0
  const runs: { char: string; length: number; escaped: boolean }[] = []
  for (let index = start; index < end; index++) {
    const char = text[index]
    if (char === '`' || char === '$') {
      let length = 1
      while (index + length < end && text[index + length] === char) length++
      runs.push({ char, length, escaped: text[index - 1] === '\\' })
      index += length - 1
    } else if (char === '\\') index++
    else if (char === '[' || char === ']') count++
    else if ((char === '*' || char === '_' || char === '~') && text[index - 1] !== char) count++
  }
  // From the end of the line back, so that "a run of this length comes later" is one lookup.
  const later = new Set<string>()
  for (let index = runs.length - 1; index >= 0; index--) {
    const run = runs[index]!
    const key = run.char + run.length
    // An escaped run opens one shorter than it closes: always counted.
    if (run.escaped || !later.has(key)) count++
    later.add(key)
  }
  return count
}
