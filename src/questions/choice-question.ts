import type { List } from 'mdast'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { Choice, ChoiceQuestion } from '../model.js'
import { itemParts, optionIds, plainText } from './list-items.js'
import type { QuestionOptions } from './question-section.js'
import type { Common } from './sequencing-question.js'

/**
 * A GFM task list: `- [x]` right, `- [ ]` wrong. One `[x]` makes a
 * single-choice question, several a multiple-response one (all or nothing,
 * or partial credit with `{partial}`), and the two choices "True" and
 * "False" a true/false question. A blockquote under a choice is its feedback.
 */
export function parseChoiceQuestion(list: List, common: Common, options: QuestionOptions, file: VFile): ChoiceQuestion | undefined {
  if (list.children.length > optionIds.length) {
    problem(file, 'too-many-choices', list, `This question has ${list.children.length} choices, more than ${optionIds.length}`)
    return undefined
  }
  const parsed: { label: Choice['content']; feedback: Choice['feedback']; right: boolean }[] = []
  for (const item of list.children) {
    if (typeof item.checked !== 'boolean') {
      problem(file, 'unexpected-question-content', item, 'This choice has no `[ ]` or `[x]` box', {
        hint: 'Start every choice with `- [ ] ` (wrong) or `- [x] ` (right).',
      })
      return undefined
    }
    const parts = itemParts(item, file)
    if (!parts) return undefined
    parsed.push({ label: parts.label, feedback: parts.feedback, right: item.checked })
  }
  const right = parsed.filter((choice) => choice.right).length
  if (right === 0) {
    problem(file, 'missing-correct-choice', list, 'This question has no `[x]` choice')
    return undefined
  }
  const wrong = parsed.length - right
  const labels = parsed.map((choice) => plainText(choice.label).toLowerCase())
  const kind =
    right === 1 && labels.length === 2 && labels.includes('true') && labels.includes('false')
      ? 'true-false'
      : right === 1
        ? 'single-choice'
        : 'multiple-response'
  const partial = kind === 'multiple-response' && options.partial
  const choices = parsed.map((choice, index) => ({
    id: optionIds.charAt(index),
    content: choice.label,
    feedback: choice.feedback,
    // With partial credit each right choice earns its share and each wrong one takes a share away.
    weight: choice.right ? 1 / right : partial && wrong > 0 ? -1 / right : 0,
  }))
  return { ...common, kind, choices, scoring: partial ? 'weighted' : 'all-or-nothing' }
}
