import type { Blockquote, List, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { Question } from '../model.js'
import { parseChoiceQuestion } from './choice-question.js'
import { itemParts, type ItemParts, plainText } from './list-items.js'
import { parseLikertQuestion } from './likert-question.js'
import { parseMatchingQuestion } from './matching-question.js'
import { type QuestionSection, readQuestionOptions } from './question-section.js'
import { type Common, parseSequencingQuestion } from './sequencing-question.js'
import { parseTypedAnswerQuestion } from './typed-answer-question.js'

/**
 * One `##` section of a question file → a question. The answers are the last
 * list of the section, and what its items start with says the kind:
 *
 * | items                       | kind                                     |
 * | --------------------------- | ---------------------------------------- |
 * | `- [x] right`, `- [ ] wrong` | single choice, multiple response, true/false |
 * | `- = Moscow`                | fill-in (numeric when every answer is a number, `1950 ± 2` or `1949..1951`) |
 * | `- Zhou Enlai -> China`     | matching                                 |
 * | `1. first`, `2. second`     | ordering (sequencing)                    |
 * | `- ( ) Agree`               | likert (a survey, not scored)            |
 *
 * A `>` blockquote after the list is the feedback shown after answering.
 */
export function parseQuestion(section: QuestionSection, file: VFile): Question | undefined {
  const { heading, nodes } = section
  const { prompt, options } = readQuestionOptions(heading, file)
  const listIndex = lastListIndex(nodes)
  if (listIndex === -1) {
    problem(file, 'missing-answers', heading, 'This question has no answers')
    return undefined
  }
  const list = nodes[listIndex] as List
  const feedback: RootContent[] = []
  let ok = true
  for (const node of nodes.slice(listIndex + 1)) {
    if (node.type === 'blockquote') feedback.push(...(node as Blockquote).children)
    else {
      problem(file, 'unexpected-question-content', node, 'Unexpected content after the answers, expected only a `>` feedback blockquote')
      ok = false
    }
  }
  const common: Common = { id: section.id, position: heading.position, prompt, body: nodes.slice(0, listIndex), feedback, points: options.points }

  if (list.children.some((item) => typeof item.checked === 'boolean')) {
    const question = parseChoiceQuestion(list, common, options, file)
    return ok ? question : undefined
  }
  const parts = list.children.map((item) => itemParts(item, file))
  if (!ok || parts.some((part) => part === undefined)) return undefined
  const items = parts as ItemParts[]
  const texts = items.map((item) => plainText(item.label))

  if (texts.every((text) => text.startsWith('='))) return parseTypedAnswerQuestion(list, items, common, options, file)
  if (texts.every((text) => text.startsWith('( )'))) return parseLikertQuestion(list, items, common, file)
  if (texts.every((text) => text.includes('->'))) return parseMatchingQuestion(list, items, common, file)
  if (list.ordered) return parseSequencingQuestion(list, items, common, file)
  problem(file, 'unknown-question-kind', list, 'Cannot tell what kind of question these answers make')
  return undefined
}

function lastListIndex(nodes: readonly RootContent[]): number {
  for (let index = nodes.length - 1; index >= 0; index--) if (nodes[index]?.type === 'list') return index
  return -1
}
