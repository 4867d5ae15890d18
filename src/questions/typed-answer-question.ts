import type { List } from 'mdast'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { FillInQuestion, NumericQuestion } from '../model.js'
import { type ItemParts, plainText, stripMarker } from './list-items.js'
import type { QuestionOptions } from './question-section.js'
import type { Common } from './sequencing-question.js'

/** `1950`, `1950 ± 2` (or `+-`), `1949..1951`. */
const numberPattern = '[-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)'
const numericAnswer = new RegExp(`^(${numberPattern})(?:\\s*(?:±|\\+-|\\+/-)\\s*(${numberPattern})|\\s*\\.\\.\\s*(${numberPattern}))?$`)

/**
 * Accepted answers, each written `- = answer`: a fill-in question, or a
 * numeric one when every answer is a number, a number with a tolerance
 * (`= 1950 ± 2`) or a range (`= 1949..1951`). A blockquote under an answer
 * is the feedback for a learner who gave it.
 */
export function parseTypedAnswerQuestion(
  list: List,
  items: readonly ItemParts[],
  common: Common,
  options: QuestionOptions,
  file: VFile,
): FillInQuestion | NumericQuestion | undefined {
  const texts = items.map((item) => plainText(stripMarker(item.label, /=\s*/) ?? []))
  const numeric = texts.map((text) => numericAnswer.exec(text))
  if (numeric.every((match) => match !== null)) {
    const answers = []
    for (const [index, match] of numeric.entries()) {
      const value = Number(match![1])
      const tolerance = match![2] === undefined ? 0 : Number(match![2])
      const [min, max] = match![3] === undefined ? [value - tolerance, value + tolerance] : [value, Number(match![3])]
      if (min > max) {
        problem(file, 'invalid-answer', list.children[index], `The range \`${texts[index]}\` ends below its start`, { hint: 'Write the smaller number first: `= 1949..1951`.' })
        return undefined
      }
      answers.push({ value: { min, max }, weight: 1, feedback: items[index]!.feedback })
    }
    return { ...common, kind: 'numeric', answers }
  }
  for (const [index, text] of texts.entries()) {
    if (text === '') {
      problem(file, 'invalid-answer', list.children[index], 'This accepted answer is empty', { hint: 'Write the answer after the `=`: `- = Moscow`.' })
      return undefined
    }
    if (text.length > 60) {
      problem(file, 'invalid-answer', list.children[index], `This accepted answer has ${text.length} characters; learners can type at most 60`)
      return undefined
    }
  }
  return {
    ...common,
    kind: 'fill-in',
    caseSensitive: options.caseSensitive,
    answers: texts.map((text, index) => ({ value: text, weight: 1, feedback: items[index]!.feedback })),
  }
}
