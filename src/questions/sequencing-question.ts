import type { List } from 'mdast'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { Question, SequencingQuestion } from '../model.js'
import { type ItemParts, optionIds } from './list-items.js'

/** What every kind of question shares, as the section gave it. */
export type Common = Pick<Question, 'id' | 'position' | 'prompt' | 'body' | 'feedback' | 'points'>

/** An ordered list, written in the right order; learners see it scrambled and put it back in order. */
export function parseSequencingQuestion(list: List, items: readonly ItemParts[], common: Common, file: VFile): SequencingQuestion | undefined {
  if (items.length < 2 || items.length > optionIds.length) {
    problem(file, 'invalid-answer', list, items.length < 2 ? 'An ordering question needs at least two items' : `An ordering question can have at most ${optionIds.length} items`)
    return undefined
  }
  return { ...common, kind: 'sequencing', items: items.map((item, index) => ({ id: optionIds.charAt(index), content: item.label })) }
}
