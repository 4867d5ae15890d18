import type { ElementContent, Root } from 'hast'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import { maxHighlightedBlock, maxHighlightedPage } from '../limits.js'
import { eachElement } from './walk-tree.js'

/**
 * Mark the code blocks that rehype-highlight must leave plain (`no-highlight`):
 * any longer than `maxHighlightedBlock` characters, and those past
 * `maxHighlightedPage` in one file (a quiz is rendered piece by piece, so
 * the count is kept on the file). Some of highlight.js's grammars backtrack
 * badly on odd text (C on 16 KB of `a a a …`: 2 s; on 100 KB: a minute), so
 * the size of what is highlighted is what keeps a page within seconds. The
 * cut is by size alone, so the same page always comes out the same.
 */
export default function rehypeHighlightBudget() {
  return function transform(tree: Root, file: VFile): void {
    const spent = file.data as { highlightedCharacters?: number; highlightBudgetReported?: boolean }
    eachElement(tree, (element, _, parent) => {
      if (element.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return
      const classes = Array.isArray(element.properties.className) ? element.properties.className.map(String) : []
      if (!classes.some((name) => name.startsWith('language-') || name.startsWith('lang-')) || classes.includes('no-highlight') || classes.includes('nohighlight')) return
      const length = textLength(element.children)
      const highlighted = spent.highlightedCharacters ?? 0
      if (length <= maxHighlightedBlock && highlighted + length <= maxHighlightedPage) {
        spent.highlightedCharacters = highlighted + length
        return
      }
      element.properties.className = [...classes, 'no-highlight']
      if (length > maxHighlightedBlock) {
        problem(file, 'code-not-highlighted', element.position, `This code block has ${length} characters, more than the ${maxHighlightedBlock} coursepack highlights in one block: it is shown without colours`)
      } else if (!spent.highlightBudgetReported) {
        // Once per file: the blocks after it are left plain for the same reason.
        spent.highlightBudgetReported = true
        problem(file, 'code-not-highlighted', element.position, `The code blocks of this page have more than the ${maxHighlightedPage} characters coursepack highlights on one page: this one and those after it are shown without colours`)
      }
    })
  }
}

/** How many characters of text `nodes` hold. */
function textLength(nodes: readonly ElementContent[]): number {
  let length = 0
  const stack = [...nodes]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text') length += node.value.length
    else if (node.type === 'element') stack.push(...node.children)
  }
  return length
}
