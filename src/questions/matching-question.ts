import type { List } from 'mdast'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { MatchingQuestion, Option } from '../model.js'
import { type ItemParts, optionIds, plainText, sourceIds, splitAt } from './list-items.js'
import type { Common } from './sequencing-question.js'

/**
 * Pairs, each written `- left -> right`. A learner picks the right side of
 * each left one from a list; `- -> right` adds a distractor.
 */
export function parseMatchingQuestion(list: List, items: readonly ItemParts[], common: Common, file: VFile): MatchingQuestion | undefined {
  const sources: Option[] = []
  const targets: Option[] = []
  const pairs: Record<string, string> = {}
  for (const [index, item] of items.entries()) {
    const [left, right] = splitAt(item.label, '->') ?? [[], []]
    if (plainText(right) === '') {
      problem(file, 'invalid-answer', list.children[index], 'This pair has nothing after `->`', { hint: 'Write each pair as `- Zhou Enlai -> signed for China`.' })
      return undefined
    }
    const target = { id: optionIds.charAt(targets.length), content: right }
    targets.push(target)
    if (plainText(left) === '') continue
    const source = { id: sourceIds.charAt(sources.length), content: left }
    sources.push(source)
    pairs[source.id] = target.id
  }
  if (sources.length < 2 || targets.length > optionIds.length) {
    problem(file, 'invalid-answer', list, sources.length < 2 ? 'A matching question needs at least two pairs' : `A matching question can have at most ${optionIds.length} answers`)
    return undefined
  }
  return { ...common, kind: 'matching', sources, targets, pairs }
}
