import type { PhrasingContent } from 'mdast'
import type { VFile } from 'vfile'
import { problem } from '../../diagnostics/problem.js'
import type { Choice, Option, Question } from '../../model.js'
import { optionIds, plainText, sourceIds } from '../list-items.js'
import { type GiftChunk, indexOfUnescaped, splitAtMarkers, unescapeGift } from './gift-chunks.js'
import type { Spent } from '../../markdown/guard-markdown.js'
import { type GiftFormat, giftBlocks, giftInline } from './gift-text.js'

/** `{#1822:5}`, `{#1..5}`, `{#1950}` (tolerance, range, exact). */
const numericPattern = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*(?::\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))|\.\.\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)))?\s*$/

interface Parsed {
  readonly marker: string
  readonly weight: number | undefined
  readonly text: string
  readonly feedback: string | undefined
}

/**
 * One GIFT question → a coursepack question, following Moodle's GIFT
 * documentation: multiple choice (`=` right, `~` wrong, `~%50%` weights),
 * multiple answers (no `=`: weights, negative ones too), true/false
 * (`{T}` `{TRUE}` `{F}` `{FALSE}`, with `#feedback`), short answer (several
 * `=`), numerical (`{#1950}` `{#1950:2}` `{#1..5}`, several `=` with
 * weights), matching (`=a -> b`), missing word (text after the braces),
 * `::title::`, `[format]`, `####` general feedback. `$CATEGORY:` lines are
 * noted; essays and descriptions are reported and left out.
 */
export function parseGiftQuestion(chunk: GiftChunk, id: string, file: VFile, spent?: Spent): Question | undefined {
  const text = chunk.text
  const start = chunk.pointAt(0)
  if (/^\s*\$CATEGORY:/.test(text)) {
    problem(file, 'gift-category', start, `Category \`${text.replace(/^\s*\$CATEGORY:\s*/, '').trim()}\` noted; the file is one quiz`)
    return undefined
  }
  let offset = 0
  const title = /^\s*::([\s\S]*?[^\\])::/.exec(text)
  if (title) offset = title[0].length
  const formatMatch = /^\s*\[(moodle|plain|markdown|html)\]/.exec(text.slice(offset))
  const format: GiftFormat = (formatMatch?.[1] as GiftFormat | undefined) ?? 'moodle'
  if (formatMatch) offset += formatMatch[0].length

  const open = indexOfUnescaped(text, '{', offset)
  if (open === -1) {
    problem(file, 'unsupported-gift-question', start, 'A GIFT description (text without answers) cannot be scored and is left out')
    return undefined
  }
  const close = indexOfUnescaped(text, '}', open + 1)
  if (close === -1) {
    problem(file, 'invalid-gift', chunk.pointAt(open), 'This `{` is never closed', { hint: 'End the answers with `}`; write `\\}` for a brace inside text.' })
    return undefined
  }
  const before = text.slice(offset, open)
  const after = text.slice(close + 1)
  const block = text.slice(open + 1, close)
  // Missing word: text after the answers puts a blank where they stood.
  const prompt: PhrasingContent[] =
    after.trim() === '' ? giftInline(before, format, spent) : [...giftInline(before, format, spent), { type: 'text', value: ' _____ ' }, ...giftInline(after, format, spent)]
  const [answersPart = '', generalFeedback] = splitOnce(block, '####')
  const common = { id, position: { start, end: chunk.pointAt(text.length) }, prompt, body: [], feedback: giftBlocks(generalFeedback, format, spent), points: 1 }
  const fail = (reason: string) => {
    problem(file, 'invalid-gift', chunk.pointAt(open), reason)
    return undefined
  }

  const trimmed = answersPart.trim()
  if (trimmed === '') {
    problem(file, 'unsupported-gift-question', start, 'A GIFT essay question (`{}`) cannot be scored in the package and is left out')
    return undefined
  }
  const trueFalse = /^(T|F|TRUE|FALSE)\b/i.exec(trimmed)
  if (trueFalse && indexOfUnescaped(trimmed, '~') === -1 && indexOfUnescaped(trimmed, '=') === -1) {
    const answerIsTrue = trueFalse[1]!.toUpperCase().startsWith('T')
    const [, wrongFeedback, rightFeedback] = splitAtMarkers(trimmed, '#').map((piece) => piece.text)
    const feedbackFor = (isTrue: boolean) => giftBlocks(isTrue === answerIsTrue ? rightFeedback : wrongFeedback, format, spent)
    const choices: Choice[] = [
      { id: 'a', content: [{ type: 'text', value: 'True' }], booleanLabel: 'true', weight: answerIsTrue ? 1 : 0, feedback: feedbackFor(true) },
      { id: 'b', content: [{ type: 'text', value: 'False' }], booleanLabel: 'false', weight: answerIsTrue ? 0 : 1, feedback: feedbackFor(false) },
    ]
    return { ...common, kind: 'true-false', choices, scoring: 'all-or-nothing' }
  }

  if (trimmed.startsWith('#')) {
    const body = trimmed.slice(1)
    const entries = indexOfUnescaped(body, '=') === -1 ? [{ marker: '=', text: body, offset: 0 }] : splitAtMarkers(body, '=').slice(1)
    const answers = []
    for (const entry of entries) {
      const parsed = parseAnswer(entry.marker, entry.text)
      const match = numericPattern.exec(unescapeGift(parsed.text))
      if (!match) return fail(`\`${parsed.text.trim()}\` is not a number, \`number:tolerance\` or \`min..max\``)
      const value = Number(match[1])
      const [min, max] = match[3] !== undefined ? [value, Number(match[3])] : [value - Math.abs(Number(match[2] ?? 0)), value + Math.abs(Number(match[2] ?? 0))]
      if (min > max) return fail(`The range \`${parsed.text.trim()}\` ends below its start`)
      answers.push({ value: { min, max }, weight: parsed.weight ?? 1, feedback: giftBlocks(parsed.feedback, format, spent) })
    }
    return { ...common, kind: 'numeric', answers }
  }

  const pieces = splitAtMarkers(answersPart, '~=')
  if (pieces[0]!.text.trim() !== '') return fail('Answers must start with `=` (right) or `~` (wrong)')
  const answers = pieces.slice(1).map((piece) => parseAnswer(piece.marker, piece.text))
  if (answers.length === 0) return fail('This question has no answers')

  if (answers.every((answer) => answer.marker === '=') && answers.some((answer) => indexOfUnescaped(answer.text, '->') !== -1)) {
    const sources: Option[] = []
    const targets: Option[] = []
    const pairs: Record<string, string> = {}
    for (const answer of answers) {
      const arrow = indexOfUnescaped(answer.text, '->')
      if (arrow === -1) return fail('Every answer of a matching question is a pair `=left -> right`')
      const target = { id: optionIds.charAt(targets.length), content: giftInline(answer.text.slice(arrow + 2), 'plain') }
      targets.push(target)
      const left = giftInline(answer.text.slice(0, arrow), format, spent)
      if (plainText(left) === '') continue
      const source = { id: sourceIds.charAt(sources.length), content: left }
      sources.push(source)
      pairs[source.id] = target.id
    }
    if (sources.length < 2) return fail('A matching question needs at least two pairs')
    return { ...common, kind: 'matching', sources, targets, pairs }
  }

  if (answers.some((answer) => answer.marker === '~')) {
    if (answers.length > optionIds.length) return fail(`This question has ${answers.length} answers, more than ${optionIds.length}`)
    const single = answers.some((answer) => answer.marker === '=')
    const choices: Choice[] = answers.map((answer, index) => ({
      id: optionIds.charAt(index),
      content: giftInline(answer.text, format, spent),
      weight: answer.weight ?? (answer.marker === '=' ? 1 : 0),
      feedback: giftBlocks(answer.feedback, format, spent),
    }))
    // Moodle: with no `=` answer, learners may choose several (weights add up).
    return { ...common, kind: single ? 'single-choice' : 'multiple-response', choices, scoring: 'weighted' }
  }

  const accepted = answers.map((answer) => ({ value: unescapeGift(answer.text).trim(), weight: answer.weight ?? 1, feedback: giftBlocks(answer.feedback, format, spent) }))
  if (accepted.some((answer) => answer.value === '')) return fail('An accepted answer is empty')
  return { ...common, kind: 'fill-in', answers: accepted, caseSensitive: false }
}

/** `%50%Moscow#Well done` → weight 0.5, text `Moscow`, feedback `Well done`. */
function parseAnswer(marker: string, raw: string): Parsed {
  const weight = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(raw)
  const rest = weight ? raw.slice(weight[0].length) : raw
  const [text = '', feedback] = splitOnce(rest, '#')
  return { marker, weight: weight ? Math.max(-1, Math.min(1, Number(weight[1]) / 100)) : undefined, text, feedback }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = indexOfUnescaped(text, separator)
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)]
}
