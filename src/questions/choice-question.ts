import type { Blockquote, List, ListItem, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { Choice, Question, QuestionKind } from '../model.js'
import type { QuestionSection } from './question-section.js'

/** SCORM 1.2 reports choices as single characters (RTE 3.4.2.4.x, CMIFeedback). */
const choiceIds = 'abcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A question whose answers are a GFM task list: `- [x]` right, `- [ ]` wrong.
 * One `[x]` makes a single-choice question, several a multiple-response one,
 * and the two choices "True" and "False" a true/false question.
 */
export function parseChoiceQuestion(section: QuestionSection, file: VFile): Question | undefined {
  const { heading, nodes, id } = section
  const listIndex = nodes.findIndex(isTaskList)
  if (listIndex === -1) {
    problem(file, 'missing-choices', heading, 'This question has no choices')
    return undefined
  }
  const list = nodes[listIndex] as List
  const after = nodes.slice(listIndex + 1)
  const feedback: RootContent[] = []
  let ok = true
  for (const node of after) {
    if (node.type === 'blockquote') feedback.push(...(node as Blockquote).children)
    else {
      problem(file, 'unexpected-question-content', node, 'Unexpected content after the choices, expected only a `>` feedback blockquote')
      ok = false
    }
  }

  const choices: Choice[] = []
  for (const [index, item] of list.children.entries()) {
    const content = choiceContent(item, file)
    if (!content) ok = false
    else choices.push({ id: choiceIds.charAt(index), content, correct: item.checked === true })
  }
  if (!ok) return undefined
  if (list.children.length > choiceIds.length) {
    problem(file, 'too-many-choices', list, `This question has ${list.children.length} choices, more than ${choiceIds.length}`)
    return undefined
  }
  const correct = choices.filter((choice) => choice.correct).length
  if (correct === 0) {
    problem(file, 'missing-correct-choice', list, 'This question has no `[x]` choice')
    return undefined
  }

  return {
    id,
    kind: kindOf(choices, correct),
    prompt: heading.children,
    body: nodes.slice(0, listIndex),
    choices,
    feedback,
    points: 1,
  }
}

function kindOf(choices: readonly Choice[], correct: number): QuestionKind {
  const labels = choices.map((choice) => choice.content.map((node) => toString(node)).join('').trim().toLowerCase())
  if (correct === 1 && labels.length === 2 && labels.includes('true') && labels.includes('false')) return 'true-false'
  return correct === 1 ? 'single-choice' : 'multiple-response'
}

function isTaskList(node: RootContent): boolean {
  return node.type === 'list' && node.children.some((item) => typeof item.checked === 'boolean')
}

/** A choice is inline content: one or more paragraphs of text, emphasis, code, links and images. */
function choiceContent(item: ListItem, file: VFile): PhrasingContent[] | undefined {
  if (typeof item.checked !== 'boolean') {
    problem(file, 'unexpected-question-content', item, 'This choice has no `[ ]` or `[x]` box', {
      hint: 'Start every choice with `- [ ] ` (wrong) or `- [x] ` (right).',
    })
    return undefined
  }
  const content: PhrasingContent[] = []
  for (const child of item.children) {
    if (child.type !== 'paragraph') {
      problem(file, 'unexpected-question-content', child, `Unexpected ${child.type} in a choice, expected text`, {
        hint: 'A choice is one line of text; it may hold emphasis, `code`, links and images.',
      })
      return undefined
    }
    if (content.length > 0) content.push({ type: 'break' })
    content.push(...child.children)
  }
  return content
}
