import type { List } from 'mdast'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { LikertQuestion } from '../model.js'
import { type ItemParts, optionIds, stripMarker } from './list-items.js'
import type { Common } from './sequencing-question.js'

/** A survey scale, each point written `- ( ) Agree`: no right answer, no points. */
export function parseLikertQuestion(list: List, items: readonly ItemParts[], common: Common, file: VFile): LikertQuestion | undefined {
  if (items.length < 2 || items.length > optionIds.length) {
    problem(file, 'invalid-answer', list, `A scale needs from 2 to ${optionIds.length} points`)
    return undefined
  }
  return {
    ...common,
    kind: 'likert',
    points: 0,
    choices: items.map((item, index) => ({ id: optionIds.charAt(index), content: stripMarker(item.label, /\(\s\)\s*/) ?? item.label })),
  }
}
